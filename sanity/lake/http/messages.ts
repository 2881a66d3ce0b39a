import type {IncomingMessage, OutgoingHttpHeaders, ServerResponse} from 'node:http'
import {constants as http2Constants, Http2ServerRequest, Http2ServerResponse} from 'node:http2'

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

/**
 * A request body, refused past `limit` bytes, and cut (408) when it is not all there within
 * `timeoutMs` of starting to read it: a client sending a body slowly holds a connection, and on
 * HTTP/2 Node bounds no stream's time, so the bound is here, the same on both ports.
 */
export function readBody(
  req: LakeRequest,
  res: LakeResponse,
  limit: number,
  timeoutMs: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let refused = false
    const timer = setTimeout(() => {
      refused = true
      chunks.length = 0
      reject(
        httpError(
          408,
          'Request Timeout',
          `The request body took longer than ${timeoutMs / 1000} s`,
        ),
      )
      // The rest of the body is not waited for: the connection (or HTTP/2 stream) goes once the
      // 408 is out.
      if (req instanceof Http2ServerRequest) {
        const {stream} = req
        const cancel = () => stream.close(http2Constants.NGHTTP2_CANCEL)
        setImmediate(() => (stream.writableFinished ? cancel() : stream.once('finish', cancel)))
      } else {
        const cut = () => req.destroy()
        res.once('finish', cut)
        res.once('close', cut)
      }
    }, timeoutMs)
    const stop = () => clearTimeout(timer)
    req.once('end', stop)
    req.once('close', stop)
    req.once('error', stop)
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      stop()
      reject(tooLarge(limit))
      req.resume()
      return
    }
    let size = 0
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
  res: LakeResponse,
  limits: Pick<LakeLimits, 'maxBodyBytes' | 'maxDepth' | 'requestTimeoutMs'>,
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
  const body = await readBody(req, res, limits.maxBodyBytes, limits.requestTimeoutMs)
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
  sendText(res, status, 'application/json; charset=utf-8', JSON.stringify(body))
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

/**
 * Writes part of a streamed answer, waiting while the client has not read what came before: a
 * client that does not read holds at most one part and the socket's buffer, never the whole
 * answer (and is cut after `unreadAnswerTimeoutMs`, see clients.ts). Resolves false when the
 * connection is gone, so the producer stops.
 */
export async function writePart(res: LakeResponse, part: string | Uint8Array): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false
  const flushed = res instanceof Http2ServerResponse ? res.write(part) : res.write(part)
  if (flushed) return true
  return new Promise((resolve) => {
    const done = (result: boolean) => {
      res.off('drain', onDrain)
      res.off('close', onClose)
      resolve(result)
    }
    const onDrain = () => done(true)
    const onClose = () => done(false)
    res.on('drain', onDrain)
    res.on('close', onClose)
  })
}

/**
 * A client that went away before its answer was complete: nothing is wrong with the lake, so
 * it is noted in one line for whoever debugs, not reported as an error.
 */
function isClientAbort(res: LakeResponse, error: unknown): boolean {
  const code = (error as {code?: string} | null)?.code
  return (
    res.destroyed ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    code === 'ERR_STREAM_DESTROYED' ||
    code === 'ERR_HTTP2_STREAM_ERROR' ||
    code === 'ERR_HTTP2_INVALID_STREAM' ||
    (error as Error | null)?.message === 'aborted'
  )
}

export function sendError(res: LakeResponse, error: unknown): void {
  if (isClientAbort(res, error)) {
    console.debug(`[lake] client went away: ${(error as Error | null)?.message ?? String(error)}`)
    if (!res.destroyed) res.destroy()
    return
  }
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
