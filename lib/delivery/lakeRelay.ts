import http, {type IncomingMessage, type ServerResponse} from 'node:http'
import net from 'node:net'
import type {Duplex} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {LAKE_PUBLIC_PATH} from '../env/studio'

/**
 * The embedded lake on the site's own origin: the site's server hands every request under
 * `/lake` to the lake as it came, the path's prefix removed, event streams and the presence
 * socket included, and nothing is kept or compressed on the way. On a server, nginx does the same
 * in front (deploy/nginx/policy-site.conf), so the Studio's requests take the same path on a
 * laptop and behind the organisation's certificate.
 */

/** The operator's door (sanity/lake/http/peopleRoutes.ts) is for the server itself alone. */
const OPERATOR_PATH = /^\/(?:v[^/?]*\/)?operator(?:[/?]|$)/i

/** Whether the lake's path is one the public may not reach, whatever the credentials. */
export function isServerOnly(lakePath: string): boolean {
  return OPERATOR_PATH.test(lakePath)
}

/** The lake's own path for an address under `/lake`, or undefined for any other address. */
export function lakePathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  if (url === LAKE_PUBLIC_PATH) return '/'
  for (const separator of ['/', '?']) {
    if (url.startsWith(`${LAKE_PUBLIC_PATH}${separator}`)) {
      const rest = url.slice(LAKE_PUBLIC_PATH.length)
      return rest.startsWith('/') ? rest : `/${rest}`
    }
  }
  return undefined
}

// Only make sense on one connection; the rest of the request goes to the lake as it came.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade'])

function forwarded(request: IncomingMessage, secure: boolean): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value
  }
  const client = request.socket.remoteAddress ?? ''
  const before = request.headers['x-forwarded-for']
  headers['x-forwarded-for'] = before ? `${String(before)}, ${client}` : client
  headers['x-forwarded-proto'] ??= secure ? 'https' : 'http'
  return headers
}

export interface LakeRelay {
  /** Answers a request under `/lake`; false (nothing done) for any other address. */
  request(request: IncomingMessage, response: ServerResponse): boolean
  /** Joins a socket upgrade under `/lake` to the lake; false for any other address. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean
  close(): void
}

export function lakeRelay(lake: URL, secure: boolean): LakeRelay {
  const agent = new http.Agent({keepAlive: true, maxSockets: 512})
  const host = lake.hostname.replace(/^\[|\]$/g, '')
  const port = Number(lake.port || 80)

  return {
    request(request, response) {
      const path = lakePathOf(request.url)
      if (path === undefined) return false
      if (isServerOnly(path)) {
        request.resume()
        response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'})
        response.end('Not found')
        return true
      }
      const upstream = http.request(
        {agent, host, port, method: request.method, path, headers: forwarded(request, secure)},
        (answer) => {
          const headers = {...answer.headers}
          for (const name of HOP_BY_HOP) delete headers[name]
          response.writeHead(answer.statusCode ?? 502, headers)
          // Event streams are written as they come: nothing may sit in a buffer here.
          response.flushHeaders()
          pipeline(answer, response).catch(() => response.destroy())
        },
      )
      upstream.on('error', () => {
        if (!response.headersSent) {
          response.writeHead(502, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          })
          response.end(
            JSON.stringify({
              error: 'Bad Gateway',
              message: 'The content lake is not answering; please try again in a moment.',
              statusCode: 502,
            }),
          )
        } else response.destroy()
      })
      // A reader who leaves ends the lake's side too (an event stream would otherwise stay open).
      response.on('close', () => upstream.destroy())
      request.pipe(upstream)
      return true
    },

    upgrade(request, socket, head) {
      const path = lakePathOf(request.url)
      if (path === undefined) return false
      if (isServerOnly(path)) {
        socket.destroy()
        return true
      }
      const upstream = net.connect(port, host, () => {
        const lines = [`${request.method} ${path} HTTP/1.1`]
        const raw = request.rawHeaders
        for (let index = 0; index < raw.length; index += 2) {
          const name = raw[index]!.toLowerCase()
          if (name === 'x-forwarded-for' || name === 'x-forwarded-proto') continue
          lines.push(`${raw[index]}: ${raw[index + 1]}`)
        }
        const {['x-forwarded-for']: forwardedFor, ['x-forwarded-proto']: proto} = forwarded(
          request,
          secure,
        )
        lines.push(
          `X-Forwarded-For: ${String(forwardedFor)}`,
          `X-Forwarded-Proto: ${String(proto)}`,
        )
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`)
        if (head.length > 0) upstream.write(head)
        socket.pipe(upstream).pipe(socket)
      })
      for (const end of [socket, upstream]) {
        end.on('error', () => {
          socket.destroy()
          upstream.destroy()
        })
        end.on('close', () => {
          socket.destroy()
          upstream.destroy()
        })
      }
      return true
    },

    close() {
      agent.destroy()
    },
  }
}
