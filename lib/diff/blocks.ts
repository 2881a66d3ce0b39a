import {diffArrays} from 'diff'
import {linksInBlock, linksInBody} from '../links/portableText'
import type {Language, PolicyBody, PortableTextBlock} from '../policy/types'
import {diffSides, hasChanges, type ChangeKind, type Side, type TextRange} from './text'
import {normalise, tokenize} from './tokenize'

/** How a block is laid out: what a renderer needs to show paragraphs, headings and lists. */
export interface BlockFormat {
  style: 'normal' | 'h3' | 'h4'
  listItem?: 'bullet' | 'number'
  /** Nesting level of a list item, from 1. */
  level?: number
}

/** A run of a block's text with the emphasis and link it carries in its own version. */
export interface InlineChange {
  kind: ChangeKind
  text: string
  /** Decorators (`strong`, `em`) of the spans the text comes from. */
  marks: string[]
  /** Target of the link the text is in, if any. */
  href?: string
}

export type BlockStatus = 'unchanged' | 'added' | 'removed' | 'modified'

export interface BlockComparison {
  status: BlockStatus
  /** The format to show the block in: the later version's, or the earlier one's when removed. */
  format: BlockFormat
  /** The earlier format, only when a modified block's format changed (a paragraph made a list…). */
  formatBefore?: BlockFormat
  keyBefore?: string
  keyAfter?: string
  /** The block's text as a word-level redline; only `equal` runs when unchanged. */
  changes: InlineChange[]
}

/** A link whose target changed (same words, other address), or a link added or removed. */
export type LinkChange =
  | {kind: 'added'; text: string; href: string}
  | {kind: 'removed'; text: string; href: string}
  | {kind: 'retargeted'; text: string; hrefBefore: string; hrefAfter: string}

export interface BodyComparison {
  /** Whether readers would see any difference: words, formats or link targets. */
  changed: boolean
  blocks: BlockComparison[]
  links: LinkChange[]
}

/** The plain text of a block, as read. */
export function blockText(block: PortableTextBlock): string {
  return block.children.map((span) => span.text).join('')
}

export function blockFormat(block: PortableTextBlock): BlockFormat {
  const format: BlockFormat = {style: block.style ?? 'normal'}
  if (block.listItem) {
    format.listItem = block.listItem
    format.level = block.level ?? 1
  }
  return format
}

function sameFormat(a: BlockFormat, b: BlockFormat): boolean {
  return a.style === b.style && a.listItem === b.listItem && a.level === b.level
}

function linkPairs(block: PortableTextBlock): string {
  if (!block.markDefs?.length) return ''
  return JSON.stringify(linksInBlock(block).map((link) => [link.text, link.href]))
}

/** What two blocks must share to be the same block, unchanged. */
function signature(block: PortableTextBlock): string {
  const {style, listItem = '', level = ''} = blockFormat(block)
  return `${style}\u0000${listItem}\u0000${level}\u0000${linkPairs(block)}\u0000${blockText(block)}`
}

/** Each block's tokens, computed once per comparison of two bodies. */
class Tokens {
  private readonly cache = new Map<PortableTextBlock, Side>()
  constructor(readonly language: Language) {}

  of(block: PortableTextBlock): Side {
    let side = this.cache.get(block)
    if (!side) {
      const text = blockText(block)
      side = {text, tokens: tokenize(text, this.language)}
      this.cache.set(block, side)
    }
    return side
  }
}

interface SpanRange {
  start: number
  end: number
  marks: string[]
  href?: string
}

function spanRanges(block: PortableTextBlock): SpanRange[] {
  const hrefs = new Map<string, string>()
  for (const def of block.markDefs ?? []) if (def._type === 'link') hrefs.set(def._key, def.href)
  const spans: SpanRange[] = []
  let offset = 0
  for (const span of block.children) {
    const marks = span.marks ?? []
    const link = marks.find((mark) => hrefs.has(mark))
    const href = link === undefined ? undefined : hrefs.get(link)
    spans.push({
      start: offset,
      end: offset + span.text.length,
      marks: marks.filter((mark) => !hrefs.has(mark)),
      ...(href === undefined ? {} : {href}),
    })
    offset += span.text.length
  }
  return spans
}

/**
 * Turns located runs into inline changes, cut along the spans of the block each run comes from
 * (the earlier block for deletions, the later one otherwise) so that every piece keeps its marks.
 */
function inlineChanges(
  ranges: TextRange[],
  before: PortableTextBlock | undefined,
  after: PortableTextBlock | undefined,
): InlineChange[] {
  const sources = {
    before: before && {text: blockText(before), spans: spanRanges(before)},
    after: after && {text: blockText(after), spans: spanRanges(after)},
  }
  const changes: InlineChange[] = []
  for (const range of ranges) {
    const source = range.kind === 'deleted' ? sources.before : sources.after
    if (!source) continue
    for (const span of source.spans) {
      const start = Math.max(range.start, span.start)
      const end = Math.min(range.end, span.end)
      if (end <= start) continue
      const text = source.text.slice(start, end)
      const last = changes[changes.length - 1]
      if (
        last &&
        last.kind === range.kind &&
        last.href === span.href &&
        last.marks.join() === span.marks.join()
      ) {
        last.text += text
      } else {
        changes.push({
          kind: range.kind,
          text,
          marks: span.marks,
          ...(span.href === undefined ? {} : {href: span.href}),
        })
      }
    }
  }
  return changes
}

/** A block present in one version only. */
function blockAlone(block: PortableTextBlock, status: 'added' | 'removed'): BlockComparison {
  const range: TextRange = {
    kind: status === 'added' ? 'inserted' : 'deleted',
    start: 0,
    end: blockText(block).length,
  }
  return status === 'added'
    ? {
        status,
        format: blockFormat(block),
        keyAfter: block._key,
        changes: inlineChanges([range], undefined, block),
      }
    : {
        status,
        format: blockFormat(block),
        keyBefore: block._key,
        changes: inlineChanges([range], block, undefined),
      }
}

/** A block the same in both versions. */
function blockUnchanged(before: PortableTextBlock, after: PortableTextBlock): BlockComparison {
  const range: TextRange = {kind: 'equal', start: 0, end: blockText(after).length}
  return {
    status: 'unchanged',
    format: blockFormat(after),
    keyBefore: before._key,
    keyAfter: after._key,
    changes: inlineChanges([range], undefined, after),
  }
}

function compareBlocks(
  before: PortableTextBlock,
  after: PortableTextBlock,
  tokens: Tokens,
  deadline: number,
): BlockComparison {
  const ranges = diffSides(tokens.of(before), tokens.of(after), deadline)
  const format = blockFormat(after)
  const formatBefore = blockFormat(before)
  const formatChanged = !sameFormat(format, formatBefore)
  const changed = hasChanges(ranges) || formatChanged || linkPairs(before) !== linkPairs(after)
  return {
    status: changed ? 'modified' : 'unchanged',
    format,
    ...(changed && formatChanged ? {formatBefore} : {}),
    keyBefore: before._key,
    keyAfter: after._key,
    changes: inlineChanges(ranges, before, after),
  }
}

/** Share of words two blocks have in common (Dice coefficient over their tokens). */
function similarity(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  const counts = new Map<string, number>()
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1)
  let common = 0
  for (const token of b) {
    const count = counts.get(token) ?? 0
    if (count > 0) {
      common++
      counts.set(token, count - 1)
    }
  }
  return (2 * common) / (a.length + b.length)
}

// Below this share of common words, an edited block reads better as removed and added.
const PAIRING_THRESHOLD = 0.5
// Beyond this many candidate pairs in one stretch of replaced blocks, pair them in order.
const MAX_PAIRING_CELLS = 10_000

type Aligned = {removed: number} | {added: number} | {removed: number; added: number}

/**
 * Pairs the blocks of a replaced stretch, keeping their order, to maximise the words the pairs
 * share: a paired block is shown as modified, with a word-level redline; the others as removed or
 * added. The same `_key` on both sides only breaks ties.
 */
function alignReplaced(
  removed: PortableTextBlock[],
  added: PortableTextBlock[],
  tokens: Tokens,
): Aligned[] {
  const words = (block: PortableTextBlock) => tokens.of(block).tokens.map((t) => t.norm)
  const removedWords = removed.map(words)
  const addedWords = added.map(words)
  const score = (i: number, j: number): number => {
    const s = similarity(removedWords[i] ?? [], addedWords[j] ?? [])
    if (s < PAIRING_THRESHOLD) return 0
    return s + (removed[i]?._key === added[j]?._key ? 0.01 : 0)
  }

  const m = removed.length
  const n = added.length
  if (m * n > MAX_PAIRING_CELLS) {
    const aligned: Aligned[] = []
    for (let k = 0; k < Math.max(m, n); k++) {
      if (k < m && k < n && score(k, k) > 0) aligned.push({removed: k, added: k})
      else {
        if (k < m) aligned.push({removed: k})
        if (k < n) aligned.push({added: k})
      }
    }
    return aligned
  }

  const width = n + 1
  const best = new Float64Array((m + 1) * width)
  const pairScore = new Float64Array((m + 1) * width)
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const pair = score(i - 1, j - 1)
      pairScore[i * width + j] = pair
      best[i * width + j] = Math.max(
        best[(i - 1) * width + j] ?? 0,
        best[i * width + j - 1] ?? 0,
        pair > 0 ? (best[(i - 1) * width + j - 1] ?? 0) + pair : 0,
      )
    }
  }
  const reversed: Aligned[] = []
  let i = m
  let j = n
  while (i > 0 || j > 0) {
    const here = best[i * width + j] ?? 0
    const pair = pairScore[i * width + j] ?? 0
    if (i > 0 && j > 0 && pair > 0 && here === (best[(i - 1) * width + j - 1] ?? 0) + pair) {
      reversed.push({removed: i - 1, added: j - 1})
      i--
      j--
    } else if (j > 0 && (i === 0 || here === (best[i * width + j - 1] ?? 0))) {
      reversed.push({added: j - 1})
      j--
    } else {
      reversed.push({removed: i - 1})
      i--
    }
  }
  return reversed.reverse()
}

function linkKey(text: string): string {
  return normalise(text).replace(/\s+/g, ' ').trim()
}

/**
 * Link changes between two bodies: same words now pointing elsewhere (`retargeted`), and links
 * added or removed. A link whose words were edited but whose target stayed is not a link change
 * (the word-level redline shows the edit).
 */
export function compareLinks(before: PolicyBody, after: PolicyBody): LinkChange[] {
  const removed = linksInBody(before)
  const added = linksInBody(after)
  const take = <T>(list: T[], match: (item: T) => boolean): T | undefined => {
    const index = list.findIndex(match)
    return index === -1 ? undefined : list.splice(index, 1)[0]
  }
  // Links that stayed as they were.
  for (const link of [...added]) {
    const same = take(
      removed,
      (r) => r.href === link.href && linkKey(r.text) === linkKey(link.text),
    )
    if (same) take(added, (a) => a === link)
  }
  const changes: LinkChange[] = []
  for (const link of [...added]) {
    const old = take(removed, (r) => linkKey(r.text) === linkKey(link.text))
    if (!old) continue
    take(added, (a) => a === link)
    changes.push({kind: 'retargeted', text: link.text, hrefBefore: old.href, hrefAfter: link.href})
  }
  for (const link of [...added]) {
    if (take(removed, (r) => r.href === link.href)) take(added, (a) => a === link)
  }
  changes.push(
    ...removed.map((link) => ({kind: 'removed' as const, text: link.text, href: link.href})),
  )
  changes.push(...added.map((link) => ({kind: 'added' as const, text: link.text, href: link.href})))
  return changes
}

/** A body present in one version only: every block added, or every block removed. */
export function wholeBody(body: PolicyBody, status: 'added' | 'removed'): BodyComparison {
  return {
    changed: body.length > 0,
    blocks: body.map((block) => blockAlone(block, status)),
    links: status === 'added' ? compareLinks([], body) : compareLinks(body, []),
  }
}

/**
 * Compares two Portable Text bodies block by block: blocks equal in both versions are aligned
 * first (longest common subsequence), then, between them, edited blocks are paired with their
 * earlier selves and compared word by word; the rest are added or removed.
 */
export function compareBodies(
  before: PolicyBody,
  after: PolicyBody,
  language: Language,
  /** A `Date.now()` instant past which edited blocks are shown replaced whole (see diffSides). */
  deadline: number = Number.POSITIVE_INFINITY,
): BodyComparison {
  const beforeSignatures = before.map(signature)
  const afterSignatures = after.map(signature)
  if (
    beforeSignatures.length === afterSignatures.length &&
    beforeSignatures.every((s, i) => s === afterSignatures[i])
  ) {
    return {
      changed: false,
      blocks: after.map((block, i) => blockUnchanged(before[i] ?? block, block)),
      links: [],
    }
  }

  const tokens = new Tokens(language)
  const blocks: BlockComparison[] = []
  let b = 0
  let a = 0
  let removed: PortableTextBlock[] = []
  let added: PortableTextBlock[] = []
  const flush = () => {
    for (const item of alignReplaced(removed, added, tokens)) {
      const r = 'removed' in item ? removed[item.removed] : undefined
      const n = 'added' in item ? added[item.added] : undefined
      if (r && n) blocks.push(compareBlocks(r, n, tokens, deadline))
      else if (r) blocks.push(blockAlone(r, 'removed'))
      else if (n) blocks.push(blockAlone(n, 'added'))
    }
    removed = []
    added = []
  }
  for (const change of diffArrays(beforeSignatures, afterSignatures)) {
    if (change.removed) {
      removed.push(...before.slice(b, b + change.count))
      b += change.count
    } else if (change.added) {
      added.push(...after.slice(a, a + change.count))
      a += change.count
    } else {
      flush()
      for (let k = 0; k < change.count; k++) {
        const r = before[b + k]
        const n = after[a + k]
        if (r && n) blocks.push(blockUnchanged(r, n))
      }
      b += change.count
      a += change.count
    }
  }
  flush()

  const links = compareLinks(before, after)
  return {
    changed: links.length > 0 || blocks.some((block) => block.status !== 'unchanged'),
    blocks,
    links,
  }
}
