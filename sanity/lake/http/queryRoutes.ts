import {type LakeRouteContext, laneOf, seesPrivate} from './context'
import {
  badRequest,
  httpError,
  isPrivateId,
  isValidDocumentId,
  type LakeDocument,
  lakeError,
  Slices,
} from '../core'
import {readJsonBody, sendText, writeHead, writePart} from './messages'
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
    const body = await readJsonBody(ctx.req, ctx.res, limits)
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
  const lane = laneOf(ctx)
  // Each client without a token has its share of the anonymous lane, so that one cannot take it all
  const release = lane === 'anonymous' ? ctx.lake.clients.holdQuery(ctx.client) : undefined
  let resultJson: string
  try {
    resultJson = await dataset.queries.query(
      {
        query,
        params,
        perspective,
        authenticated: seesPrivate(ctx),
        dataset: dataset.name,
        identity: ctx.user?.id,
      },
      lane,
    )
  } finally {
    release?.()
  }
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

/**
 * The ids of a `/doc` or history request: each once, in the order first asked, and no more than
 * `maxIdsPerRequest` of them.
 */
export function requestedIds(raw: string | undefined, maxIds: number): string[] {
  const ids = new Set<string>()
  for (const part of (raw ?? '').split(',')) {
    const id = part.trim()
    if (!id || ids.has(id)) continue
    if (!isValidDocumentId(id)) throw badRequest(`Document id ${JSON.stringify(id)} is not valid`)
    ids.add(id)
    if (ids.size > maxIds) {
      throw badRequest(`At most ${maxIds} different document ids may be asked for at once`)
    }
  }
  return [...ids]
}

/**
 * Documents go out one at a time, each written when the client has read the one before, so the
 * lake never builds the whole answer, and a client that does not read holds one document at most.
 */
export async function handleGetDocuments(ctx: LakeRouteContext): Promise<void> {
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const ids = requestedIds(ctx.params.ids, ctx.lake.limits.maxIdsPerRequest)
  if (ids.length === 0) throw badRequest('At least one document id is required')
  const omitted: {id: string; reason: 'existence' | 'permission'}[] = []
  const found: string[] = []
  for (const id of ids) {
    if (isPrivateId(id) && !seesPrivate(ctx)) omitted.push({id, reason: 'permission'})
    else if (dataset.store.get(id)) found.push(id)
    else omitted.push({id, reason: 'existence'})
  }
  const {res} = ctx
  writeHead(res, 200, {'content-type': 'application/json; charset=utf-8'})
  let separator = ''
  const slices = new Slices()
  if (!(await writePart(res, '{"documents":['))) return
  for (const id of found) {
    // Large documents take time to encode: others are answered between them
    await slices.next()
    const doc: LakeDocument | null = dataset.store.get(id)
    // A document deleted while the answer was being sent is reported as missing
    if (!doc) {
      omitted.push({id, reason: 'existence'})
      continue
    }
    if (!(await writePart(res, separator + JSON.stringify(doc)))) return
    separator = ','
  }
  res.end(`],"omitted":${JSON.stringify(omitted)}}`)
}
