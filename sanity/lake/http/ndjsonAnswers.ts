import {isPrivateId} from '../core'
import {mendozaEffects, type MendozaEffects} from '../realtime'
import type {DatasetStore, TransactionRecord} from '../store'

/**
 * The lines of the two NDJSON answers made off the answering thread (`ndjsonWorker.ts`): the
 * transaction log of `/history/:dataset/transactions` and the documents of `/export/:dataset`,
 * each read from the store a page at a time. What a request asks for was checked on the
 * answering thread first (`historyRoutes.ts`), so nothing here refuses anything.
 */

/** `GET /data/history/:dataset/transactions/:ids`, its parameters read and checked. */
export interface TransactionsSpec {
  kind: 'transactions'
  ids: string[]
  fromSeq?: number
  toSeq?: number
  fromTime?: string
  toTime?: string
  authors?: string[]
  reverse: boolean
  limit?: number
  /** `includeIdentifiedDocumentsOnly`: only the ids asked for in each line's `documentIDs`. */
  identifiedOnly: boolean
  withContent: boolean
  /** `effectFormat=mendoza`. */
  withEffects: boolean
}

/** `GET /data/export/:dataset`: `everything` for a caller who reads drafts and private ids. */
export interface ExportSpec {
  kind: 'export'
  types?: string[]
  everything: boolean
}

export type NdjsonSpec = TransactionsSpec | ExportSpec

/** Transactions read from the store at a time. */
const TRANSACTIONS_PER_READ = 50
/** Documents read from the store at a time. */
const DOCUMENTS_PER_READ = 500

/** Each line of an answer, newline included. */
export function ndjsonLines(store: DatasetStore, spec: NdjsonSpec): Generator<string> {
  return spec.kind === 'transactions' ? transactionLines(store, spec) : exportLines(store, spec)
}

interface TransactionLine {
  id: string
  timestamp: string
  author: string
  documentIDs: string[]
  mutations?: unknown[]
  effects?: Record<string, MendozaEffects>
}

function effectsOf(
  store: DatasetStore,
  tx: TransactionRecord,
  ids: string[],
): Record<string, MendozaEffects> {
  const effects: Record<string, MendozaEffects> = {}
  for (const record of store.revisionsOfTransaction(tx.id)) {
    if (!ids.includes(record.documentId)) continue
    const before = store.revisionBefore(record.documentId, record.seq)?.document ?? null
    effects[record.documentId] = mendozaEffects(before, record.document)
  }
  return effects
}

function* transactionLines(store: DatasetStore, spec: TransactionsSpec): Generator<string> {
  const {ids, fromTime, toTime, authors, limit} = spec
  let sent = 0
  let low = spec.fromSeq
  let high = spec.toSeq
  for (;;) {
    const slice = store.transactions({
      documentIds: ids.length ? ids : undefined,
      fromSeq: low,
      toSeq: high,
      reverse: spec.reverse,
      limit: TRANSACTIONS_PER_READ,
    })
    for (const tx of slice) {
      if (fromTime && tx.timestamp < fromTime) continue
      if (toTime && tx.timestamp > toTime) continue
      if (authors && !authors.includes(tx.author)) continue
      const documentIDs = spec.identifiedOnly
        ? tx.documentIds.filter((id) => ids.includes(id))
        : tx.documentIds
      const line: TransactionLine = {
        id: tx.id,
        timestamp: tx.timestamp,
        author: tx.author,
        documentIDs,
      }
      if (spec.withContent) line.mutations = tx.mutations
      if (spec.withEffects) line.effects = effectsOf(store, tx, documentIDs)
      yield `${JSON.stringify(line)}\n`
      if (limit !== undefined && ++sent >= limit) return
    }
    const last = slice[slice.length - 1]
    if (slice.length < TRANSACTIONS_PER_READ || !last) return
    if (spec.reverse) high = last.seq - 1
    else low = last.seq + 1
  }
}

/**
 * Every document the caller may read, sorted by id (ids are ASCII, so SQLite's order is
 * JavaScript's). A document is stored as the JSON the lake made of it, which is its line as is.
 */
function* exportLines(store: DatasetStore, spec: ExportSpec): Generator<string> {
  let after = ''
  for (;;) {
    const page = store.documentsAfter(after, DOCUMENTS_PER_READ)
    for (const row of page) {
      if (!spec.everything && isPrivateId(row.id)) continue
      if (spec.types && !spec.types.includes(row.type)) continue
      yield `${row.body}\n`
    }
    const last = page[page.length - 1]
    if (page.length < DOCUMENTS_PER_READ || !last) return
    after = last.id
  }
}
