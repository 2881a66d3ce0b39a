import {Worker} from 'node:worker_threads'

import {
  DEFAULT_LIMITS,
  type LakeDocument,
  LakeError,
  lakeError,
  type LakeLimits,
  tooManyRequests,
  workerSource,
} from '../core'
import {type BuiltTransaction, transactionTimeout} from '../mutation'
import type {BuildSpec, QuerySpec, WorkerJob, WorkerRequest, WorkerResponse} from './queryWorker'
import type {FilterSpec} from './filters'
import {type SharedText, shareText} from './sharedText'

/**
 * Query workers with a time limit. Each worker keeps a copy of the dataset, updated after every
 * commit, and parses and evaluates queries and listener filters; one that runs past its limit
 * has its worker terminated and replaced, and the caller gets a 4xx instead of a lake that stops
 * answering.
 *
 * Work comes in three lanes, served in this order: the public site's reads (recognised by the
 * site's own token), signed-in people (the Studio), and clients without a token. One worker runs
 * only the site's work, so nothing another client sends can make the site wait; one more runs
 * signed-in people's work (and the site's when it is busy); the others run anything, anonymous
 * work at a lower priority than the thread answering requests. Each lane has its own bound on
 * the queries running or waiting at once (429 beyond), and a query nobody could start within its
 * time limit is turned away rather than kept waiting. No query earns a better lane by having been
 * quick before: a query's cost depends on its parameters as much as on its text.
 */

const WORKER_MEMORY_MB = 1024
const MAX_STARTUP_FAILURES = 3
/** How long past its own time limit a transaction being built may keep its worker. */
const BUILD_MARGIN_MS = 2000

/** Whose work a job is. */
export type Lane = 'site' | 'signed-in' | 'anonymous'

/** What each kind of worker takes, in order. */
type SlotRole = 'site' | 'signed-in' | 'shared'
const TAKES: Record<SlotRole, Lane[]> = {
  site: ['site'],
  'signed-in': ['signed-in', 'site'],
  shared: ['site', 'signed-in', 'anonymous'],
}

interface Job {
  work: WorkerJob
  lane: Lane
  timeoutMs: number
  timeoutError: () => LakeError
  /** Set for queries counted against their lane's bound. */
  counted?: Lane
  /** Whether waiting for a worker is bounded (queries are; listener deliveries wait their turn). */
  boundedWait: boolean
  resolve: (json: string) => void
  reject: (error: unknown) => void
  waitTimer?: NodeJS.Timeout
  startedAt?: number
}

interface Slot {
  role: SlotRole
  worker: Worker
  /** Set once the worker has loaded; the time limit only runs from then on. */
  ready: boolean
  job?: Job
  requestId?: number
  timer?: NodeJS.Timeout
}

const workerEntry = new URL('./queryWorker.ts', import.meta.url).href
const LOAD_ENTRY = workerSource(workerEntry)
/**
 * Shared workers, where anonymous work runs, first lower their priority, so that however busy a
 * hostile client keeps them, the thread that answers requests and the site's and signed-in
 * people's workers get the processor first.
 */
const LOAD_SHARED = workerSource(workerEntry, {lowPriority: true})

export interface QueryPoolOptions {
  /** Workers: one for the site, one for signed-in people, the rest shared (3 at least). */
  size: number
  limits: Pick<
    LakeLimits,
    | 'queryTimeoutMs'
    | 'maxAnonymousQueries'
    | 'maxSiteQueries'
    | 'maxSignedInQueries'
    | 'listenerFilterTimeoutMs'
    | 'maxAnswerBytes'
  >
}

/** The roles of a pool's workers: the site's and the signed-in people's first, while there are enough. */
function roles(size: number): SlotRole[] {
  if (size <= 1) return ['shared']
  if (size === 2) return ['site', 'shared']
  return ['site', 'signed-in', ...Array<SlotRole>(size - 2).fill('shared')]
}

export class QueryPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextRequestId = 1
  private closed = false
  private startupFailures = 0
  private broken: string | undefined
  private readonly inFlight: Record<Lane, number> = {site: 0, 'signed-in': 0, anonymous: 0}
  /** Whether every worker has loaded once; until then queries wait for them, however long. */
  private started = false

  constructor(
    private readonly source: {all(): Iterable<LakeDocument>},
    private readonly options: QueryPoolOptions = {size: 3, limits: DEFAULT_LIMITS},
  ) {
    for (const role of roles(options.size)) this.slots.push(this.spawn(role))
  }

  private get limits() {
    return this.options.limits
  }

  private spawn(role: SlotRole): Slot {
    const worker = new Worker(role === 'shared' ? LOAD_SHARED : LOAD_ENTRY, {
      eval: true,
      workerData: {documentsJson: JSON.stringify([...this.source.all()])},
      // A query that builds an enormous result dies alone instead of taking the lake with it
      resourceLimits: {maxOldGenerationSizeMb: WORKER_MEMORY_MB},
    })
    worker.unref()
    const slot: Slot = {role, worker, ready: false}
    worker.on('message', (message: WorkerResponse) => {
      if (message.type === 'ready') {
        slot.ready = true
        this.startupFailures = 0
        this.started ||= this.slots.every((candidate) => candidate.ready)
        this.pump()
        return
      }
      const job = slot.job
      if (!job || slot.requestId !== message.requestId) return
      this.finish(slot)
      if (message.type === 'result') job.resolve(message.json)
      else job.reject(new LakeError(message.statusCode, message.body))
    })
    worker.on('error', (error: Error & {code?: string}) => {
      const job = slot.job
      if (!slot.ready && ++this.startupFailures >= MAX_STARTUP_FAILURES) {
        // A worker that cannot even load will not load on the next try either
        this.broken = `Query workers cannot start: ${error.message}`
        for (const queued of this.queue.splice(0)) {
          this.settle(queued)
          queued.reject(lakeError(500, 'internalError', this.broken))
        }
        return
      }
      this.replace(slot)
      if (job) job.reject(workerFailure(error))
    })
    return slot
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer)
    if (slot.job) this.settle(slot.job)
    slot.job = undefined
    slot.requestId = undefined
    slot.timer = undefined
    this.pump()
  }

  /** Bookkeeping for a job that leaves the pool, whatever its outcome. */
  private settle(job: Pick<Job, 'waitTimer' | 'counted'>): void {
    clearTimeout(job.waitTimer)
    if (job.counted !== undefined) this.inFlight[job.counted] -= 1
  }

  private replace(slot: Slot): void {
    clearTimeout(slot.timer)
    if (slot.job) this.settle(slot.job)
    slot.job = undefined
    slot.requestId = undefined
    void slot.worker.terminate()
    const index = this.slots.indexOf(slot)
    if (index >= 0 && !this.closed) this.slots[index] = this.spawn(slot.role)
    this.pump()
  }

  /** The next job a free worker should take, by its role's order of lanes. */
  private takeNext(slot: Slot): Job | undefined {
    for (const lane of TAKES[slot.role]) {
      const index = this.queue.findIndex((job) => job.lane === lane)
      if (index >= 0) return this.queue.splice(index, 1)[0]
    }
    return undefined
  }

  private pump(): void {
    if (this.closed) return
    // The site's and the signed-in people's workers come first, so their work goes there
    for (const slot of this.slots) {
      if (slot.job || !slot.ready) continue
      const job = this.takeNext(slot)
      if (!job) continue
      clearTimeout(job.waitTimer)
      const requestId = this.nextRequestId++
      slot.job = job
      slot.requestId = requestId
      job.startedAt = performance.now()
      slot.timer = setTimeout(() => {
        this.replace(slot)
        job.reject(job.timeoutError())
      }, job.timeoutMs)
      slot.worker.postMessage({...job.work, requestId} satisfies WorkerRequest)
    }
  }

  private submit(job: Omit<Job, 'resolve' | 'reject'>): Promise<string> {
    if (this.closed || this.broken) {
      this.settle(job)
      return Promise.reject(
        this.broken
          ? lakeError(500, 'internalError', this.broken)
          : lakeError(503, 'unavailable', 'The lake is shutting down'),
      )
    }
    return new Promise((resolve, reject) => {
      const queued: Job = {...job, resolve, reject}
      if (job.boundedWait) {
        // A query nobody could start within its own time limit is turned away, not kept waiting
        // (while the workers are still loading at start, it waits for them)
        const giveUp = () => {
          const index = this.queue.indexOf(queued)
          if (index < 0) return
          if (!this.started) {
            queued.waitTimer = setTimeout(giveUp, job.timeoutMs)
            return
          }
          this.queue.splice(index, 1)
          this.settle(queued)
          reject(tooManyRequests('The lake is busy with other queries; try again shortly'))
        }
        queued.waitTimer = setTimeout(giveUp, job.timeoutMs)
      }
      this.queue.push(queued)
      this.pump()
    })
  }

  /**
   * Runs a query in its lane (`spec.authenticated` says only what it may see). The answer, as
   * JSON, is at most `maxAnswerBytes` long: the worker refuses a longer one before handing it over.
   */
  query(spec: QuerySpec, lane: Lane): Promise<string> {
    const seconds = this.limits.queryTimeoutMs / 1000
    const bound = {
      site: this.limits.maxSiteQueries,
      'signed-in': this.limits.maxSignedInQueries,
      anonymous: this.limits.maxAnonymousQueries,
    }[lane]
    if (this.inFlight[lane] >= bound) {
      const whose = {
        site: 'the site',
        'signed-in': 'signed-in clients',
        anonymous: 'clients without a token',
      }[lane]
      return Promise.reject(
        tooManyRequests(`${bound} queries from ${whose} are running or waiting; try again shortly`),
      )
    }
    this.inFlight[lane] += 1
    return this.submit({
      work: {type: 'query', spec, maxAnswerBytes: this.limits.maxAnswerBytes},
      lane,
      timeoutMs: this.limits.queryTimeoutMs,
      timeoutError: () =>
        lakeError(
          400,
          'queryTimeoutError',
          `The query took longer than ${seconds} s and was stopped; narrow it with a filter or a slice`,
        ),
      counted: lane,
      boundedWait: true,
    })
  }

  /** Parses a listener's filter; rejects with the parse error a client should see. */
  async checkFilter(spec: FilterSpec, authenticated: boolean): Promise<void> {
    const seconds = this.limits.queryTimeoutMs / 1000
    await this.submit({
      work: {type: 'check', spec},
      lane: authenticated ? 'signed-in' : 'anonymous',
      timeoutMs: this.limits.queryTimeoutMs,
      timeoutError: () =>
        lakeError(400, 'queryTimeoutError', `The filter took longer than ${seconds} s to read`),
      boundedWait: true,
    })
  }

  /**
   * For each listener filter, the indexes of the `[before, after]` pairs (JSON) whose document it
   * matches. Signed-in clients' filters are matched together, with a query's time; a filter of a
   * client without a token is matched alone, with the shorter listener limit.
   */
  async match(
    specs: FilterSpec[],
    changes: SharedText,
    authenticated: boolean,
  ): Promise<number[][]> {
    const timeoutMs = authenticated
      ? this.limits.queryTimeoutMs
      : this.limits.listenerFilterTimeoutMs
    const json = await this.submit({
      work: {type: 'match', specs, changes},
      lane: authenticated ? 'signed-in' : 'anonymous',
      timeoutMs,
      timeoutError: () =>
        lakeError(
          400,
          'listenerFilterTimeoutError',
          `The listener's filter took longer than ${timeoutMs / 1000} s on one transaction; listen with a simpler filter`,
        ),
      boundedWait: false,
    })
    return JSON.parse(json) as number[][]
  }

  /**
   * Applies a transaction's mutations to a worker's copy of the dataset (`buildMutations`), in
   * the signed-in lane, and says what each touched document becomes. The transaction refuses
   * itself past its time limit; a worker that has not answered shortly after is replaced.
   */
  async build(mutations: unknown, transaction: BuildSpec): Promise<BuiltTransaction> {
    const json = await this.submit({
      work: {type: 'build', mutations, transaction},
      lane: 'signed-in',
      timeoutMs: transaction.timeLimitMs + BUILD_MARGIN_MS,
      timeoutError: () => transactionTimeout(transaction.timeLimitMs),
      boundedWait: false,
    })
    return JSON.parse(json) as BuiltTransaction
  }

  /**
   * Sends a commit's changes (JSON of `{id, doc}`) to every worker; messages keep their order,
   * so any query that starts after this sees them.
   */
  apply(changesJson: string): void {
    const message: WorkerRequest = {type: 'apply', changes: shareText(changesJson)}
    for (const slot of this.slots) slot.worker.postMessage(message)
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0)) {
      this.settle(job)
      job.reject(lakeError(503, 'unavailable', 'The lake is shutting down'))
    }
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }
}

/** What a caller is told when the worker running its job died. */
function workerFailure(error: Error & {code?: string}): LakeError {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return lakeError(
      400,
      'queryTooLargeError',
      'The query needed more memory than a query may use; narrow it with a filter or a slice',
    )
  }
  if (error instanceof RangeError || /call stack/i.test(error.message)) {
    return lakeError(
      400,
      'queryTooComplex',
      'The query is too deeply nested to be evaluated; simplify it',
    )
  }
  return lakeError(500, 'internalError', `Query worker failed: ${error.message}`)
}
