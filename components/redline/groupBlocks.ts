import type {BlockFormat} from '@/lib/diff'

export interface BlockNode<T> {
  kind: 'block'
  block: T
}

export interface ListItemNode<T> {
  block: T
  /** Lists nested in this item (items of a deeper level that follow it). */
  lists: ListNode<T>[]
}

export interface ListNode<T> {
  kind: 'list'
  listItem: 'bullet' | 'number'
  items: ListItemNode<T>[]
}

export type BodyNode<T> = BlockNode<T> | ListNode<T>

/**
 * Portable Text stores a list as consecutive blocks with a list type and a level; HTML wants
 * `<ul>`/`<ol>` elements with deeper levels nested inside items. This builds that tree.
 */
export function groupBlocks<T>(
  blocks: readonly T[],
  formatOf: (block: T) => BlockFormat,
): BodyNode<T>[] {
  const nodes: BodyNode<T>[] = []
  let open: {level: number; list: ListNode<T>}[] = []
  for (const block of blocks) {
    const {listItem, level = 1} = formatOf(block)
    if (!listItem) {
      open = []
      nodes.push({kind: 'block', block})
      continue
    }
    // Close lists deeper than this item, and a list of the other type at its level.
    let top = open[open.length - 1]
    while (top && (top.level > level || (top.level === level && top.list.listItem !== listItem))) {
      open.pop()
      top = open[open.length - 1]
    }
    if (!top || top.level < level) {
      const list: ListNode<T> = {kind: 'list', listItem, items: []}
      const parent = top?.list.items[top.list.items.length - 1]
      if (parent) parent.lists.push(list)
      else nodes.push(list)
      top = {level, list}
      open.push(top)
    }
    top.list.items.push({block, lists: []})
  }
  return nodes
}
