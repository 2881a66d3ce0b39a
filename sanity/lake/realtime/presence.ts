import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'
import {WebSocketServer, type WebSocket} from 'ws'

import type {AllowedOrigins, Authenticator, LocalUser} from '../auth'
import {type LakeLimits, randomId} from '../core'

/**
 * The Studio's presence socket (`/socket/:dataset`, JSON-RPC over WebSocket). It answers the
 * calls the Studio makes (authorization, subscriptions, announcements) so that it stays connected
 * and quiet; other people's presence is not shown.
 *
 * Only a browser page of an allowed origin may open it, and it must then authorize with a valid
 * token, as the Studio does first thing (`{"method": "authorization", "params": {"authorization":
 * "Bearer <token>"}}`); anything else, or nothing in time, closes it with 4001, the code the
 * Studio's socket client knows as "unauthorized". Messages are bounded in size (1009 beyond), and
 * so is the number of sockets.
 */

const SOCKET_PATH = /^(?:\/v[^/]+)?\/socket\/[^/?]+/
const HEARTBEAT_MS = 30_000
const UNAUTHORIZED = 4001
const TEXT_ONLY = 1003

interface RpcRequest {
  jsonrpc?: string
  id?: string | number
  method?: string
  params?: unknown
}

function refuseUpgrade(socket: Duplex, status: number, reason: string, message: string): void {
  const body = JSON.stringify({statusCode: status, error: reason, message})
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  )
}

export class PresenceSockets {
  private readonly wss: WebSocketServer
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly auth: Authenticator,
    private readonly origins: AllowedOrigins,
    private readonly limits: Pick<
      LakeLimits,
      'maxSocketMessageBytes' | 'maxSockets' | 'socketAuthorizationMs'
    >,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: limits.maxSocketMessageBytes,
      // Compressed messages could expand far past the size limit before it is checked
      perMessageDeflate: false,
    })
    this.wss.on('connection', (socket) => this.accept(socket))
    this.timer = setInterval(() => {
      for (const socket of this.wss.clients) socket.send('♥')
    }, HEARTBEAT_MS)
    this.timer.unref()
  }

  /** Attach to a server's `upgrade` event; anything but the socket path is refused. */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy())
    const path = (req.url ?? '').split('?')[0] ?? ''
    if (!SOCKET_PATH.test(path)) {
      refuseUpgrade(socket, 404, 'Not Found', 'No such socket')
      return
    }
    const origin = req.headers.origin
    if (typeof origin !== 'string' || !this.origins.allows(origin)) {
      refuseUpgrade(
        socket,
        403,
        'Forbidden',
        `The presence socket only accepts the Studio's own origin (got ${typeof origin === 'string' ? origin.slice(0, 200) : 'none'})`,
      )
      return
    }
    if (this.wss.clients.size >= this.limits.maxSockets) {
      refuseUpgrade(socket, 429, 'Too Many Requests', 'Too many presence sockets are open')
      return
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req))
  }

  private accept(socket: WebSocket): void {
    let user: LocalUser | undefined
    // Errors (a message over the size limit, a broken frame) close the socket; nothing to add
    socket.on('error', () => undefined)
    const deadline = setTimeout(
      () => socket.close(UNAUTHORIZED, 'Unauthorized'),
      this.limits.socketAuthorizationMs,
    )
    socket.on('close', () => clearTimeout(deadline))

    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        socket.close(TEXT_ONLY, 'Text messages only')
        return
      }
      const text = data.toString()
      if (text === '♥') return
      let request: RpcRequest
      try {
        request = JSON.parse(text) as RpcRequest
      } catch {
        return
      }
      if (request === null || typeof request !== 'object') return
      const reply = (result: unknown) => {
        if (typeof request.id === 'string' || typeof request.id === 'number')
          socket.send(JSON.stringify({jsonrpc: '2.0', id: request.id, result}))
      }
      const method = typeof request.method === 'string' ? request.method : ''
      if (!user) {
        user = method === 'authorization' ? this.identify(request.params) : undefined
        if (!user) {
          socket.close(UNAUTHORIZED, 'Unauthorized')
          return
        }
        clearTimeout(deadline)
        // A revoked token or a removed person loses the socket at once (sanity/lake/auth/people.ts).
        const unwatch = this.auth.watch(user, () => socket.close(UNAUTHORIZED, 'Unauthorized'))
        socket.on('close', unwatch)
        reply(true)
        return
      }
      if (method === 'authorization') reply(this.identify(request.params) !== undefined)
      else if (method.endsWith('_subscribe')) reply(randomId(12))
      else reply(null)
    })
  }

  /** The user behind an authorization call's `"Bearer <token>"`, if the token is valid. */
  private identify(params: unknown): LocalUser | undefined {
    const header = (params as {authorization?: unknown} | null | undefined)?.authorization
    if (typeof header !== 'string') return undefined
    try {
      return this.auth.identify(header)
    } catch {
      return undefined
    }
  }

  close(): void {
    clearInterval(this.timer)
    for (const socket of this.wss.clients) socket.terminate()
    this.wss.close()
  }
}
