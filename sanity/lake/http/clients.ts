import {isIP, type Server as NetServer, type Socket} from 'node:net'

import {type LakeLimits, tooManyRequests} from '../core'
import type {LakeRequest, LakeResponse} from './messages'

/**
 * Who is asking, and what each client holds: the lake's own accounting, by which one client's
 * share is bounded (connections, anonymous queries at once, bytes of answers it has not read
 * yet) and by which the tests bound its memory.
 *
 * A client is an address. Behind the shipped reverse proxy every request arrives from the proxy's
 * address, so a request from a configured proxy (`LAKE_TRUSTED_PROXIES`) is the client named in
 * `X-Forwarded-For` by the last proxy that is not one of ours: read from the right, each trusted
 * proxy's entry is passed over (nginx in front of the site's server, which relays `/lake`, adds
 * two), and the first other address is the one a proxy of ours saw. What a client wrote there
 * itself stays on the left, unread. From anywhere else the header is ignored, since anyone can
 * send it.
 */

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
export function normalizeAddress(address: string | undefined): string {
  if (!address) return 'unknown'
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address
}

interface Answer {
  client: string | undefined
  pending: number
  since: number
}

export class ClientLedger {
  private readonly trustedProxies: ReadonlySet<string>
  private readonly connections = new Map<string, number>()
  private readonly queries = new Map<string, number>()
  /** Answers being sent: whose, bytes waiting for the client when last looked at, and since when. */
  private readonly answers = new Map<LakeResponse, Answer>()
  private sweeper: NodeJS.Timeout | undefined

  constructor(
    private readonly limits: Pick<
      LakeLimits,
      | 'maxConnectionsPerClient'
      | 'maxAnonymousQueriesPerClient'
      | 'maxHeldBytesPerClient'
      | 'unreadAnswerTimeoutMs'
    >,
    trustedProxies: Iterable<string> = [],
  ) {
    this.trustedProxies = new Set([...trustedProxies].map(normalizeAddress))
  }

  /** The client a request comes from (see above). */
  addressOf(req: LakeRequest): string {
    const peer = normalizeAddress(req.socket?.remoteAddress)
    if (!this.trustedProxies.has(peer)) return peer
    const forwarded = req.headers['x-forwarded-for']
    const list = Array.isArray(forwarded) ? forwarded.join(',') : forwarded
    let client = peer
    for (const entry of (list ?? '').split(',').reverse()) {
      const address = entry.trim()
      if (!isIP(address)) break
      client = normalizeAddress(address)
      if (!this.trustedProxies.has(client)) break
    }
    return client
  }

  /**
   * Makes a server count each new connection against its client before HTTP or TLS spends
   * anything on it: a connection past its client's share is reset at once, and the server's own
   * handling (an HTTP parser, a TLS handshake) never starts for it, so that a client opening
   * thousands costs the lake as little as possible. The server's own handlers are the
   * `connection` listeners it registered when it was made.
   */
  admitBefore(server: NetServer): void {
    const handlers = server.listeners('connection') as ((socket: Socket) => void)[]
    server.removeAllListeners('connection')
    server.on('connection', (socket: Socket) => {
      if (!this.admit(socket)) return
      for (const handle of handlers) handle.call(server, socket)
    })
  }

  /**
   * Counts a new connection against its address, or resets it when that address holds as many
   * as it may. A trusted proxy carries many clients and is not capped.
   */
  private admit(socket: Socket): boolean {
    const address = normalizeAddress(socket.remoteAddress)
    if (this.trustedProxies.has(address)) return true
    const open = this.connections.get(address) ?? 0
    if (open >= this.limits.maxConnectionsPerClient) {
      socket.resetAndDestroy()
      return false
    }
    this.connections.set(address, open + 1)
    socket.once('close', () => decrement(this.connections, address))
    return true
  }

  /** Connections a client holds open (for the tests and the benchmark). */
  connectionsOf(address: string): number {
    return this.connections.get(address) ?? 0
  }

  /** Holds one of a client's anonymous queries, or refuses it with 429 past its share. */
  holdQuery(client: string): () => void {
    const running = this.queries.get(client) ?? 0
    if (running >= this.limits.maxAnonymousQueriesPerClient) {
      throw tooManyRequests(
        `${this.limits.maxAnonymousQueriesPerClient} queries without a token from this client are already running; wait for them`,
      )
    }
    this.queries.set(client, running + 1)
    return once(() => decrement(this.queries, client))
  }

  /**
   * Refuses new work from a client that has left more unread answers with the lake than it may
   * (it asked, and does not read).
   */
  checkHeld(client: string): void {
    if (this.heldBytes(client) >= this.limits.maxHeldBytesPerClient) {
      throw tooManyRequests(
        'Earlier answers to this client are still unread; read them before asking for more',
        5,
      )
    }
  }

  /**
   * Follows an answer (an event stream too) until it has left the lake: its bytes waiting to be
   * read count against its client, and its connection is cut when the client has read none of it
   * for `unreadAnswerTimeoutMs` while some is waiting, so that a client that asks and never reads
   * does not make the lake hold what it asked for.
   */
  watchAnswer(res: LakeResponse): void {
    const seen: Answer = {client: undefined, pending: 0, since: performance.now()}
    this.answers.set(res, seen)
    const forget = () => this.answers.delete(res)
    res.once('finish', forget)
    res.once('close', forget)
    res.on('drain', () => {
      seen.since = performance.now()
    })
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref()
  }

  /** Names the client an answer is for, once the request says who is asking. */
  assign(res: LakeResponse, client: string): void {
    const seen = this.answers.get(res)
    if (seen) seen.client = client
  }

  /**
   * Bytes of answers the lake holds for a client (or for all): what it has written and the client
   * has not read yet, in the lake's buffers and its sockets'.
   */
  heldBytes(client?: string): number {
    let total = 0
    for (const [res, seen] of this.answers) {
      if (client === undefined || seen.client === client) total += res.writableLength
    }
    return total
  }

  private sweep(): void {
    const now = performance.now()
    for (const [res, seen] of this.answers) {
      const pending = res.writableLength
      if (pending === 0 || pending < seen.pending) seen.since = now
      seen.pending = pending
      if (now - seen.since > this.limits.unreadAnswerTimeoutMs) {
        this.answers.delete(res)
        res.destroy()
      }
    }
  }

  close(): void {
    clearInterval(this.sweeper)
    this.answers.clear()
  }
}

/** How often answers waiting for their client are looked at. */
const SWEEP_MS = 1000

function decrement(map: Map<string, number>, key: string, by = 1): void {
  const next = (map.get(key) ?? 0) - by
  if (next > 0) map.set(key, next)
  else map.delete(key)
}

function once(action: () => void): () => void {
  let done = false
  return () => {
    if (done) return
    done = true
    action()
  }
}
