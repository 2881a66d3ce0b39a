/** Shared shapes and small helpers for documents and revisions. */

export interface LakeDocument {
  _id: string
  _type: string
  _rev: string
  _createdAt: string
  _updatedAt: string
  [field: string]: unknown
}

export type Transition = 'appear' | 'update' | 'disappear'

export {DRAFTS_PREFIX, draftId, isDraftId, publishedId} from '../../../lib/policy/documentIds'

/** Ids with a dot live in a path (`drafts.`, `versions.`, ...) that only authenticated users read. */
export function isPrivateId(id: string): boolean {
  return id.includes('.')
}

/** Sanity's document id rules: at most 128 characters of letters, digits, `_`, `-` and `.`. */
const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export function isValidDocumentId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id) && !id.includes('..') && !id.endsWith('.')
}

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A random id in the style of the Content Lake's transaction and document ids. */
export function randomId(length = 22): string {
  let out = ''
  while (out.length < length) {
    const bytes = new Uint8Array(length * 2)
    globalThis.crypto.getRandomValues(bytes)
    // 248 is the largest multiple of 62 that fits in a byte; rejecting the rest keeps it unbiased
    for (const byte of bytes) if (byte < 248 && out.length < length) out += BASE62[byte % 62]
  }
  return out
}

/** The Content Lake's timestamp format: ISO 8601 in UTC without milliseconds. */
export function lakeTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function cloneJson<T>(value: T): T {
  return structuredClone(value)
}
