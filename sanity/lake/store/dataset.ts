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
  Slices,
  transactionError,
} from '../core'
import type {QueryPool} from '../query'
import {DatasetStore, type CommittedTransaction, type TransactionKind} from './storage'
import {documentChanges, type DocumentChange, type MutationResult, WorkingSet} from '../mutation'

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
  /** The last commit sent to the query workers: their copies of the dataset are that far. */
  private sentToWorkers: number

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
    this.sentToWorkers = store.seq
  }

  /**
   * Runs `build` against a fresh working set and commits what it changed as one transaction,
   * or nothing at all if anything throws (see `write`).
   */
  transact(
    options: TransactOptions,
    build: (ws: WorkingSet) => Promise<void> | void,
  ): Promise<TransactResult> {
    return this.inTurn(async () => {
      const ws = new WorkingSet(
        this.store,
        this.transactionId(options.transactionId),
        lakeTimestamp(),
        this.limits.transactionTimeoutMs,
      )
      await build(ws)
      return this.write(options, ws.transactionId, ws.timestamp, ws.changes(), ws.appliedMutations)
    })
  }

  /**
   * Applies Sanity mutations as one transaction, as `transact` does, but in a query worker's copy
   * of the dataset, and before waiting for its turn: thousands of patches on a large document
   * take that worker's time, neither the time of the thread that answers everyone nor that of
   * other people's transactions. In its turn, the transaction is committed if nothing it read has
   * changed since the copy it was built on (every commit reaches the workers before the next
   * turn), and otherwise built again, in turn, on the stored dataset. A refusal from the first
   * build (a missing document, a revision that does not match) is the answer it would have had a
   * moment earlier, before a concurrent commit.
   */
  async transactMutations(
    options: TransactOptions,
    mutations: unknown,
  ): Promise<TransactResult & {results: MutationResult[]}> {
    const transactionId = this.transactionId(options.transactionId)
    const build = () =>
      this.queries.build(mutations, {
        id: transactionId,
        timeLimitMs: this.limits.transactionTimeoutMs,
        dataset: this.name,
      })
    const builtOn = this.sentToWorkers
    const early = await build()
    return this.inTurn(async () => {
      if (options.transactionId !== undefined) this.transactionId(options.transactionId)
      const stale =
        this.sentToWorkers !== builtOn &&
        (early.queried ||
          Object.entries(early.read).some(
            ([id, rev]) => (this.store.get(id)?._rev ?? null) !== rev,
          ))
      const built = stale ? await build() : early
      const timestamp = lakeTimestamp()
      const changes = documentChanges(
        built.touched,
        (id) => this.store.get(id),
        transactionId,
        timestamp,
      )
      const outcome = await this.write(
        options,
        transactionId,
        timestamp,
        changes,
        built.appliedMutations,
      )
      return {...outcome, results: built.results}
    })
  }

  /** Runs one transaction after the other, whatever becomes of each. */
  private inTurn<T>(run: () => Promise<T>): Promise<T> {
    const result = this.writeQueue.then(run, run)
    this.writeQueue = result.catch(() => undefined)
    return result
  }

  /**
   * Checks a built transaction and commits it. Everything that can refuse it (the guards, the
   * documents' depth and size) runs before anything is written; once SQLite has it, the query
   * workers and listeners are told before the caller is answered, and nothing they do can turn
   * an acknowledged transaction into an error. A transaction that changes nothing is not recorded.
   */
  private async write(
    options: TransactOptions,
    transactionId: string,
    timestamp: string,
    changes: DocumentChange[],
    appliedMutations: unknown[],
  ): Promise<TransactResult> {
    if (changes.length === 0) return {transactionId, changes}
    // What follows is long for large documents: it is done in steps, with others answered
    // between them (nothing else writes meanwhile: transactions are applied one at a time)
    const slices = new Slices()
    for (const guard of this.guards) guard(changes, options.kind, options.author)
    for (const change of changes) {
      await slices.next()
      change.afterJson = this.serialize(change, options.kind)
    }
    if (options.dryRun) return {transactionId, changes}
    await slices.next()
    const committed = this.store.commit({
      id: transactionId,
      timestamp,
      author: options.author,
      kind: options.kind,
      request: options.request,
      mutations: appliedMutations,
      changes,
    })
    // Written: from here on nothing may fail the transaction, and the caller is answered only
    // once the query workers and the listeners have it
    await slices.next()
    this.sentToWorkers = committed.seq
    this.queries.apply(
      `[${committed.changes.map((change) => `{"id":${JSON.stringify(change.id)},"doc":${change.afterJson ?? 'null'}}`).join(',')}]`,
    )
    await slices.next()
    this.announce(committed)
    return {transactionId, changes: committed.changes, committed}
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
