import type {LakeRouteContext} from './context'
import {
  badRequest,
  httpError,
  isPrivateId,
  isValidDocumentId,
  type LakeDocument,
  lakeError,
} from '../core'
import {readJsonBody, sendJson, sendText} from './messages'
import {checkedParams, paramsFromSearch, parsePerspective, type Perspective} from '../query'

/** `GET/POST /data/query/:dataset` and `GET /data/doc/:dataset/:ids`. */

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
  const {limits} = ctx.lake
  if (ctx.req.method === 'POST') {
    const body = await readJsonBody(ctx.req, limits)
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
      params: checkedParams(
        [
          ...Object.entries(paramsFromSearch(url.searchParams, limits)),
          ...Object.entries((params as Record<string, unknown> | undefined) ?? {}),
        ],
        limits,
      ),
      perspective: perspectiveOf(
        typeof perspective === 'string' ? perspective : url.searchParams.get('perspective'),
      ),
    }
  }
  return {
    query: url.searchParams.get('query'),
    params: paramsFromSearch(url.searchParams, limits),
    perspective: perspectiveOf(url.searchParams.get('perspective')),
  }
}

export async function handleQuery(ctx: LakeRouteContext): Promise<void> {
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const started = performance.now()
  const {query, params, perspective} = await queryRequest(ctx)
  if (typeof query !== 'string' || query.trim() === '') {
    throw badRequest('The "query" parameter is required and must be a GROQ query string')
  }
  const queryBytes = Buffer.byteLength(query)
  if (queryBytes > ctx.lake.limits.maxQueryBytes) {
    throw httpError(
      413,
      'Payload Too Large',
      `The query is ${queryBytes} bytes long, over the limit of ${ctx.lake.limits.maxQueryBytes}`,
    )
  }
  const resultJson = await dataset.queries.query({
    query,
    params,
    perspective,
    authenticated: ctx.user !== undefined,
    dataset: dataset.name,
    identity: ctx.user?.id,
  })
  const ms = Math.round((performance.now() - started) * 100) / 100
  // The result is already JSON (made in the query worker); it is spliced in, not re-encoded
  const echo =
    ctx.url.searchParams.get('returnQuery') === 'false' ? '' : `"query":${JSON.stringify(query)},`
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
