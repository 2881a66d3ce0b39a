import {parentPort, workerData} from 'node:worker_threads'

import {type LakeDocument, LakeError, type LakeErrorBody, lakeError} from '../core'
import {buildMutations, idsInResult} from '../mutation'
import {compileQuery, matchesFilter, type CompiledQuery} from './groq'
import {QueryEngine} from './queryEngine'
import {filterKey, type FilterSpec} from './filters'
import {readText, type SharedText} from './sharedText'
import type {Perspective} from './perspective'

/**
 * A query worker: holds a copy of the dataset and parses and evaluates queries and listener
 * filters off the main thread, so that a runaway one is stopped by terminating the worker without
 * stalling the lake.
 */

export interface QuerySpec {
  query: string
  params: Record<string, unknown>
  perspective: Perspective
  authenticated: boolean
  dataset: string
  identity?: string
}

export type WorkerJob =
  /** A query whose answer, as JSON, may be at most `maxAnswerBytes` long. */
  | {type: 'query'; spec: QuerySpec; maxAnswerBytes: number}
  /** Parses a listener's filter, to refuse a bad one before its stream opens. */
  | {type: 'check'; spec: FilterSpec}
  /**
   * Which of a transaction's changes (`[before, after]` pairs, as JSON) each filter matches: one
   * list of indexes per filter.
   */
  | {type: 'match'; specs: FilterSpec[]; changes: SharedText}
  /** Applies a transaction's mutations to the worker's copy of the dataset, without keeping them. */
  | {type: 'build'; mutations: unknown; transaction: BuildSpec}

/** The transaction a worker builds: its id, the time it may take, and its dataset. */
export interface BuildSpec {
  id: string
  timeLimitMs: number
  dataset: string
}

export type WorkerRequest = {type: 'apply'; changes: SharedText} | (WorkerJob & {requestId: number})

export type WorkerResponse =
  | {type: 'result'; requestId: number; json: string}
  | {type: 'error'; requestId: number; statusCode: number; body: LakeErrorBody}
  | {type: 'ready'}

/** Compiled listener filters, kept while they are used: every commit matches them again. */
const FILTER_CACHE_SIZE = 512

function describeFailure(error: unknown): {statusCode: number; body: LakeErrorBody} {
  if (error instanceof LakeError) return {statusCode: error.statusCode, body: error.body}
  const message = error instanceof Error ? error.message : String(error)
  const type =
    error instanceof RangeError && /call stack/i.test(message) ? 'queryTooComplex' : 'queryError'
  const description =
    type === 'queryTooComplex'
      ? 'The query is too deeply nested to be evaluated; simplify it'
      : message
  return {statusCode: 400, body: {error: {description, type}, statusCode: 400}}
}

const port = parentPort
if (port) {
  const documents = new Map<string, LakeDocument>()
  let seq = 0
  for (const doc of JSON.parse(
    (workerData as {documentsJson: string}).documentsJson,
  ) as LakeDocument[])
    documents.set(doc._id, doc)
  const engine = new QueryEngine({
    get seq() {
      return seq
    },
    all: () => documents.values(),
  })
  const filters = new Map<string, CompiledQuery>()
  const compiledFilter = (spec: FilterSpec): CompiledQuery => {
    const key = filterKey(spec)
    let compiled = filters.get(key)
    if (compiled) {
      filters.delete(key)
    } else {
      compiled = compileQuery(spec.filter, spec.params)
      if (filters.size >= FILTER_CACHE_SIZE) filters.delete(filters.keys().next().value as string)
    }
    filters.set(key, compiled)
    return compiled
  }

  const run = async (job: WorkerJob): Promise<string> => {
    switch (job.type) {
      case 'query': {
        const {spec} = job
        const json = await engine.run(
          compileQuery(spec.query, spec.params),
          spec.perspective,
          spec.authenticated,
          {dataset: spec.dataset, params: spec.params, identity: spec.identity},
        )
        // Checked here, so that the lake's own thread never receives, holds or sends a longer one
        const bytes = Buffer.byteLength(json)
        if (bytes > job.maxAnswerBytes) {
          throw lakeError(
            400,
            'queryResultTooLarge',
            `The query's result is ${bytes} bytes, over the limit of ${job.maxAnswerBytes}; narrow it with a filter, a projection or a slice`,
          )
        }
        return json
      }
      case 'check':
        compiledFilter(job.spec)
        return 'true'
      case 'build': {
        const {transaction} = job
        const built = await buildMutations(
          {get: (id) => documents.get(id) ?? null},
          job.mutations,
          async (query, params) =>
            idsInResult(
              JSON.parse(
                await engine.run(compileQuery(query, params), 'raw', true, {
                  dataset: transaction.dataset,
                  params,
                }),
              ),
            ),
          transaction,
        )
        return JSON.stringify(built)
      }
      case 'match': {
        const changes = JSON.parse(readText(job.changes)) as [
          LakeDocument | null,
          LakeDocument | null,
        ][]
        const matches: number[][] = []
        for (const spec of job.specs) {
          const compiled = compiledFilter(spec)
          const matching: number[] = []
          for (const [index, [before, after]] of changes.entries()) {
            if (
              (await matchesFilter(compiled, before, spec.params)) ||
              (await matchesFilter(compiled, after, spec.params))
            )
              matching.push(index)
          }
          matches.push(matching)
        }
        return JSON.stringify(matches)
      }
    }
  }

  port.on('message', (message: WorkerRequest) => {
    if (message.type === 'apply') {
      for (const {id, doc} of JSON.parse(readText(message.changes)) as {
        id: string
        doc: LakeDocument | null
      }[]) {
        if (doc === null) documents.delete(id)
        else documents.set(id, doc)
      }
      seq += 1
      return
    }
    const {requestId} = message
    Promise.resolve()
      .then(() => run(message))
      .then(
        (json) => port.postMessage({type: 'result', requestId, json} satisfies WorkerResponse),
        (error: unknown) =>
          port.postMessage({
            type: 'error',
            requestId,
            ...describeFailure(error),
          } satisfies WorkerResponse),
      )
  })
  port.postMessage({type: 'ready'} satisfies WorkerResponse)
}
