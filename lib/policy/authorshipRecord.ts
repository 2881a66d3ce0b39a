/**
 * The site's own record of who wrote what (docs/decisions/0017-separation-of-duties-from-a-complete-history.md):
 * one NDJSON file in the site's data folder (SITE_DATA_DIR), appended to by the site's listener
 * on the content source as changes happen, read by the approve endpoint. A line is either a
 * change to one document, or a marker: `listening` when the listener (re)connects, `interrupted`
 * when it loses the connection. Only the writes after the last `listening`, with no
 * `interrupted` since, form an unbroken record.
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

export type RecordLine = {listening: string} | {interrupted: string} | RecordedChange

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

export function appendToRecord(file: string, lines: readonly RecordLine[]): void {
  mkdirSync(path.dirname(file), {recursive: true})
  appendFileSync(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(''), {mode: 0o600})
}

/**
 * The unbroken part of the record, as writes grouped by transaction, oldest first. No file, a
 * record that is interrupted now, or a damaged line leaves nothing: the history alone must then
 * cover the window.
 */
export function readRecord(file: string): AuthorshipSource {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return {source: 'record', writes: []}
  }
  let segment: Map<string, AuthoredWrite> | undefined
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue
    let line: RecordLine
    try {
      line = JSON.parse(raw) as RecordLine
    } catch {
      // A line half written when the server stopped: what follows starts with `listening`.
      segment = undefined
      continue
    }
    if ('listening' in line) segment = new Map()
    else if ('interrupted' in line) segment = undefined
    else if (segment) addTo(segment, line)
  }
  return {source: 'record', writes: [...(segment?.values() ?? [])]}
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
