import type {LakeRouteContext} from './context'
import {isPrivateId, isValidDocumentId, type LakeDocument} from './documents'
import {badRequest, lakeError} from './errors'
import {compileQuery} from './groq'
import {readJsonBody, sendJson, sendText} from './http'
import {parsePerspective, type Perspective} from './perspective'

/** `GET/POST /data/query/:dataset` and `GET /data/doc/:dataset/:ids`. */

/** Query-string parameters are `$name=<JSON value>`, as `@sanity/client` encodes them. */
export function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, raw] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(raw)
    } catch {
      throw badRequest(`Parameter "${key}" is not valid JSON`)
    }
  }
  return params
}

function perspectiveOf(value: string | null | undefined): Perspective {
  const perspective = parsePerspective(value)
  if (!perspective) {
    throw lakeError(
      400,
      'invalidPerspective',
      `Unsupported perspective "${value}": use published, drafts or raw`,
    )
  }
  return perspective
}

async function queryRequest(ctx: LakeRouteContext) {
  const {url} = ctx
  if (ctx.req.method === 'POST') {
    const body = await readJsonBody(ctx.req)
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw badRequest('The request body must be an object with "query" and optional "params"')
    }
    const {query, params, perspective} = body as {
      query?: unknown
      params?: unknown
      perspective?: unknown
    }
    if (
      params !== undefined &&
      (params === null || typeof params !== 'object' || Array.isArray(params))
    ) {
      throw badRequest('"params" must be an object')
    }
    return {
      query,
      params: {
        ...paramsFromSearch(url.searchParams),
        ...((params as Record<string, unknown>) ?? {}),
      },
      perspective: perspectiveOf(
        typeof perspective === 'string' ? perspective : url.searchParams.get('perspective'),
      ),
    }
  }
  return {
    query: url.searchParams.get('query'),
    params: paramsFromSearch(url.searchParams),
    perspective: perspectiveOf(url.searchParams.get('perspective')),
  }
}

export async function handleQuery(ctx: LakeRouteContext): Promise<void> {
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const started = performance.now()
  const {query, params, perspective} = await queryRequest(ctx)
  const compiled = compileQuery(query, params)
  const resultJson = await dataset.queries.run(compiled, perspective, ctx.user !== undefined, {
    dataset: dataset.name,
    params,
    identity: ctx.user?.id,
  })
  const ms = Math.round((performance.now() - started) * 100) / 100
  // The result is already JSON (made in the query worker); it is spliced in, not re-encoded
  const echo =
    ctx.url.searchParams.get('returnQuery') === 'false'
      ? ''
      : `"query":${JSON.stringify(compiled.query)},`
  sendText(
    ctx.res,
    200,
    'application/json; charset=utf-8',
    `{${echo}"result":${resultJson},"ms":${ms}}`,
  )
}

export function handleGetDocuments(ctx: LakeRouteContext): void {
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const ids = (ctx.params.ids ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  if (ids.length === 0) throw badRequest('At least one document id is required')
  const documents: LakeDocument[] = []
  const omitted: {id: string; reason: 'existence' | 'permission'}[] = []
  for (const id of ids) {
    if (!isValidDocumentId(id)) throw badRequest(`Document id ${JSON.stringify(id)} is not valid`)
    if (isPrivateId(id) && !ctx.user) {
      omitted.push({id, reason: 'permission'})
      continue
    }
    const doc = dataset.store.get(id)
    if (doc) documents.push(doc)
    else omitted.push({id, reason: 'existence'})
  }
  sendJson(ctx.res, 200, {documents, omitted})
}
