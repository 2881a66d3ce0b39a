/**
 * Who wrote what since the previous publication, from two sources that must agree to be trusted
 * on their own: the content source's history of transactions (complete, but kept only for a
 * plan's retention) and the site's own record of changes (kept for as long as the site runs, but
 * only while it listens). Pure: the site reads both and hands them here
 * (docs/decisions/0020-separation-of-duties-from-a-complete-history.md).
 */

/** One transaction, as far as authorship goes. */
export interface AuthoredWrite {
  transactionId: string
  timestamp: string
  author: string
  documentIds: string[]
  /** The documents it created (they did not exist before it). */
  created: string[]
  /** The documents it wrote whole (create, createOrReplace, createIfNotExists), created or not. */
  wholeWrites: string[]
}

/** What one source holds: its writes, oldest first, and whether it is known to be unbroken. */
export interface AuthorshipSource {
  source: 'history' | 'record'
  writes: AuthoredWrite[]
  /**
   * The writes start where an operator vouched for everything before (the site's record, after it
   * was lost while the history no longer reached back): they are the window, whatever it holds.
   */
  vouched?: boolean
}

export interface AuthorshipWindow {
  /**
   * Whether some source holds the whole window: it saw the creation of every anchor (the
   * previous version, or for a first version every document in scope) and nothing since is
   * missing from it.
   */
  covered: boolean
  /** The writes after the window opened, from every source that covers it, one per transaction. */
  writes: AuthoredWrite[]
}

function isCreation(write: AuthoredWrite, id: string): boolean {
  return write.created.includes(id)
}

/**
 * The window since the anchors were created. With a previous version, its one anchor is that
 * version's document (created by its publication, or by an import): the window opens after the
 * transaction that created it. For a first version, the anchors are the documents in scope, and
 * the window is their whole life.
 */
function windowIn(
  writes: readonly AuthoredWrite[],
  anchors: readonly string[],
  firstVersion: boolean,
): AuthoredWrite[] | undefined {
  let opensAfter = -1
  for (const anchor of anchors) {
    const first = writes.findIndex((write) => write.documentIds.includes(anchor))
    if (first === -1 || !isCreation(writes[first]!, anchor)) return undefined
    opensAfter = Math.max(opensAfter, first)
  }
  return firstVersion ? [...writes] : writes.slice(opensAfter + 1)
}

/**
 * The writes since the previous publication, and whether they are all known: the union of every
 * source that covers the window. A source that does not reach back to the anchors' creation
 * (history past its retention, a record started or interrupted since) adds nothing, so that
 * nothing is judged from half a window.
 */
export function authorshipWindow(
  sources: readonly AuthorshipSource[],
  anchors: readonly string[],
  options: {firstVersion: boolean},
): AuthorshipWindow {
  const byTransaction = new Map<string, AuthoredWrite>()
  let covered = false
  for (const {writes, vouched} of sources) {
    if (anchors.length === 0) break
    const window =
      windowIn(writes, anchors, options.firstVersion) ?? (vouched ? [...writes] : undefined)
    if (!window) continue
    covered = true
    for (const write of window) {
      const known = byTransaction.get(write.transactionId)
      byTransaction.set(write.transactionId, known ? mergeWrites(known, write) : write)
    }
  }
  const writes = [...byTransaction.values()].sort((a, b) =>
    a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0,
  )
  return {covered, writes}
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])]
}

/** One transaction seen by both sources. Authors disagreeing is a write by both (fail closed). */
function mergeWrites(a: AuthoredWrite, b: AuthoredWrite): AuthoredWrite {
  return {
    ...a,
    author: a.author === b.author ? a.author : `${a.author}|${b.author}`,
    documentIds: union(a.documentIds, b.documentIds),
    created: union(a.created, b.created),
    wholeWrites: union(a.wholeWrites, b.wholeWrites),
  }
}

/**
 * Who prepared the candidate: the author of the last transaction in the window that created it
 * or wrote it whole (preparing again replaces it). Never a field of the candidate itself.
 */
export function preparerOf(writes: readonly AuthoredWrite[], candidateId: string) {
  const preparing = writes.filter(
    (write) => write.created.includes(candidateId) || write.wholeWrites.includes(candidateId),
  )
  return preparing.at(-1)?.author
}

/** The authors of the window's writes to `scope`, each with the documents they wrote. */
export function authorsOf(
  writes: readonly AuthoredWrite[],
  scope: readonly string[],
): Map<string, string[]> {
  const authors = new Map<string, string[]>()
  for (const write of writes) {
    const inScope = write.documentIds.filter((id) => scope.includes(id))
    if (inScope.length === 0) continue
    for (const author of write.author.split('|')) {
      authors.set(author, union(authors.get(author) ?? [], inScope))
    }
  }
  return authors
}

/** What a write did to each document, read from a history line or a listener's event. */
const WHOLE_WRITES = ['create', 'createOrReplace', 'createIfNotExists'] as const

export function wholeWritesIn(mutations: unknown): string[] {
  if (!Array.isArray(mutations)) return []
  const ids: string[] = []
  for (const mutation of mutations) {
    if (mutation === null || typeof mutation !== 'object') continue
    for (const kind of WHOLE_WRITES) {
      const doc = (mutation as Record<string, unknown>)[kind]
      if (doc && typeof doc === 'object' && typeof (doc as {_id?: unknown})._id === 'string') {
        ids.push((doc as {_id: string})._id)
      }
    }
  }
  return ids
}

/** Mendoza effects `{apply, revert}` whose revert is "nothing": the transaction created it. */
export function createdByEffects(effects: unknown): string[] {
  if (!effects || typeof effects !== 'object') return []
  return Object.entries(effects as Record<string, {apply?: unknown; revert?: unknown}>)
    .filter(([, effect]) => isNothing(effect?.revert) && !isNothing(effect?.apply))
    .map(([id]) => id)
}

function isNothing(patch: unknown): boolean {
  return Array.isArray(patch) && patch.length === 2 && patch[0] === 0 && patch[1] === null
}
