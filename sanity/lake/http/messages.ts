import type {IncomingMessage, OutgoingHttpHeaders, ServerResponse} from 'node:http'
import {Http2ServerResponse, type Http2ServerRequest} from 'node:http2'

import {httpError, jsonNestsDeeperThan, LakeError, lakeError, type LakeLimits} from '../core'
import type {AllowedOrigins} from '../auth'

/** What the routes read and send: bodies with a size limit, JSON answers and errors, CORS. */

export type LakeRequest = IncomingMessage | Http2ServerRequest
export type LakeResponse = ServerResponse | Http2ServerResponse

/**
 * Sends the status and headers, over HTTP/1.1 or HTTP/2. Node's types give the two kinds of
 * response `writeHead` overloads that no call on their union satisfies, so each is called as itself.
 */
export function writeHead(res: LakeResponse, status: number, headers: OutgoingHttpHeaders = {}) {
  if (res instanceof Http2ServerResponse) res.writeHead(status, headers)
  else res.writeHead(status, headers)
}

export function readBody(req: LakeRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge(limit))
      req.resume()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    req.on('data', (chunk: Buffer) => {
      if (refused) return
      size += chunk.length
      if (size > limit) {
        refused = true
        chunks.length = 0
        reject(tooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks))
    })
    req.on('error', reject)
  })
}

function tooLarge(limit: number): LakeError {
  return httpError(413, 'Payload Too Large', `Request body exceeds limit of ${limit} bytes`)
}

/** `application/json`, with or without parameters, and the `+json` types. */
const JSON_CONTENT_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i

/**
 * A JSON request body. Only a JSON content type is read: a web page can send a `text/plain` POST
 * to any address without asking first (no CORS preflight), but not an `application/json` one.
 * Values nested deeper than a document may be are refused here, before anything walks them.
 */
export async function readJsonBody(
  req: LakeRequest,
  limits: Pick<LakeLimits, 'maxBodyBytes' | 'maxDepth'>,
): Promise<unknown> {
  const contentType = req.headers['content-type'] ?? ''
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    req.resume()
    throw new LakeError(415, {
      error: {
        description: `The request body must be JSON, sent with "Content-Type: application/json" (got ${contentType ? `"${contentType}"` : 'no content type'})`,
        type: 'unsupportedMediaType',
      },
      statusCode: 415,
    })
  }
  const body = await readBody(req, limits.maxBodyBytes)
  if (body.length === 0)
    throw lakeError(400, 'invalidJson', 'The request body is empty; JSON expected')
  const allowed = limits.maxDepth + BODY_ENVELOPE_LEVELS
  if (jsonNestsDeeperThan(body, allowed)) {
    throw lakeError(
      400,
      'invalidJson',
      `The request body nests more than ${allowed} levels deep (documents may nest ${limits.maxDepth})`,
    )
  }
  try {
    return JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw lakeError(
      400,
      'invalidJson',
      `The request body is not valid JSON: ${(error as Error).message}`,
    )
  }
}

/** Levels a request body wraps a document in (`{mutations: [{patch: {set: {path: …}}}]}`). */
const BODY_ENVELOPE_LEVELS = 6

export function sendJson(res: LakeResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  writeHead(res, status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

export function sendText(
  res: LakeResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  writeHead(res, status, {'content-type': contentType, 'content-length': Buffer.byteLength(body)})
  res.end(body)
}

export function sendError(res: LakeResponse, error: unknown): void {
  if (res.headersSent) {
    res.end()
    return
  }
  if (error instanceof LakeError) {
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value)
    sendJson(res, error.statusCode, error.body)
    return
  }
  console.error('[lake] unexpected error:', error)
  sendJson(res, 500, {
    error: {description: 'Internal error in the embedded lake', type: 'internalError'},
    statusCode: 500,
  })
}

/**
 * Cross-origin requests. Only the origins the product uses (the site, whose `/studio` is the
 * Studio, and any configured in `LAKE_CORS_ORIGINS`) are answered with CORS headers, credentials
 * included; a request carrying any other `Origin` (`null` too) is refused before it does any
 * work. Browsers also say where a request without `Origin` comes from (`Sec-Fetch-Site`): one
 * that another site makes a browser send (an image, a script, a frame) is refused as well, while
 * a person opening an address of the lake still gets it.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(req: LakeRequest, res: LakeResponse, origins: AllowedOrigins): boolean {
  const origin = headerText(req.headers.origin)
  if (origin !== undefined) {
    if (!origins.allows(origin)) {
      throw httpError(
        403,
        'Forbidden',
        `CORS origin not allowed: ${origin.slice(0, 200)}. Add it to LAKE_CORS_ORIGINS to allow it.`,
      )
    }
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-credentials', 'true')
    res.setHeader('vary', 'Origin')
  } else if (sentByAnotherSite(req)) {
    throw httpError(403, 'Forbidden', 'Requests made by another site are not allowed')
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
    const requested = headerText(req.headers['access-control-request-headers'])
    res.setHeader(
      'access-control-allow-headers',
      requested !== undefined && /^[\w\s,-]{0,1000}$/.test(requested)
        ? requested
        : 'authorization, content-type',
    )
    res.setHeader('access-control-max-age', '600')
    writeHead(res, 204)
    res.end()
    return true
  }
  return false
}

/** A request another site made the browser send, other than opening a page of the lake. */
function sentByAnotherSite(req: LakeRequest): boolean {
  const site = headerText(req.headers['sec-fetch-site'])
  if (site !== 'cross-site' && site !== 'same-site') return false
  const navigating =
    headerText(req.headers['sec-fetch-mode']) === 'navigate' &&
    (req.method === 'GET' || req.method === 'HEAD')
  return !navigating
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
