import type {IncomingMessage} from 'node:http'
import type {Duplex} from 'node:stream'
import {WebSocketServer, type WebSocket} from 'ws'

import type {AllowedOrigins, Authenticator, LocalUser} from '../auth'
import {type LakeLimits, randomId} from '../core'

/**
 * The Studio's presence socket (`/socket/:dataset`, JSON-RPC over WebSocket), relaying presence
 * as Sanity's does: a session announces where it is (`presence_announce`, its document and path),
 * asks the others to announce themselves (`presence_rollcall`) and leaves (`presence_disconnect`,
 * or its socket closing); every other socket of the same dataset subscribed to `presence` receives
 * each of these as `presence_subscription` events naming the user (`i`), so two people on one
 * document see each other's avatar and where each is in the text. Other calls are answered so
 * that the Studio stays connected and quiet.
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

interface Peer {
  dataset: string
  user?: LocalUser
  /** Its `presence` subscriptions' ids. */
  subscriptions: Set<string>
  /**
   * The sessions it announced, with where each was last: told to whoever subscribes later, and
   * told gone when it closes.
   */
  sessions: Map<string, unknown[]>
}

/** An event as Sanity's presence service sends it (`@sanity/bifur-client`'s `presence` events). */
type PresenceEvent =
  | {type: 'rollCall'; i: string; session: string}
  | {type: 'state'; i: string; m: {sessionId: string; locations: unknown[]}}
  | {type: 'disconnect'; i: string; m: {session: string}}

/** A session id as the Studio makes them (nanoid), bounded so that nobody grows another's memory. */
function sessionId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : undefined
}

const MAX_SUBSCRIPTIONS = 8
const MAX_SESSIONS = 8

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

/** The dataset a socket's path names (`/v2022-06-30/socket/production`). */
function datasetOf(req: IncomingMessage): string {
  const path = (req.url ?? '').split('?')[0] ?? ''
  return path.slice(path.lastIndexOf('/') + 1)
}

export class PresenceSockets {
  private readonly wss: WebSocketServer
  private readonly timer: NodeJS.Timeout
  private readonly peers = new Map<WebSocket, Peer>()

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
    this.wss.on('connection', (socket, req: IncomingMessage) => this.accept(socket, datasetOf(req)))
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

  private accept(socket: WebSocket, dataset: string): void {
    const peer: Peer = {dataset, subscriptions: new Set(), sessions: new Map()}
    this.peers.set(socket, peer)
    // Errors (a message over the size limit, a broken frame) close the socket; nothing to add
    socket.on('error', () => undefined)
    const deadline = setTimeout(
      () => socket.close(UNAUTHORIZED, 'Unauthorized'),
      this.limits.socketAuthorizationMs,
    )
    socket.on('close', () => {
      clearTimeout(deadline)
      this.peers.delete(socket)
      // A closed tab leaves as if it had said so, so its avatar does not linger with the others.
      if (peer.user) {
        for (const session of peer.sessions.keys()) {
          this.relay(socket, peer, {type: 'disconnect', i: peer.user.id, m: {session}})
        }
      }
    })

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
      if (!peer.user) {
        peer.user = method === 'authorization' ? this.identify(request.params) : undefined
        if (!peer.user) {
          socket.close(UNAUTHORIZED, 'Unauthorized')
          return
        }
        clearTimeout(deadline)
        // A revoked token or a removed person loses the socket at once (sanity/lake/auth/people.ts).
        const unwatch = this.auth.watch(peer.user, () => socket.close(UNAUTHORIZED, 'Unauthorized'))
        socket.on('close', unwatch)
        reply(true)
        return
      }
      const params = (request.params ?? {}) as Record<string, unknown>
      if (method === 'authorization') reply(this.identify(request.params) !== undefined)
      else if (method === 'presence_subscribe' && peer.subscriptions.size < MAX_SUBSCRIPTIONS) {
        const id = randomId(12)
        peer.subscriptions.add(id)
        reply(id)
        this.catchUp(socket, peer, id)
      } else if (method === 'presence_unsubscribe') {
        reply(peer.subscriptions.delete(String(params.subscriptionId)))
      } else if (method.endsWith('_subscribe')) reply(randomId(12))
      else if (method.startsWith('presence_')) reply(this.presence(socket, peer, method, params))
      else reply(null)
    })
  }

  /** A presence call: relayed to the others, and true; false when it is not one Sanity knows. */
  private presence(
    socket: WebSocket,
    peer: Peer,
    method: string,
    params: Record<string, unknown>,
  ): boolean {
    const user = peer.user!.id
    if (method === 'presence_rollcall') {
      const session = sessionId(params.session)
      if (!session) return false
      this.relay(socket, peer, {type: 'rollCall', i: user, session})
      return true
    }
    if (method === 'presence_announce') {
      const data = (params.data ?? {}) as Record<string, unknown>
      const session = sessionId(data.sessionId)
      if (!session || !Array.isArray(data.locations)) return false
      if (!peer.sessions.has(session) && peer.sessions.size >= MAX_SESSIONS) return false
      peer.sessions.set(session, data.locations)
      this.relay(socket, peer, {
        type: 'state',
        i: user,
        m: {sessionId: session, locations: data.locations},
      })
      return true
    }
    if (method === 'presence_disconnect') {
      const session = sessionId(params.session)
      if (!session) return false
      peer.sessions.delete(session)
      this.relay(socket, peer, {type: 'disconnect', i: user, m: {session}})
      return true
    }
    return false
  }

  /**
   * Where the others already are, to a new subscription: a Studio calls the roll as it connects,
   * but its roll call can reach the others before its subscription does, and their answers
   * would be lost until they next announce themselves (every 30 seconds).
   */
  private catchUp(socket: WebSocket, subscriber: Peer, subscription: string): void {
    for (const [other, peer] of this.peers) {
      if (other === socket || !peer.user || peer.dataset !== subscriber.dataset) continue
      for (const [sessionId, locations] of peer.sessions) {
        const result: PresenceEvent = {type: 'state', i: peer.user.id, m: {sessionId, locations}}
        socket.send(
          JSON.stringify({
            jsonrpc: '2.0',
            method: 'presence_subscription',
            params: {subscription, result},
          }),
        )
      }
    }
  }

  /** To every other signed-in socket of the same dataset, on each of its subscriptions. */
  private relay(from: WebSocket, sender: Peer, event: PresenceEvent): void {
    for (const [socket, peer] of this.peers) {
      if (socket === from || !peer.user || peer.dataset !== sender.dataset) continue
      if (socket.readyState !== socket.OPEN) continue
      for (const subscription of peer.subscriptions) {
        socket.send(
          JSON.stringify({
            jsonrpc: '2.0',
            method: 'presence_subscription',
            params: {subscription, result: event},
          }),
        )
      }
    }
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
    this.peers.clear()
    this.wss.close()
  }
}
