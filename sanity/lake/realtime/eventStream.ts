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

/** Writes part of the stream (an event, or a comment that keeps it open) on either kind of response. */
export function writeChunk(res: StreamResponse, text: string): void {
  if (res instanceof Http2ServerResponse) res.write(text)
  else res.write(text)
}
