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
import {type FilterSpec, paramsFromSearch, type SharedText, shareText} from '../query'

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

  /**
   * Sends an event (its data as JSON when `data` is a string). A client that stops reading would
   * make the lake hold every event for it: one that has more unread than it may is cut before
   * anything more is written, so that a reader is sent any event, however large.
   */
  send(event: string, data: unknown, id?: string): void {
    if (this.closed) return
    if (this.res.writableLength > this.maxBacklogBytes) {
      this.fail('The listener fell too far behind reading its events and was closed; listen again')
      return
    }
    if (typeof data === 'string') writeChunk(this.res, eventText(event, data, id))
    else writeEvent(this.res, event, data, id)
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
      // The large parts are made once per change and spliced in, however many listen
      const parts = changeJson(change)
      const spliced: string[] = []
      if (this.options.includeMutations) spliced.push(`"mutations":${parts.mutations()}`)
      if (this.options.includeResult && change.after) spliced.push(`"result":${parts.after()}`)
      if (this.options.includePreviousRevision && change.before) {
        spliced.push(`"previous":${parts.before()}`)
      }
      if (this.options.effects) spliced.push(`"effects":${parts.effects()}`)
      const head = JSON.stringify(event)
      const json = spliced.length === 0 ? head : `${head.slice(0, -1)},${spliced.join(',')}}`
      this.send('mutation', json, `${tx.id}#${change.id}`)
    })
  }
}

/** One event in the stream's format, its data already JSON. */
function eventText(event: string, json: string, id?: string): string {
  return `${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${json}\n\n`
}

interface ChangeJson {
  before: () => string
  after: () => string
  mutations: () => string
  effects: () => string
}

const changeJsons = new WeakMap<CommittedChange, ChangeJson>()

/** The parts of a change's events, as JSON, each made at most once. */
function changeJson(change: CommittedChange): ChangeJson {
  let parts = changeJsons.get(change)
  if (!parts) {
    const once = (make: () => string) => {
      let made: string | undefined
      return () => (made ??= make())
    }
    parts = {
      before: once(() => JSON.stringify(change.before)),
      after: once(() => change.afterJson ?? JSON.stringify(change.after)),
      mutations: once(() => JSON.stringify(change.mutations)),
      effects: once(() => JSON.stringify(mendozaEffects(change.before, change.after))),
    }
    changeJsons.set(change, parts)
  }
  return parts
}

/**
 * The changes of a transaction one kind of client may see, and their `[before, after]` JSON,
 * encoded once in memory the query workers share.
 */
interface VisibleChanges {
  changes: CommittedChange[]
  shared: () => SharedText
}

function visibleChanges(changes: CommittedChange[]): VisibleChanges {
  let shared: SharedText | undefined
  return {
    changes,
    shared: () =>
      (shared ??= shareText(
        `[${changes
          .map((change) => {
            const json = changeJson(change)
            return `[${json.before()},${json.after()}]`
          })
          .join(',')}]`,
      )),
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
          all.shared(),
          true,
        ))
      for (const listener of this.listeners) {
        if (listener.user) {
          const position = signedIn.indexOf(listener)
          listener.deliver(tx, all, () => matchTogether().then((lists) => lists[position] ?? []))
        } else {
          listener.deliver(tx, published, () =>
            this.dataset.queries
              .match([listener.filter], published.shared(), false)
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
