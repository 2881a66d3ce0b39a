import {parentPort, workerData} from 'node:worker_threads'

import type {LakeDocument} from './documents'
import {compileQuery} from './groq'
import {QueryEngine} from './queryEngine'
import type {Perspective} from './perspective'

/**
 * A query worker: holds a copy of the dataset and evaluates queries off the main thread, so a
 * runaway query can be stopped by terminating the worker without stalling the lake.
 */

export type WorkerRequest =
  | {type: 'apply'; changes: {id: string; doc: LakeDocument | null}[]}
  | {
      type: 'query'
      requestId: number
      query: string
      params: Record<string, unknown>
      perspective: Perspective
      authenticated: boolean
      dataset: string
      identity?: string
    }

export type WorkerResponse =
  | {type: 'result'; requestId: number; json: string}
  | {type: 'error'; requestId: number; message: string}
  | {type: 'ready'}

const port = parentPort
if (port) {
  const documents = new Map<string, LakeDocument>()
  let seq = 0
  for (const doc of (workerData as {documents: LakeDocument[]}).documents)
    documents.set(doc._id, doc)
  const engine = new QueryEngine({
    get seq() {
      return seq
    },
    all: () => documents.values(),
  })

  port.on('message', (message: WorkerRequest) => {
    if (message.type === 'apply') {
      for (const {id, doc} of message.changes) {
        if (doc === null) documents.delete(id)
        else documents.set(id, doc)
      }
      seq += 1
      return
    }
    const {requestId} = message
    Promise.resolve()
      .then(() =>
        engine.run(
          compileQuery(message.query, message.params),
          message.perspective,
          message.authenticated,
          {
            dataset: message.dataset,
            params: message.params,
            identity: message.identity,
          },
        ),
      )
      .then(
        (json) => port.postMessage({type: 'result', requestId, json} satisfies WorkerResponse),
        (error: unknown) =>
          port.postMessage({
            type: 'error',
            requestId,
            message: error instanceof Error ? error.message : String(error),
          } satisfies WorkerResponse),
      )
  })
  port.postMessage({type: 'ready'} satisfies WorkerResponse)
}
