import type {LocalUser} from './auth'
import type {LakeRouteContext} from './context'
import type {LakeDataset} from './dataset'
import {isPrivateId, randomId} from './documents'
import {mendozaEffects} from './effects'
import {compileQuery, matchesFilter, type CompiledQuery} from './groq'
import {type LakeResponse, writeChunk} from './http'
import type {CommittedChange, CommittedTransaction} from './storage'
import {paramsFromSearch} from './queryRoutes'

/**
 * `GET /data/listen/:dataset`: server-sent events. A listener first gets `welcome`, then one
 * `mutation` event per changed document matching its filter before or after the change, in
 * commit order, with `previousRev`/`resultRev` chaining the document's revisions.
 */

const HEARTBEAT_MS = 25_000

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
  private closed = false

  constructor(
    private readonly res: LakeResponse,
    private readonly filter: CompiledQuery,
    private readonly params: Record<string, unknown>,
    private readonly user: LocalUser | undefined,
    private readonly options: ListenOptions,
  ) {}

  send(event: string, data: unknown, id?: string): void {
    if (this.closed) return
    const idLine = id ? `id: ${id}\n` : ''
    writeChunk(this.res, `${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  heartbeat(): void {
    if (!this.closed) writeChunk(this.res, ':\n\n')
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.res.end()
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** Queued so that events leave in commit order even though filters are evaluated async. */
  deliver(tx: CommittedTransaction): void {
    this.queue = this.queue
      .then(() => this.deliverNow(tx))
      .catch((error: unknown) => {
        console.error('[lake] listener delivery failed:', error)
      })
  }

  private async deliverNow(tx: CommittedTransaction): Promise<void> {
    const matching: CommittedChange[] = []
    for (const change of tx.changes) {
      if (!this.user && isPrivateId(change.id)) continue
      const before = await matchesFilter(this.filter, change.before, this.params)
      const after = before || (await matchesFilter(this.filter, change.after, this.params))
      if (before || after) matching.push(change)
    }
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

/** Every open listener of a dataset; closed together when the lake stops. */
export class ListenerHub {
  private readonly listeners = new Set<Listener>()
  private readonly timer: NodeJS.Timeout

  constructor(dataset: LakeDataset) {
    dataset.on('commit', (tx) => {
      for (const listener of this.listeners) listener.deliver(tx)
    })
    this.timer = setInterval(() => {
      for (const listener of this.listeners) listener.heartbeat()
    }, HEARTBEAT_MS)
    this.timer.unref()
  }

  open(ctx: LakeRouteContext): void {
    const search = ctx.url.searchParams
    const params = paramsFromSearch(search)
    const filter = compileQuery(search.get('query'), params)
    const options: ListenOptions = {
      includeResult: searchFlag(search, 'includeResult', true),
      includePreviousRevision: searchFlag(search, 'includePreviousRevision', false),
      includeMutations: searchFlag(search, 'includeMutations', true),
      effects: search.get('effectFormat') === 'mendoza',
      visibility: search.get('visibility') ?? 'query',
    }
    const {res} = ctx
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
    })
    const listener = new Listener(res, filter, params, ctx.user, options)
    this.listeners.add(listener)
    const drop = () => {
      this.listeners.delete(listener)
      listener.close()
    }
    ctx.req.on('close', drop)
    res.on('error', drop)
    listener.send('welcome', {listenerName: `lake.${randomId(10)}`})
  }

  close(): void {
    clearInterval(this.timer)
    for (const listener of this.listeners) listener.close()
    this.listeners.clear()
  }
}
