import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'
import {WebSocketServer, type WebSocket} from 'ws'

import type {Authenticator} from './auth'
import {randomId} from './documents'

/**
 * The Studio's presence socket (`/socket/:dataset`, JSON-RPC over WebSocket). It answers the
 * calls the Studio makes (authorization, subscriptions, announcements) so that it stays connected
 * and quiet; other people's presence is not shown.
 */

const SOCKET_PATH = /^(?:\/v[^/]+)?\/socket\/[^/?]+/
const HEARTBEAT_MS = 30_000

interface RpcRequest {
  jsonrpc?: string
  id?: string | number
  method?: string
  params?: unknown
}

export class PresenceSockets {
  private readonly wss = new WebSocketServer({noServer: true})
  private readonly timer: NodeJS.Timeout

  constructor(private readonly auth: Authenticator) {
    this.wss.on('connection', (socket) => this.accept(socket))
    this.timer = setInterval(() => {
      for (const socket of this.wss.clients) socket.send('♥')
    }, HEARTBEAT_MS)
    this.timer.unref()
  }

  /** Attach to a server's `upgrade` event; anything but the socket path is refused. */
  handleUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '').split('?')[0] ?? ''
    if (!SOCKET_PATH.test(path)) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n')
      return
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req))
  }

  private accept(socket: WebSocket): void {
    socket.on('message', (data) => {
      const text = data.toString()
      if (text === '♥') return
      let request: RpcRequest
      try {
        request = JSON.parse(text) as RpcRequest
      } catch {
        return
      }
      const reply = (result: unknown) => {
        if (request.id !== undefined)
          socket.send(JSON.stringify({jsonrpc: '2.0', id: request.id, result}))
      }
      const method = request.method ?? ''
      if (method === 'authorization') {
        const token = (request.params as {token?: unknown} | undefined)?.token
        let valid = false
        try {
          valid = typeof token === 'string' && this.auth.identify(`Bearer ${token}`) !== undefined
        } catch {
          valid = false
        }
        reply(valid)
      } else if (method.endsWith('_subscribe')) {
        reply(randomId(12))
      } else {
        reply(null)
      }
    })
  }

  close(): void {
    clearInterval(this.timer)
    for (const socket of this.wss.clients) socket.terminate()
    this.wss.close()
  }
}
