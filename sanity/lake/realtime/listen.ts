import type {LocalUser} from '../auth'
import type {CommittedChange, CommittedTransaction, LakeDataset} from '../store'
import {badRequest, isPrivateId, type LakeLimits, randomId} from '../core'
import {mendozaEffects} from './effects'
import {
  startEventStream,
  type StreamRequest,
  type StreamResponse,
  writeChunk,
  writeEvent,
} from './eventStream'
import {type FilterSpec, paramsFromSearch} from '../query'

/**
 * `GET /data/listen/:dataset`: server-sent events. A listener first gets `welcome`, then one
 * `mutation` event per changed document matching its filter before or after the change, in
 * commit order, with `previousRev`/`resultRev` chaining the document's revisions. Filters are
 * matched in the query workers, within a time limit, never on the thread that answers requests;
 * a listener whose filter runs past it, or that stops reading its events, is told why
 * (`channelError`) and closed.
 */

const HEARTBEAT_MS = 25_000
/** Transactions a listener may have waiting to be matched before it is cut off as too slow. */
const MAX_PENDING_TRANSACTIONS = 100

interface ListenOptions {
  includeResult: boolean
  includePreviousRevision: boolean
  includeMutations: boolean
  effects: boolean
  visibility: string
}

function searchFlag(search: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = search.get(name)
  return value === null ? fallback : value === 'true'
}

class Listener {
  private queue: Promise<void> = Promise.resolve()
  private pending = 0
  private closed = false

  constructor(
    private readonly res: StreamResponse,
    readonly filter: FilterSpec,
    readonly user: LocalUser | undefined,
    private readonly options: ListenOptions,
    private readonly maxBacklogBytes: number,
    private readonly onClose: () => void,
  ) {}

  send(event: string, data: unknown, id?: string): void {
    if (this.closed) return
    writeEvent(this.res, event, data, id)
    // A client that stops reading would make the lake hold every event for it
    if (this.res.writableLength > this.maxBacklogBytes) {
      this.fail('The listener fell too far behind reading its events and was closed; listen again')
    }
  }

  heartbeat(): void {
    if (!this.closed) writeChunk(this.res, ':\n\n')
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.onClose()
    this.res.end()
  }

  /** Tells the client why its stream ends (`@sanity/client` reports a `channelError`), then ends it. */
  private fail(message: string): void {
    if (this.closed) return
    writeEvent(this.res, 'channelError', {message})
    this.close()
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Queued so that events leave in commit order even though filters are evaluated elsewhere. */
  /**
   * Sends the events of a transaction once `matchingIndexes` says which of its visible changes the
   * filter matches.
   */
  deliver(
    tx: CommittedTransaction,
    changes: VisibleChanges,
    matchingIndexes: () => Promise<number[]>,
  ): void {
    if (this.closed) return
    if (++this.pending > MAX_PENDING_TRANSACTIONS) {
      this.fail('The listener fell too far behind the transactions to match and was closed')
      return
    }
    this.queue = this.queue
      .then(() => this.deliverNow(tx, changes, matchingIndexes))
      .catch((error: unknown) => {
        console.error('[lake] listener delivery failed:', error)
      })
      .finally(() => {
        this.pending -= 1
      })
  }

  private async deliverNow(
    tx: CommittedTransaction,
    visible: VisibleChanges,
    matchingIndexes: () => Promise<number[]>,
  ): Promise<void> {
    if (this.closed || visible.changes.length === 0) return
    let indexes: number[]
    try {
      indexes = await matchingIndexes()
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error))
      return
    }
    const matching = indexes.flatMap((index) => visible.changes[index] ?? [])
    matching.forEach((change, index) => {
      const event: Record<string, unknown> = {
        eventId: `${tx.id}#${change.id}`,
        documentId: change.id,
        transactionId: tx.id,
        transition: change.transition,
        identity: tx.author,
        previousRev: change.previousRev ?? undefined,
        // Sanity sends the transaction id as resultRev on `disappear` too; the Studio drops
        // events without one, and a published or discarded draft would stay on screen.
        resultRev: change.resultRev ?? tx.id,
        timestamp: tx.timestamp,
        visibility: this.options.visibility,
        transactionTotalEvents: matching.length,
        transactionCurrentEvent: index + 1,
      }
      if (this.options.includeMutations) event.mutations = change.mutations
      if (this.options.includeResult && change.after) event.result = change.after
      if (this.options.includePreviousRevision && change.before) event.previous = change.before
      if (this.options.effects) event.effects = mendozaEffects(change.before, change.after)
      this.send('mutation', event, `${tx.id}#${change.id}`)
    })
  }
}

/** The changes of a transaction one kind of client may see, and their `[before, after]` JSON. */
interface VisibleChanges {
  changes: CommittedChange[]
  json: () => string
}

function visibleChanges(changes: CommittedChange[]): VisibleChanges {
  let json: string | undefined
  return {
    changes,
    json: () =>
      (json ??= `[${changes
        .map(
          (change) =>
            `[${JSON.stringify(change.before)},${change.afterJson ?? JSON.stringify(change.after)}]`,
        )
        .join(',')}]`),
  }
}

/** Every open listener of a dataset; closed together when the lake stops. */
export class ListenerHub {
  private readonly listeners = new Set<Listener>()
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly dataset: LakeDataset,
    private readonly limits: Pick<LakeLimits, 'maxDepth' | 'maxListenerBacklogBytes'>,
  ) {
    dataset.on('commit', (tx) => {
      if (this.listeners.size === 0) return
      const all = visibleChanges(tx.changes)
      const published = visibleChanges(tx.changes.filter((change) => !isPrivateId(change.id)))
      // Signed-in clients' filters (a Studio keeps a dozen) are matched in one job; those of
      // clients without a token one by one, so that a slow one only holds up itself
      const signedIn = [...this.listeners].filter((listener) => listener.user && !listener.isClosed)
      let together: Promise<number[][]> | undefined
      const matchTogether = () =>
        (together ??= this.dataset.queries.match(
          signedIn.map((listener) => listener.filter),
          all.json(),
          true,
        ))
      for (const listener of this.listeners) {
        if (listener.user) {
          const position = signedIn.indexOf(listener)
          listener.deliver(tx, all, () => matchTogether().then((lists) => lists[position] ?? []))
        } else {
          listener.deliver(tx, published, () =>
            this.dataset.queries
              .match([listener.filter], published.json(), false)
              .then((lists) => lists[0] ?? []),
          )
        }
      }
    })
    this.timer = setInterval(() => {
      for (const listener of this.listeners) listener.heartbeat()
    }, HEARTBEAT_MS)
    this.timer.unref()
  }

  get size(): number {
    return this.listeners.size
  }

  /**
   * Opens a listener. Its filter is read in a query worker first, so that a bad or runaway one
   * is refused with a 4xx before the stream starts.
   */
  async open(request: StreamRequest): Promise<void> {
    const release = request.holdStream()
    const {search, user} = request
    let filter: FilterSpec
    try {
      const query = search.get('query')
      if (query === null || query.trim() === '') {
        throw badRequest('The "query" parameter is required and must be a GROQ filter')
      }
      filter = {filter: query, params: paramsFromSearch(search, this.limits)}
      await this.dataset.queries.checkFilter(filter, user !== undefined)
    } catch (error) {
      release()
      throw error
    }
    const {req, res} = request
    if (req.destroyed || res.writableEnded) {
      release()
      return
    }
    const options: ListenOptions = {
      includeResult: searchFlag(search, 'includeResult', true),
      includePreviousRevision: searchFlag(search, 'includePreviousRevision', false),
      includeMutations: searchFlag(search, 'includeMutations', true),
      effects: search.get('effectFormat') === 'mendoza',
      visibility: (search.get('visibility') ?? 'query').slice(0, 20),
    }
    startEventStream(res)
    const listener: Listener = new Listener(
      res,
      filter,
      user,
      options,
      this.limits.maxListenerBacklogBytes,
      () => {
        this.listeners.delete(listener)
        release()
      },
    )
    this.listeners.add(listener)
    const drop = () => listener.close()
    req.on('close', drop)
    res.on('error', drop)
    listener.send('welcome', {listenerName: `lake.${randomId(10)}`})
  }

  close(): void {
    clearInterval(this.timer)
    for (const listener of this.listeners) listener.close()
    this.listeners.clear()
  }
}
