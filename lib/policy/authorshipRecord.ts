/**
 * The site's own record of who wrote what (docs/decisions/0020-separation-of-duties-from-a-complete-history.md):
 * one NDJSON file in the site's data folder (SITE_DATA_DIR), appended to by the site's listener
 * on the content source as changes happen, read by the approve endpoint. A line is either a
 * change to one document, or a marker:
 *
 * - `listening`: the listener (re)connected; an unbroken stretch of the record starts here;
 * - `interrupted`: it lost the connection; the stretch ends here;
 * - `joined`: after `listening`, the listener read the content source's history from the last
 *   change of the stretch before (`transactionId`, which the history holds) to now, and wrote
 *   what it found: the two stretches are one.
 *
 * - `vouched`: an operator vouches for everything written before now
 *   (`scripts/vouchAuthorship.ts`), after the record was lost while the history no longer
 *   reached back to the previous publication; the open stretch starts again from here, as a
 *   window of its own.
 *
 * Only the stretch that is open now counts (a damaged line ends a stretch).
 */
import {appendFileSync, mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {wholeWritesIn, type AuthoredWrite, type AuthorshipSource} from './authorship'

export const AUTHORSHIP_RECORD_FILE_NAME = 'authorship-record.ndjson'

/** One change to one document, as the listener saw it. */
export interface RecordedChange {
  transactionId: string
  documentId: string
  author: string
  timestamp: string
  transition: 'appear' | 'update' | 'disappear'
  /** Written whole (create, createOrReplace, createIfNotExists). */
  whole: boolean
}

export type RecordLine =
  | {listening: string}
  | {interrupted: string}
  | {joined: string; transactionId: string}
  | {vouched: string; by: string; why: string}
  | RecordedChange

/** A listener's `mutation` event as a line of the record; undefined when it says too little. */
export function recordLineOf(event: Record<string, unknown>): RecordedChange | undefined {
  const {transactionId, documentId, identity, timestamp, transition} = event
  if (
    typeof transactionId !== 'string' ||
    typeof documentId !== 'string' ||
    typeof timestamp !== 'string' ||
    (transition !== 'appear' && transition !== 'update' && transition !== 'disappear')
  ) {
    return undefined
  }
  return {
    transactionId,
    documentId,
    // A change without an author is credited to nobody anyone can name: it blocks an approval.
    author: typeof identity === 'string' && identity !== '' ? identity : '(unknown)',
    timestamp,
    transition,
    whole: wholeWritesIn(event.mutations).includes(documentId),
  }
}

/** A transaction read from the history, as lines of the record (one per document). */
export function recordLinesOf(write: AuthoredWrite): RecordedChange[] {
  return write.documentIds.map((documentId) => ({
    transactionId: write.transactionId,
    documentId,
    author: write.author,
    timestamp: write.timestamp,
    transition: write.created.includes(documentId) ? 'appear' : 'update',
    whole: write.wholeWrites.includes(documentId),
  }))
}

export function appendToRecord(file: string, lines: readonly RecordLine[]): void {
  mkdirSync(path.dirname(file), {recursive: true})
  appendFileSync(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(''), {mode: 0o600})
}

function readLines(file: string): (RecordLine | undefined)[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .filter((raw) => raw.trim() !== '')
    .map((raw) => {
      try {
        return JSON.parse(raw) as RecordLine
      } catch {
        return undefined
      }
    })
}

interface Stretch {
  writes: Map<string, AuthoredWrite>
  /** It starts where an operator vouched for everything before. */
  vouched: boolean
}

/** The stretch open now and the one before it, from the record's lines. */
function stretches(lines: readonly (RecordLine | undefined)[]) {
  let open: Stretch | undefined
  let before: Stretch | undefined
  // A stretch in which nothing was written is passed over: joining the one before it reads the
  // history over its time too.
  const close = () => {
    if (open?.writes.size) before = open
    open = undefined
  }
  for (const line of lines) {
    if (line === undefined || 'interrupted' in line) close()
    else if ('listening' in line) {
      close()
      open = {writes: new Map(), vouched: false}
    } else if ('joined' in line) {
      if (open && before?.writes.has(line.transactionId)) {
        open = {
          writes: new Map([...before.writes, ...open.writes]),
          vouched: before.vouched || open.vouched,
        }
      }
      before = undefined
    } else if ('vouched' in line) {
      if (open) open = {writes: new Map(), vouched: true}
    } else if (open) addTo(open.writes, line)
  }
  return {open, before}
}

function oldestFirst(writes: Iterable<AuthoredWrite>): AuthoredWrite[] {
  return [...writes].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp))
}

/**
 * The unbroken part of the record, as writes grouped by transaction, oldest first. No file, or a
 * record interrupted now, leaves nothing: the history alone must then cover the window.
 */
export function readRecord(file: string): AuthorshipSource {
  const {open} = stretches(readLines(file))
  return {
    source: 'record',
    writes: oldestFirst(open?.writes.values() ?? []),
    vouched: open?.vouched,
  }
}

/**
 * Where a listener that is connecting (before it writes `listening`) must read the history from
 * to join its new stretch to the one before: the last change of that stretch. Undefined when
 * there is nothing to join.
 */
export function lastRecordedChange(file: string): RecordedChange | undefined {
  const {before, open} = stretches(readLines(file))
  const write = oldestFirst((open?.writes.size ? open : before)?.writes.values() ?? []).at(-1)
  return write ? recordLinesOf(write)[0] : undefined
}

function addTo(writes: Map<string, AuthoredWrite>, line: RecordedChange) {
  let write = writes.get(line.transactionId)
  if (!write) {
    write = {
      transactionId: line.transactionId,
      timestamp: line.timestamp,
      author: line.author,
      documentIds: [],
      created: [],
      wholeWrites: [],
    }
    writes.set(line.transactionId, write)
  }
  write.documentIds.push(line.documentId)
  if (line.transition === 'appear') write.created.push(line.documentId)
  if (line.whole) write.wholeWrites.push(line.documentId)
}
