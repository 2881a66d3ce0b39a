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
  WritePacer,
} from './eventStream'
import {filterKey, type FilterSpec, paramsFromSearch, type SharedText, shareText} from '../query'

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
    private readonly pacer: WritePacer,
    private readonly onClose: () => void,
  ) {}

  /**
   * Sends an event, given as the parts of its text. A client that stops reading would
   * make the lake hold every event for it: one that has more unread than it may is cut before
   * anything more is written, so that a reader is sent any event, however large.
   */
  send(...parts: (string | Buffer)[]): void {
    if (this.closed) return
    if (this.res.writableLength > this.maxBacklogBytes) {
      this.fail('The listener fell too far behind reading its events and was closed; listen again')
      return
    }
    writeChunk(this.res, ...parts)
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
      // The large parts are made once per change, as bytes, and written as they are to everyone
      // who listens with the same options
      const head = JSON.stringify(event)
      const tail = eventTail(change, this.options)
      const text = `id: ${tx.id}#${change.id}\nevent: mutation\ndata: ${head.slice(0, -1)}`
      this.pacer.write(text.length + tail.length, () => this.send(text, tail))
    })
  }
}

/** Which large parts an event carries, as bits: the key of the tails made for a change. */
function tailKey(options: ListenOptions): number {
  return (
    (options.includeMutations ? 1 : 0) |
    (options.includeResult ? 2 : 0) |
    (options.includePreviousRevision ? 4 : 0) |
    (options.effects ? 8 : 0)
  )
}

const eventTails = new WeakMap<CommittedChange, Map<number, Buffer>>()

/** The end of a change's event (its large parts, then the end of the event), made once per kind. */
function eventTail(change: CommittedChange, options: ListenOptions): Buffer {
  let tails = eventTails.get(change)
  if (!tails) eventTails.set(change, (tails = new Map()))
  const key = tailKey(options)
  let tail = tails.get(key)
  if (!tail) {
    const parts = changeJson(change)
    const spliced: string[] = []
    if (options.includeMutations) spliced.push(`"mutations":${parts.mutations()}`)
    if (options.includeResult && change.after) spliced.push(`"result":${parts.after()}`)
    if (options.includePreviousRevision && change.before) {
      spliced.push(`"previous":${parts.before()}`)
    }
    if (options.effects) spliced.push(`"effects":${parts.effects()}`)
    tail = Buffer.from(`${spliced.length === 0 ? '' : `,${spliced.join(',')}`}}\n\n`)
    tails.set(key, tail)
  }
  return tail
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
  private readonly pacer = new WritePacer()
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
      // clients without a token one filter at a time, so that a slow one only holds up those who
      // listen with it. A filter many listen with is matched once.
      const signedInFilters = new Map<string, {spec: FilterSpec; position: number}>()
      for (const listener of this.listeners) {
        const key = filterKey(listener.filter)
        if (!listener.user || listener.isClosed || signedInFilters.has(key)) continue
        signedInFilters.set(key, {spec: listener.filter, position: signedInFilters.size})
      }
      let together: Promise<number[][]> | undefined
      const matchTogether = () =>
        (together ??= this.dataset.queries.match(
          [...signedInFilters.values()].map(({spec}) => spec),
          all.shared(),
          true,
        ))
      const anonymous = new Map<string, Promise<number[]>>()
      const matchAlone = (filter: FilterSpec, key: string) => {
        let matched = anonymous.get(key)
        if (!matched) {
          matched = this.dataset.queries
            .match([filter], published.shared(), false)
            .then((lists) => lists[0] ?? [])
          anonymous.set(key, matched)
        }
        return matched
      }
      for (const listener of this.listeners) {
        const key = filterKey(listener.filter)
        if (listener.user) {
          const position = signedInFilters.get(key)?.position
          listener.deliver(tx, all, () =>
            matchTogether().then((lists) =>
              position === undefined ? [] : (lists[position] ?? []),
            ),
          )
        } else {
          listener.deliver(tx, published, () => matchAlone(listener.filter, key))
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
      this.pacer,
      () => {
        this.listeners.delete(listener)
        release()
      },
    )
    this.listeners.add(listener)
    const drop = () => listener.close()
    req.on('close', drop)
    res.on('error', drop)
    writeEvent(res, 'welcome', {listenerName: `lake.${randomId(10)}`})
  }

  close(): void {
    clearInterval(this.timer)
    for (const listener of this.listeners) listener.close()
    this.listeners.clear()
  }
}
