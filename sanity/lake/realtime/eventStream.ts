import type {IncomingMessage, ServerResponse} from 'node:http'
import {Http2ServerResponse, type Http2ServerRequest} from 'node:http2'

import type {LocalUser} from '../auth'

/** Server-sent events, as listeners and the Live Content API send them, over HTTP/1.1 or HTTP/2. */

export type StreamResponse = ServerResponse | Http2ServerResponse

/** What an event stream needs from the request that opens it; the HTTP surface hands it over. */
export interface StreamRequest {
  req: IncomingMessage | Http2ServerRequest
  res: StreamResponse
  search: URLSearchParams
  /** The caller, when a valid token came with the request. */
  user?: LocalUser
  /**
   * Counts the stream against the caller's kind of client, or refuses it with 429 when that kind
   * holds as many as it may. Returns what to call once the stream ends.
   */
  holdStream(): () => void
}

/** Answers with the head of an event stream; events follow as they come. */
export function startEventStream(res: StreamResponse): void {
  const head = {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
  }
  // Each kind of response as itself: Node's types give their writeHead incompatible overloads.
  if (res instanceof Http2ServerResponse) res.writeHead(200, head)
  else res.writeHead(200, head)
}

/** One event, with its id when it has one. */
export function writeEvent(res: StreamResponse, event: string, data: unknown, id?: string): void {
  const idLine = id ? `id: ${id}\n` : ''
  writeChunk(res, `${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
}

/**
 * Writes part of the stream (an event, or a comment that keeps it open) on either kind of
 * response. Several parts are written as one (`Buffer`s as they are, without a copy: one event's
 * large part is the same for everyone who listens).
 */
export function writeChunk(res: StreamResponse, ...parts: (string | Buffer)[]): void {
  // Each kind of response as itself: Node's types give their write incompatible overloads.
  if (res instanceof Http2ServerResponse) {
    for (const part of parts) res.write(part)
    return
  }
  if (parts.length > 1) res.cork()
  for (const part of parts) res.write(part)
  if (parts.length > 1) res.uncork()
}

/** Bytes handed to sockets in one turn of the event loop before the lake answers others. */
const BYTES_PER_TURN = 1024 * 1024

/**
 * Large writes to many streams, spread over turns of the event loop: handing a large event to a
 * socket copies it into the kernel, and doing so for dozens of listeners at once would hold the
 * lake for as long. Writes leave in the order they were asked for.
 */
export class WritePacer {
  private readonly waiting: {bytes: number; write: () => void}[] = []
  private scheduled = false

  write(bytes: number, write: () => void): void {
    this.waiting.push({bytes, write})
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(this.turn)
    }
  }

  private readonly turn = (): void => {
    let spent = 0
    while (spent < BYTES_PER_TURN) {
      const next = this.waiting.shift()
      if (!next) break
      spent += next.bytes
      try {
        next.write()
      } catch (error) {
        console.error('[lake] event stream write failed:', error)
      }
    }
    if (this.waiting.length > 0) setImmediate(this.turn)
    else this.scheduled = false
  }
}
