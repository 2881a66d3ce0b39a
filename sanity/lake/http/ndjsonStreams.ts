import {Worker} from 'node:worker_threads'

import {lakeError, type LakeLimits, tooManyRequests, workerSource} from '../core'
import {type LakeResponse, writeHead, writePart} from './messages'
import type {NdjsonSpec} from './ndjsonAnswers'
import type {NdjsonWorkerRequest, NdjsonWorkerResponse} from './ndjsonWorker'

/**
 * The lake's long NDJSON answers (the transaction log with effects, the export), made by a small
 * pool of workers (`ndjsonWorker.ts`) and only piped to the client here. A chunk is asked for once
 * the client has read the one before (`writePart`), so an answer nobody reads holds one chunk and
 * no worker's time, and is cut by the unread-answer sweeper (`clients.ts`) like any other.
 *
 * Answers being made are bounded, in all and per client (429 beyond). A new answer goes to the
 * worker making the fewest, and a worker makes its answers a chunk each in turn, so one editor's
 * many answers slow mostly that editor. The workers run at a lower priority than the answering
 * thread (Linux), which they never hold up.
 */

const WORKER_MEMORY_MB = 512
/**
 * A chunk's garbage dies young. Left to itself, V8 let each worker's heap grow to 85 MB under 8
 * exports at once (the lake's peak RSS rose by 180 MB); with this bound, to 24 MB (by 80 MB).
 */
const WORKER_YOUNG_MEMORY_MB = 12
const SOURCE = workerSource(new URL('./ndjsonWorker.ts', import.meta.url).href, {
  lowPriority: true,
})

interface Slot {
  worker: Worker
  streams: Map<number, Stream>
}

interface Stream {
  id: number
  res: LakeResponse
  client: string
  slot: Slot
  /** Ends the answer: `error` is sent as JSON if nothing was written yet, else the answer is cut. */
  finish(outcome: 'done' | 'gone' | {error: unknown}): void
}

export class NdjsonStreams {
  private readonly slots: (Slot | undefined)[]
  private nextId = 1
  private open = 0
  private readonly openPerClient = new Map<string, number>()
  private closed = false

  constructor(
    private readonly limits: Pick<LakeLimits, 'maxStreamedAnswers' | 'maxStreamedAnswersPerClient'>,
    size = 2,
  ) {
    // Started with the lake: loading one takes a few hundred milliseconds of both cores, which
    // the first history answers would otherwise cost everyone (the site's p99 was 3× higher)
    this.slots = Array.from({length: size}, (_, index) => this.spawn(index))
  }

  /**
   * Answers with `spec`'s lines read from the dataset in `file`. Resolves once the answer has
   * ended, however it ended; rejects (for the route to answer the error) only while nothing has
   * been written, so a failure before the first chunk is a JSON error and one after it cuts the
   * connection.
   */
  async stream(res: LakeResponse, client: string, file: string, spec: NdjsonSpec): Promise<void> {
    if (this.closed) throw lakeError(503, 'unavailable', 'The lake is shutting down')
    const {maxStreamedAnswers, maxStreamedAnswersPerClient} = this.limits
    if (this.open >= maxStreamedAnswers) {
      throw tooManyRequests(
        `${maxStreamedAnswers} history and export answers are being made; try again shortly`,
        5,
      )
    }
    const ofClient = this.openPerClient.get(client) ?? 0
    if (ofClient >= maxStreamedAnswersPerClient) {
      throw tooManyRequests(
        `${maxStreamedAnswersPerClient} history and export answers are already being made for this client; wait for them`,
        5,
      )
    }
    const slot = this.leastBusy()
    this.open += 1
    this.openPerClient.set(client, ofClient + 1)

    return new Promise((resolve, reject) => {
      let finished = false
      const stream: Stream = {
        id: this.nextId++,
        res,
        client,
        slot,
        finish: (outcome) => {
          if (finished) return
          finished = true
          res.off('close', onClose)
          slot.streams.delete(stream.id)
          this.release(client)
          if (outcome !== 'done') post(slot, {type: 'close', streamId: stream.id})
          if (typeof outcome === 'object') {
            if (!res.headersSent) {
              reject(outcome.error)
              return
            }
            res.destroy()
          }
          resolve()
        },
      }
      // The client went away, or was cut for not reading: the worker drops the answer
      const onClose = () => stream.finish('gone')
      res.once('close', onClose)
      slot.streams.set(stream.id, stream)
      post(slot, {type: 'open', streamId: stream.id, file, spec})
    })
  }

  private release(client: string): void {
    this.open -= 1
    const left = (this.openPerClient.get(client) ?? 1) - 1
    if (left > 0) this.openPerClient.set(client, left)
    else this.openPerClient.delete(client)
  }

  /** The worker making the fewest answers, started again when it stopped (it crashed). */
  private leastBusy(): Slot {
    let best = 0
    for (let index = 1; index < this.slots.length; index++) {
      if ((this.slots[index]?.streams.size ?? 0) < (this.slots[best]?.streams.size ?? 0)) {
        best = index
      }
    }
    return (this.slots[best] ??= this.spawn(best))
  }

  private spawn(index: number): Slot {
    const worker = new Worker(SOURCE, {
      eval: true,
      // An answer that needs an enormous amount of memory ends alone, not with the lake
      resourceLimits: {
        maxOldGenerationSizeMb: WORKER_MEMORY_MB,
        maxYoungGenerationSizeMb: WORKER_YOUNG_MEMORY_MB,
      },
    })
    worker.unref()
    const slot: Slot = {worker, streams: new Map()}
    worker.on('message', (message: NdjsonWorkerResponse) => {
      const stream = slot.streams.get(message.streamId)
      if (!stream) return
      if (message.type === 'error') {
        console.error(`[lake] an NDJSON answer failed: ${message.message}`)
        stream.finish({error: failure()})
        return
      }
      void this.deliver(stream, message.bytes, message.done)
    })
    worker.on('error', (error) => {
      console.error('[lake] an NDJSON worker failed:', error)
    })
    // However it stopped (a crash, its memory limit, the lake closing), its answers end with it
    worker.on('exit', () => {
      if (this.slots[index] === slot) this.slots[index] = undefined
      const error = this.closed
        ? lakeError(503, 'unavailable', 'The lake is shutting down')
        : failure()
      for (const stream of [...slot.streams.values()]) stream.finish({error})
    })
    return slot
  }

  private async deliver(stream: Stream, bytes: Uint8Array, done: boolean): Promise<void> {
    const {res} = stream
    if (!res.headersSent) {
      writeHead(res, 200, {'content-type': 'application/x-ndjson; charset=utf-8'})
    }
    if (bytes.byteLength > 0 && !(await writePart(res, bytes))) {
      stream.finish('gone')
      return
    }
    if (!stream.slot.streams.has(stream.id)) return
    if (done) {
      stream.finish('done')
      res.end()
      return
    }
    post(stream.slot, {type: 'next', streamId: stream.id})
  }

  /** The workers running now (the tests stop one in the middle of an answer). */
  workers(): Worker[] {
    return this.slots.flatMap((slot) => (slot ? [slot.worker] : []))
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.workers().map((worker) => worker.terminate()))
  }
}

function post(slot: Slot, message: NdjsonWorkerRequest): void {
  slot.worker.postMessage(message)
}

function failure() {
  return lakeError(500, 'internalError', 'The answer could not be made; try again')
}
