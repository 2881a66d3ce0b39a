import {EventEmitter} from 'node:events'

import {isValidDocumentId, lakeTimestamp, randomId} from './documents'
import {badRequest, transactionError} from './errors'
import {compileQuery} from './groq'
import type {QueryRunner} from './queryEngine'
import {
  DatasetStore,
  type CommittedTransaction,
  type DocumentChange,
  type TransactionKind,
} from './storage'
import {WorkingSet} from './workingSet'

/**
 * A rule run on every transaction before it is written; it throws to refuse the transaction.
 * `author` is the id of the user whose token sent it.
 */
export type TransactionGuard = (
  changes: DocumentChange[],
  kind: TransactionKind,
  author: string,
) => void

export interface TransactOptions {
  kind: TransactionKind
  author: string
  request: unknown
  transactionId?: unknown
  dryRun?: boolean
}

export interface TransactResult {
  transactionId: string
  changes: DocumentChange[]
  committed?: CommittedTransaction
}

interface DatasetEvents {
  commit: [CommittedTransaction]
}

/**
 * One dataset: its store, its query engine and the single writer that applies transactions one
 * after the other, so every transaction sees the result of the previous one.
 */
export class LakeDataset extends EventEmitter<DatasetEvents> {
  private writeQueue: Promise<unknown> = Promise.resolve()

  constructor(
    readonly name: string,
    readonly store: DatasetStore,
    readonly queries: QueryRunner,
    private readonly guards: TransactionGuard[] = [],
  ) {
    super()
  }

  /** Ids of the documents a GROQ query returns, for query-targeted patches and deletes. */
  async resolveIds(query: string, params: Record<string, unknown>): Promise<string[]> {
    const compiled = compileQuery(query, params)
    const result: unknown = JSON.parse(
      await this.queries.run(compiled, 'raw', true, {dataset: this.name, params}),
    )
    const list = Array.isArray(result) ? result : [result]
    return list.flatMap((item) =>
      item !== null && typeof item === 'object' && typeof (item as {_id?: unknown})._id === 'string'
        ? [(item as {_id: string})._id]
        : [],
    )
  }

  /**
   * Runs `build` against a fresh working set and commits what it changed as one transaction,
   * or nothing at all if anything throws.
   */
  transact(
    options: TransactOptions,
    build: (ws: WorkingSet) => Promise<void> | void,
  ): Promise<TransactResult> {
    const run = async (): Promise<TransactResult> => {
      const transactionId = this.transactionId(options.transactionId)
      const ws = new WorkingSet(this.store, transactionId, lakeTimestamp())
      await build(ws)
      const changes = ws.changes()
      for (const guard of this.guards) guard(changes, options.kind, options.author)
      if (options.dryRun) return {transactionId, changes}
      const committed = this.store.commit({
        id: transactionId,
        timestamp: ws.timestamp,
        author: options.author,
        kind: options.kind,
        request: options.request,
        mutations: ws.appliedMutations,
        changes,
      })
      this.emit('commit', committed)
      return {transactionId, changes: committed.changes, committed}
    }
    const result = this.writeQueue.then(run, run)
    this.writeQueue = result.catch(() => undefined)
    return result
  }

  private transactionId(requested: unknown): string {
    if (requested === undefined || requested === null || requested === '') return randomId()
    if (!isValidDocumentId(requested) || requested.includes('.')) {
      throw badRequest(`Transaction id ${JSON.stringify(requested)} is not valid`)
    }
    if (this.store.hasTransaction(requested)) {
      throw transactionError(409, `Transaction "${requested}" already exists`, [])
    }
    return requested
  }
}
