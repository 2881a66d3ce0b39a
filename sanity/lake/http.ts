import type {IncomingMessage, ServerResponse} from 'node:http'
import {Http2ServerResponse, type Http2ServerRequest} from 'node:http2'

import {httpError, LakeError, lakeError} from './errors'

/** Small HTTP helpers shared by the routes: bodies with a size limit, JSON answers, CORS. */

export type LakeRequest = IncomingMessage | Http2ServerRequest
export type LakeResponse = ServerResponse | Http2ServerResponse

/** Request bodies above this size are refused with 413 before they are read to the end. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024

export function readBody(req: LakeRequest, limit = MAX_BODY_BYTES): Promise<Buffer> {
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
  return httpError(
    413,
    'Payload Too Large',
    `Request body is larger than ${limit / 1024 / 1024} MB`,
  )
}

export async function readJsonBody(req: LakeRequest): Promise<unknown> {
  const body = await readBody(req)
  if (body.length === 0)
    throw lakeError(400, 'invalidJson', 'The request body is empty; JSON expected')
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

export function sendJson(res: LakeResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
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
  res.writeHead(status, {'content-type': contentType, 'content-length': Buffer.byteLength(body)})
  res.end(body)
}

/** Writes part of a streamed answer (server-sent events) on either kind of response. */
export function writeChunk(res: LakeResponse, text: string): void {
  if (res instanceof Http2ServerResponse) res.write(text)
  else res.write(text)
}

export function sendError(res: LakeResponse, error: unknown): void {
  if (res.headersSent) {
    res.end()
    return
  }
  if (error instanceof LakeError) {
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
 * The Studio runs on another origin (the site's) and sends credentials and an Authorization
 * header, so the request's own origin is echoed back rather than `*`.
 */
export function applyCors(req: LakeRequest, res: LakeResponse): boolean {
  const origin = req.headers.origin
  if (typeof origin === 'string') {
    res.setHeader('access-control-allow-origin', origin)
    res.setHeader('access-control-allow-credentials', 'true')
    res.setHeader('vary', 'Origin')
  }
  if (req.method === 'OPTIONS') {
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS')
    const requested = req.headers['access-control-request-headers']
    res.setHeader(
      'access-control-allow-headers',
      typeof requested === 'string' ? requested : 'authorization, content-type',
    )
    res.setHeader('access-control-max-age', '600')
    res.writeHead(204)
    res.end()
    return true
  }
  return false
}

export interface RouteContext {
  req: LakeRequest
  res: LakeResponse
  url: URL
  params: Record<string, string>
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void

interface Route {
  method: string
  pattern: RegExp
  keys: string[]
  handler: RouteHandler
}

/** Path patterns like `/data/query/:dataset`; the API version prefix is stripped beforehand. */
export class Router {
  private readonly routes: Route[] = []

  on(methods: string | string[], path: string, handler: RouteHandler): this {
    const keys: string[] = []
    const source = path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          const rest = segment.endsWith('*')
          keys.push(segment.slice(1).replace(/\*$/, ''))
          return rest ? '(.+)' : '([^/]+)'
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('/')
    for (const method of Array.isArray(methods) ? methods : [methods]) {
      this.routes.push({method, pattern: new RegExp(`^${source}/?$`), keys, handler})
    }
    return this
  }

  match(
    method: string,
    path: string,
  ): {handler: RouteHandler; params: Record<string, string>} | 'method-not-allowed' | undefined {
    let pathMatched = false
    for (const route of this.routes) {
      const match = route.pattern.exec(path)
      if (!match) continue
      pathMatched = true
      if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) continue
      const params: Record<string, string> = {}
      route.keys.forEach((key, index) => {
        params[key] = decodeURIComponent(match[index + 1] ?? '')
      })
      return {handler: route.handler, params}
    }
    return pathMatched ? 'method-not-allowed' : undefined
  }
}
