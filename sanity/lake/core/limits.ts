/**
 * Every bound the lake puts on what a client may send or hold, in one place. Where Sanity
 * documents a limit of its own ("Technical limits", "HTTP query"), the lake uses the same number;
 * the others are chosen so that no single client can keep the lake from answering the site and
 * the Studio. The lake's README lists them next to Sanity's.
 */
export interface LakeLimits {
  /** Request bodies. Sanity refuses bodies over 4,000,000 bytes. */
  maxBodyBytes: number
  /**
   * The request target (path and query string). Sanity takes GET queries up to 11 KB;
   * `@sanity/client` switches to POST from 11,264 characters of query string, and listeners have
   * no POST to switch to, so their filter is bound by this too.
   */
  maxUrlBytes: number
  /** The text of one GROQ query sent by POST (Sanity documents none besides the body's). */
  maxQueryBytes: number
  /**
   * Nesting of a document, counted in levels of objects and arrays (the document itself is the
   * first). Sanity: "maximum attribute nesting depth: 20 levels". Query parameters are held to it
   * too, and request bodies to it plus the few levels of their envelope.
   */
  maxDepth: number
  /** One document as JSON. Sanity: 32 MB. */
  maxDocumentBytes: number
  /**
   * Time one transaction's mutations or actions may take to apply (they are applied in slices,
   * between which the lake answers others); a longer one is refused whole.
   */
  transactionTimeoutMs: number
  /** Time one query (parsing included) may run in a query worker. */
  queryTimeoutMs: number
  /**
   * Queries from clients without a token that may be running or waiting at once; one more is
   * turned away with 429. Sanity allows 500 concurrent queries per dataset, across far more
   * machines than one.
   */
  maxAnonymousQueries: number
  /** Queries from one client without a token (one address) running or waiting at once. */
  maxAnonymousQueriesPerClient: number
  /** The site's queries running or waiting at once, on its own lane. */
  maxSiteQueries: number
  /** Signed-in people's queries running or waiting at once. */
  maxSignedInQueries: number
  /**
   * One answer of a query, a `/doc` request or a history request, as JSON. Sanity documents no
   * bound; the largest document it stores (32 MB) is the lake's.
   */
  maxAnswerBytes: number
  /**
   * Distinct ids in one `/doc` or history request (repeated ids count once). Sanity documents
   * none; the Studio asks for a few at a time.
   */
  maxIdsPerRequest: number
  /**
   * Bytes of answers one client may leave unread with the lake (it asked, and reads slowly or
   * not at all); past this its next request is refused with 429 until it reads.
   */
  maxHeldBytesPerClient: number
  /** Connections one address may hold open; more are closed as they arrive. */
  maxConnectionsPerClient: number
  /** Time a connection may stay silent both ways (no request, no answer being read). */
  idleTimeoutMs: number
  /** Time a client has to send a request's headers once it connected or sent the previous one. */
  headersTimeoutMs: number
  /** Time a client has to send a whole request, body included. */
  requestTimeoutMs: number
  /** Time an answer may go without the client reading any of it before the connection is cut. */
  unreadAnswerTimeoutMs: number
  /** Event streams (listeners, live events) open at once for clients without a token. */
  maxAnonymousStreams: number
  /** Event streams open at once for signed-in clients (a Studio keeps 6 to 15). */
  maxStreams: number
  /**
   * Time the filter of a listener without a token may take to decide which documents of one
   * transaction it sees (a signed-in client's filter has `queryTimeoutMs`).
   */
  listenerFilterTimeoutMs: number
  /** Unsent events a listener may let pile up (a client that stops reading) before it is cut. */
  maxListenerBacklogBytes: number
  /** One message on the presence socket (the Studio's are a few hundred bytes). */
  maxSocketMessageBytes: number
  /**
   * History and export answers (NDJSON) being made at once, by the lake's two workers for them;
   * one more is refused with 429. Sanity documents none.
   */
  maxStreamedAnswers: number
  /** History and export answers being made at once for one client (a token, or an address). */
  maxStreamedAnswersPerClient: number
  /** Presence sockets open at once. */
  maxSockets: number
  /** Time a presence socket has to authorize with a valid token before it is closed. */
  socketAuthorizationMs: number
}

export const DEFAULT_LIMITS: Readonly<LakeLimits> = {
  maxBodyBytes: 4_000_000,
  maxUrlBytes: 12 * 1024,
  maxQueryBytes: 256 * 1024,
  maxDepth: 20,
  maxDocumentBytes: 32_000_000,
  queryTimeoutMs: 5_000,
  transactionTimeoutMs: 10_000,
  maxAnonymousQueries: 16,
  maxAnonymousQueriesPerClient: 4,
  maxSiteQueries: 64,
  maxSignedInQueries: 64,
  maxAnswerBytes: 32_000_000,
  maxIdsPerRequest: 200,
  maxHeldBytesPerClient: 64_000_000,
  maxConnectionsPerClient: 512,
  idleTimeoutMs: 60_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  unreadAnswerTimeoutMs: 10_000,
  maxAnonymousStreams: 32,
  maxStreams: 256,
  listenerFilterTimeoutMs: 1_000,
  maxListenerBacklogBytes: 4 * 1024 * 1024,
  maxSocketMessageBytes: 64 * 1024,
  maxStreamedAnswers: 32,
  maxStreamedAnswersPerClient: 8,
  maxSockets: 64,
  socketAuthorizationMs: 10_000,
}

export function resolveLimits(overrides: Partial<LakeLimits> = {}): LakeLimits {
  return {...DEFAULT_LIMITS, ...overrides}
}

/**
 * How deeply a JSON value nests (a scalar is 0, `{}` and `[]` are 1), or `Infinity` as soon as it
 * passes `limit`. Iterative, so that a value nested a million levels deep is measured without
 * exhausting the stack, as JSON.stringify and structuredClone would.
 */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number]
    if (current === null || typeof current !== 'object') continue
    const level = depth + 1
    if (level > limit) return Infinity
    if (level > deepest) deepest = level
    const children = Array.isArray(current) ? current : Object.values(current)
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push([child, level])
    }
  }
  return deepest
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPENERS = new Set([0x5b, 0x7b])
const CLOSERS = new Set([0x5d, 0x7d])

/**
 * Whether JSON text nests deeper than `limit`, read from its bytes before anything parses it:
 * JSON.parse takes time that grows with nesting (a fifth of a second for 100,000 levels), time
 * during which the lake would answer nobody.
 */
export function jsonNestsDeeperThan(text: Uint8Array, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const byte = text[i] as number
    if (inString) {
      if (byte === BACKSLASH) i++
      else if (byte === QUOTE) inString = false
    } else if (byte === QUOTE) {
      inString = true
    } else if (OPENERS.has(byte)) {
      if (++depth > limit) return true
    } else if (CLOSERS.has(byte)) {
      depth--
    }
  }
  return false
}

/** Formats a byte count the way the limits are documented (SI for Sanity's, KiB for others). */
export function describeBytes(bytes: number): string {
  if (bytes % 1_000_000 === 0) return `${bytes / 1_000_000} MB`
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}
