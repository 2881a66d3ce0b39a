import {EventEmitter} from 'node:events'

import {
  badRequest,
  DEFAULT_LIMITS,
  describeBytes,
  isValidDocumentId,
  type LakeLimits,
  lakeTimestamp,
  nestingDepth,
  randomId,
  transactionError,
} from '../core'
import type {QueryPool} from '../query'
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
    readonly queries: QueryPool,
    private readonly guards: TransactionGuard[] = [],
    private readonly limits: Pick<
      LakeLimits,
      'maxDepth' | 'maxDocumentBytes' | 'transactionTimeoutMs'
    > = DEFAULT_LIMITS,
  ) {
    super()
  }

  /** Ids of the documents a GROQ query returns, for query-targeted patches and deletes. */
  async resolveIds(query: string, params: Record<string, unknown>): Promise<string[]> {
    const result: unknown = JSON.parse(
      await this.queries.query(
        {
          query,
          params,
          perspective: 'raw',
          authenticated: true,
          dataset: this.name,
        },
        'signed-in',
      ),
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
   * or nothing at all if anything throws. Everything that can refuse a transaction (the guards,
   * the documents' depth and size) runs before anything is written; once SQLite has it, the
   * query workers and listeners are told before the caller is answered, and nothing they do can
   * turn an acknowledged transaction into an error. A transaction that changes nothing is not
   * recorded.
   */
  transact(
    options: TransactOptions,
    build: (ws: WorkingSet) => Promise<void> | void,
  ): Promise<TransactResult> {
    const run = async (): Promise<TransactResult> => {
      const transactionId = this.transactionId(options.transactionId)
      const ws = new WorkingSet(
        this.store,
        transactionId,
        lakeTimestamp(),
        this.limits.transactionTimeoutMs,
      )
      await build(ws)
      const changes = ws.changes()
      if (changes.length === 0) return {transactionId, changes}
      for (const guard of this.guards) guard(changes, options.kind, options.author)
      for (const change of changes) change.afterJson = this.serialize(change, options.kind)
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
      this.queries.apply(
        `[${committed.changes.map((change) => `{"id":${JSON.stringify(change.id)},"doc":${change.afterJson ?? 'null'}}`).join(',')}]`,
      )
      this.announce(committed)
      return {transactionId, changes: committed.changes, committed}
    }
    const result = this.writeQueue.then(run, run)
    this.writeQueue = result.catch(() => undefined)
    return result
  }

  /** A changed document as JSON, refused when it nests too deeply or is too large. */
  private serialize(change: DocumentChange, kind: TransactionKind): string | null {
    if (change.after === null) return null
    const refuse = (statusCode: number, type: string, description: string): never => {
      throw transactionError(
        statusCode,
        description,
        [{id: change.id, description, type}],
        kind === 'actions' ? 'actionError' : 'mutationError',
      )
    }
    const {maxDepth, maxDocumentBytes} = this.limits
    if (nestingDepth(change.after, maxDepth) > maxDepth) {
      refuse(
        400,
        'documentTooDeep',
        `Document "${change.id}" nests more than ${maxDepth} levels of objects and arrays`,
      )
    }
    const json = JSON.stringify(change.after)
    const bytes = Buffer.byteLength(json)
    if (bytes > maxDocumentBytes) {
      refuse(
        413,
        'documentTooLarge',
        `Document "${change.id}" would be ${describeBytes(bytes)}, over the limit of ${describeBytes(maxDocumentBytes)}`,
      )
    }
    return json
  }

  /** Tells every commit subscriber; one that fails is logged and cannot undo the commit. */
  private announce(committed: CommittedTransaction): void {
    for (const subscriber of this.listeners('commit')) {
      try {
        subscriber(committed)
      } catch (error) {
        console.error('[lake] after commit:', error)
      }
    }
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
