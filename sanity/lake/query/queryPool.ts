import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'

import {
  DEFAULT_LIMITS,
  type LakeDocument,
  LakeError,
  lakeError,
  type LakeLimits,
  tooManyRequests,
} from '../core'
import type {FilterSpec, QuerySpec, WorkerJob, WorkerRequest, WorkerResponse} from './queryWorker'

/**
 * Query workers with a time limit. Each worker keeps a copy of the dataset, updated after every
 * commit, and parses and evaluates queries and listener filters; one that runs past its limit
 * has its worker terminated and replaced, and the caller gets a 4xx instead of a lake that stops
 * answering.
 *
 * Clients without a token cannot take the whole pool: one worker is reserved for signed-in
 * clients and for queries known to be quick, so a signed-in editor's Studio always finds one;
 * other anonymous work runs on the others, at a lower priority than the thread answering
 * requests, and at most so many of their queries may run or wait at once (429 beyond). Workers
 * take signed-in clients' work first, then quick queries, then the rest. A query a client without
 * a token has already run on little processor time (the site's own queries, run again and again)
 * is trusted to be quick again, so the site is not held up behind a hostile client's slow
 * queries; one that turns out slow again and again, or fails, loses that trust.
 */

const WORKER_MEMORY_MB = 1024
/** How much lower than the lake's own thread the workers run (a `nice` increment). */
const WORKER_NICENESS = 10
const MAX_STARTUP_FAILURES = 3
/** A query from a client without a token that ran within this is trusted to be quick… */
const QUICK_QUERY_MS = 50
/** …until it fails, or takes longer than this several runs in a row. */
const SLOW_QUERY_MS = 250
const SLOW_RUNS_TO_FORGET = 3
/** How many quick queries are remembered; the least recently used are forgotten first. */
const MAX_QUICK_QUERIES = 1000

/** Whose work a job is, in the order workers take it. */
export type Lane = 'signed-in' | 'quick' | 'anonymous'
const LANES: Lane[] = ['signed-in', 'quick', 'anonymous']

interface Job {
  work: WorkerJob
  lane: Lane
  timeoutMs: number
  timeoutError: () => LakeError
  /** Set for queries from clients without a token: the key of their quick-query record. */
  quickKey?: string
  /** Whether waiting for a worker is bounded (queries are; listener deliveries wait their turn). */
  boundedWait: boolean
  resolve: (json: string) => void
  reject: (error: unknown) => void
  waitTimer?: NodeJS.Timeout
  startedAt?: number
}

interface Slot {
  /**
   * The reserved worker runs only signed-in clients' work and queries known to be quick; shared
   * workers run anything, and other anonymous work only there.
   */
  reserved: boolean
  worker: Worker
  /** Set once the worker has loaded; the time limit only runs from then on. */
  ready: boolean
  job?: Job
  requestId?: number
  timer?: NodeJS.Timeout
}

const workerEntry = new URL('./queryWorker.ts', import.meta.url).href
// The ESM build of `tsx/esm/api`, as its package exports map names it for `import`
const tsxApi = pathToFileURL(
  join(
    dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
    'dist/esm/api/index.mjs',
  ),
).href

/** Workers load the TypeScript entry through tsx, whether the lake runs under tsx or Vitest. */
const LOAD_ENTRY = `import(${JSON.stringify(tsxApi)}).then(({tsImport}) => tsImport(${JSON.stringify(workerEntry)}, ${JSON.stringify(workerEntry)}))`
/**
 * Shared workers, where anonymous work runs, first lower their priority (on Linux, where a thread
 * has one of its own), so that however busy a hostile client keeps them, the thread that answers
 * requests and the reserved worker get the processor first.
 */
const LOAD_SHARED =
  process.platform === 'linux'
    ? `try { require('node:os').setPriority(${WORKER_NICENESS}) } catch {}\n${LOAD_ENTRY}`
    : LOAD_ENTRY

export interface QueryPoolOptions {
  size: number
  limits: Pick<LakeLimits, 'queryTimeoutMs' | 'maxAnonymousQueries' | 'listenerFilterTimeoutMs'>
}

export class QueryPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  /** Queries known to be quick, with how many of their last runs in a row were slow. */
  private readonly quickQueries = new Map<string, number>()
  private nextRequestId = 1
  private closed = false
  private startupFailures = 0
  private broken: string | undefined
  private anonymousInFlight = 0
  /** Whether every worker has loaded once; until then queries wait for them, however long. */
  private started = false

  constructor(
    private readonly source: {all(): Iterable<LakeDocument>},
    private readonly options: QueryPoolOptions = {size: 2, limits: DEFAULT_LIMITS},
  ) {
    // With a single worker, nothing can be reserved
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn(i === 0 && options.size > 1))
  }

  private get limits() {
    return this.options.limits
  }

  private spawn(reserved: boolean): Slot {
    const worker = new Worker(reserved ? LOAD_ENTRY : LOAD_SHARED, {
      eval: true,
      workerData: {documentsJson: JSON.stringify([...this.source.all()])},
      // A query that builds an enormous result dies alone instead of taking the lake with it
      resourceLimits: {maxOldGenerationSizeMb: WORKER_MEMORY_MB},
    })
    worker.unref()
    const slot: Slot = {reserved, worker, ready: false}
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
      if (message.type === 'result') {
        this.remember(job, true, message.cpuMs)
        job.resolve(message.json)
      } else {
        this.remember(job, false)
        job.reject(new LakeError(message.statusCode, message.body))
      }
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
      if (!job) return
      this.remember(job, false)
      job.reject(workerFailure(error))
    })
    return slot
  }

  /**
   * Keeps or drops a query's standing as a quick one, by how its runs go: by the processor time
   * the worker spent on it where it can tell (a busy machine slows a run without making the query
   * any costlier), by the time it took otherwise.
   */
  private remember(job: Job, succeeded: boolean, cpuMs?: number): void {
    if (job.quickKey === undefined) return
    const elapsed = cpuMs ?? performance.now() - (job.startedAt ?? 0)
    const slowRuns = this.quickQueries.get(job.quickKey)
    this.quickQueries.delete(job.quickKey)
    if (!succeeded) return
    if (slowRuns === undefined) {
      if (elapsed > QUICK_QUERY_MS) return
      this.quickQueries.set(job.quickKey, 0)
    } else {
      // A busy machine slows a run now and then; only a query slow again and again loses its place
      const slow = elapsed > SLOW_QUERY_MS ? slowRuns + 1 : 0
      if (slow >= SLOW_RUNS_TO_FORGET) return
      this.quickQueries.set(job.quickKey, slow)
    }
    if (this.quickQueries.size > MAX_QUICK_QUERIES) {
      this.quickQueries.delete(this.quickQueries.keys().next().value as string)
    }
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
  private settle(job: Pick<Job, 'waitTimer' | 'quickKey'>): void {
    clearTimeout(job.waitTimer)
    if (job.quickKey !== undefined) this.anonymousInFlight -= 1
  }

  private replace(slot: Slot): void {
    clearTimeout(slot.timer)
    if (slot.job) this.settle(slot.job)
    slot.job = undefined
    slot.requestId = undefined
    void slot.worker.terminate()
    const index = this.slots.indexOf(slot)
    if (index >= 0 && !this.closed) this.slots[index] = this.spawn(slot.reserved)
    this.pump()
  }

  /**
   * The next job a free worker should take: signed-in clients' first, then quick queries, then
   * other anonymous work, which the reserved worker never takes.
   */
  private takeNext(slot: Slot): Job | undefined {
    for (const lane of LANES) {
      if (lane === 'anonymous' && slot.reserved) return undefined
      const index = this.queue.findIndex((job) => job.lane === lane)
      if (index >= 0) return this.queue.splice(index, 1)[0]
    }
    return undefined
  }

  private pump(): void {
    if (this.closed) return
    // The reserved worker comes first, so trusted work goes there while it is free
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
        this.remember(job, false)
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

  /** Runs a query; `spec.authenticated` says whether a signed-in client asked. */
  query(spec: QuerySpec): Promise<string> {
    const seconds = this.limits.queryTimeoutMs / 1000
    const timeoutError = () =>
      lakeError(
        400,
        'queryTimeoutError',
        `The query took longer than ${seconds} s and was stopped; narrow it with a filter or a slice`,
      )
    if (spec.authenticated) {
      return this.submit({
        work: {type: 'query', spec},
        lane: 'signed-in',
        timeoutMs: this.limits.queryTimeoutMs,
        timeoutError,
        boundedWait: true,
      })
    }
    if (this.anonymousInFlight >= this.limits.maxAnonymousQueries) {
      return Promise.reject(
        tooManyRequests(
          `More than ${this.limits.maxAnonymousQueries} queries without a token are running or waiting; try again shortly`,
        ),
      )
    }
    this.anonymousInFlight += 1
    const quickKey = `${spec.perspective}\n${spec.query}`
    return this.submit({
      work: {type: 'query', spec},
      lane: this.quickQueries.has(quickKey) ? 'quick' : 'anonymous',
      timeoutMs: this.limits.queryTimeoutMs,
      timeoutError,
      quickKey,
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
    changesJson: string,
    authenticated: boolean,
  ): Promise<number[][]> {
    const timeoutMs = authenticated
      ? this.limits.queryTimeoutMs
      : this.limits.listenerFilterTimeoutMs
    const json = await this.submit({
      work: {type: 'match', specs, changesJson},
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
   * Sends a commit's changes (JSON of `{id, doc}`) to every worker; messages keep their order,
   * so any query that starts after this sees them.
   */
  apply(changesJson: string): void {
    const message: WorkerRequest = {type: 'apply', changesJson}
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
