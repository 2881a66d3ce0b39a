import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {Worker} from 'node:worker_threads'

import type {LakeDocument} from './documents'
import {lakeError} from './errors'
import type {CompiledQuery, EvaluationContext} from './groq'
import type {Perspective} from './perspective'
import type {WorkerRequest, WorkerResponse} from './queryWorker'

/**
 * Query workers with a time limit. Each worker keeps a copy of the dataset, updated after every
 * commit; a query that runs past the limit has its worker terminated and replaced, and the
 * caller gets a 4xx instead of a lake that stops answering.
 */

export const DEFAULT_QUERY_TIMEOUT_MS = 5_000
const WORKER_MEMORY_MB = 1024
const MAX_STARTUP_FAILURES = 3

interface Job {
  request: Extract<WorkerRequest, {type: 'query'}>
  resolve: (json: string) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  /** Set once the worker has loaded; the time limit only runs from then on. */
  ready: boolean
  job?: Job
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
const BOOTSTRAP = `import(${JSON.stringify(tsxApi)}).then(({tsImport}) => tsImport(${JSON.stringify(workerEntry)}, ${JSON.stringify(workerEntry)}))`

export class QueryPool {
  private readonly slots: Slot[] = []
  private readonly queue: Job[] = []
  private nextRequestId = 1
  private closed = false
  private startupFailures = 0
  private broken: string | undefined

  constructor(
    private readonly source: {all(): Iterable<LakeDocument>},
    private readonly options: {size: number; timeoutMs: number} = {
      size: 2,
      timeoutMs: DEFAULT_QUERY_TIMEOUT_MS,
    },
  ) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn())
  }

  private spawn(): Slot {
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {documents: [...this.source.all()]},
      // A query that builds an enormous result dies alone instead of taking the lake with it
      resourceLimits: {maxOldGenerationSizeMb: WORKER_MEMORY_MB},
    })
    worker.unref()
    const slot: Slot = {worker, ready: false}
    worker.on('message', (message: WorkerResponse) => {
      if (message.type === 'ready') {
        slot.ready = true
        this.startupFailures = 0
        this.pump()
        return
      }
      const job = slot.job
      if (!job || job.request.requestId !== message.requestId) return
      this.finish(slot)
      if (message.type === 'result') job.resolve(message.json)
      else job.reject(lakeError(400, 'queryError', message.message))
    })
    worker.on('error', (error: Error & {code?: string}) => {
      const job = slot.job
      if (!slot.ready && ++this.startupFailures >= MAX_STARTUP_FAILURES) {
        // A worker that cannot even load will not load on the next try either
        this.broken = `Query workers cannot start: ${error.message}`
        for (const queued of this.queue.splice(0))
          queued.reject(lakeError(500, 'internalError', this.broken))
        return
      }
      this.replace(slot)
      job?.reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? lakeError(
              400,
              'queryTooLargeError',
              'The query needed more memory than a query may use; narrow it with a filter or a slice',
            )
          : lakeError(500, 'internalError', `Query worker failed: ${error.message}`),
      )
    })
    return slot
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.job = undefined
    slot.timer = undefined
    this.pump()
  }

  private replace(slot: Slot): void {
    clearTimeout(slot.timer)
    slot.job = undefined
    void slot.worker.terminate()
    const index = this.slots.indexOf(slot)
    if (index >= 0 && !this.closed) this.slots[index] = this.spawn()
    this.pump()
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || !slot.ready || this.closed) continue
      const job = this.queue.shift()
      if (!job) return
      slot.job = job
      slot.timer = setTimeout(() => {
        this.replace(slot)
        job.reject(
          lakeError(
            400,
            'queryTimeoutError',
            `The query took longer than ${this.options.timeoutMs / 1000} s and was stopped; narrow it with a filter or a slice`,
          ),
        )
      }, this.options.timeoutMs)
      slot.worker.postMessage(job.request)
    }
  }

  run(
    compiled: CompiledQuery,
    perspective: Perspective,
    authenticated: boolean,
    context: EvaluationContext,
  ): Promise<string> {
    if (this.closed)
      return Promise.reject(lakeError(503, 'unavailable', 'The lake is shutting down'))
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: {
          type: 'query',
          requestId: this.nextRequestId++,
          query: compiled.query,
          params: context.params,
          perspective,
          authenticated,
          dataset: context.dataset,
          identity: context.identity,
        },
        resolve,
        reject,
      })
      this.pump()
    })
  }

  /** Sends a commit's changes to every worker; messages keep their order, so queries see them. */
  apply(changes: {id: string; doc: LakeDocument | null}[]): void {
    const message: WorkerRequest = {type: 'apply', changes}
    for (const slot of this.slots) slot.worker.postMessage(message)
  }

  async close(): Promise<void> {
    this.closed = true
    for (const job of this.queue.splice(0))
      job.reject(lakeError(503, 'unavailable', 'The lake is shutting down'))
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }
}
