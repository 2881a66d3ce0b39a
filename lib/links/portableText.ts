import type {PolicyBody, PortableTextBlock} from '../policy/types'

/** One link as a reader sees it: the run of consecutive spans carrying the same `link` mark. */
export interface LinkRun {
  href: string
  /** The linked words. */
  text: string
  /** The `_key` of the link annotation in the block's `markDefs`. */
  markKey: string
  /** The `_key` of the block the link is in. */
  blockKey: string
}

/** The links of a block, in reading order. */
export function linksInBlock(block: PortableTextBlock): LinkRun[] {
  const hrefs = new Map<string, string>()
  for (const def of block.markDefs ?? []) {
    if (def._type === 'link') hrefs.set(def._key, def.href)
  }
  if (hrefs.size === 0) return []

  const runs: LinkRun[] = []
  let open: LinkRun[] = []
  for (const span of block.children) {
    const marks = (span.marks ?? []).filter((mark) => hrefs.has(mark))
    const next: LinkRun[] = []
    for (const markKey of marks) {
      const continuing = open.find((run) => run.markKey === markKey)
      if (continuing) {
        continuing.text += span.text
        next.push(continuing)
      } else {
        const run = {href: hrefs.get(markKey) ?? '', text: span.text, markKey, blockKey: block._key}
        runs.push(run)
        next.push(run)
      }
    }
    open = next
  }
  return runs
}

/** The links of a Portable Text body, in reading order. */
export function linksInBody(body: PolicyBody): LinkRun[] {
  return body.flatMap(linksInBlock)
}
