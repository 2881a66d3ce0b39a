/**
 * The site's production server: Next.js behind a small server of our own that keeps finished
 * public responses. A public page (and its client-navigation payload), a feed or a JSON list is
 * rendered by Next once, turned into a response for everyone (inline scripts allowed by their
 * hashes, entity tag, compressed copies, see lib/delivery/) and then answered from memory without
 * entering Next, until a publish (the revalidation webhook), the next effective date or a minute
 * has passed. Everything else (the Studio, previews, the webhook, any POST) goes to Next as it
 * is, but for `/lake`, which is the embedded lake's, passed to it untouched (lib/delivery/lakeRelay.ts).
 * Next listens on a private Unix socket; only this server listens on the network.
 *
 *   tsx scripts/serve.ts [--port 3000] [--hostname 0.0.0.0]
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import http, {type IncomingMessage, type ServerResponse} from 'node:http'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pipeline} from 'node:stream/promises'
import {parseArgs} from 'node:util'
import {createGzip} from 'node:zlib'
import {
  declaredStatus,
  isImmutable,
  isShareable,
  matchesEntityTag,
  mayUseKept,
  negotiateEncoding,
  SHAREABLE_HEADER,
  sharedCacheControl,
  SITE_MAX_AGE_SECONDS,
  VARYING_REQUEST_HEADERS,
  withoutDraftModeCookie,
  type Encoding,
} from '../lib/delivery/cachePolicy'
import {contentGeneration, nextContentChange} from '../lib/delivery/contentState'
import {freshUntil} from '../lib/delivery/freshness'
import {hashMarkedInlineCode, withoutNonce} from '../lib/delivery/inlineCode'
import {
  compressedBodies,
  entityTag,
  ResponseCache,
  type KeptResponse,
} from '../lib/delivery/responseCache'
import {lakeRelay} from '../lib/delivery/lakeRelay'
import {publicContentSecurityPolicy} from '../lib/delivery/securityHeaders'
import {siteNow} from '../lib/clock'
import {nextDistDir, parseEnv, settingsOrExit} from '../lib/env'
import {startAuthorshipListener} from '../sanity/lib/authorshipListener'

// React and Next choose their production builds from this when first loaded.
;(process.env as Record<string, string>).NODE_ENV ??= 'production'

const root = path.resolve(import.meta.dirname, '..')
const distDir = path.join(root, nextDistDir())
const CACHE_BYTES = 256 * 1024 * 1024

// Answers are built by this server: these headers of Next's are replaced, or only make sense on
// one connection.
const REPLACED_HEADERS = new Set([
  'cache-control',
  'connection',
  'content-encoding',
  'content-length',
  'date',
  'etag',
  'keep-alive',
  'transfer-encoding',
  'vary',
  SHAREABLE_HEADER,
])

type Headers = IncomingMessage['headers']

function cacheKey(request: IncomingMessage): string {
  let key = `${request.headers.host ?? ''}${request.url ?? '/'}`
  if (request.headers.rsc !== undefined) {
    for (const name of VARYING_REQUEST_HEADERS) key += `\n${request.headers[name] ?? ''}`
  }
  return key
}

function nonceOf(headers: Headers): string | undefined {
  return /'nonce-([^']+)'/.exec(String(headers['content-security-policy'] ?? ''))?.[1]
}

/** What Next answered, made into a response for everyone. */
async function keep(
  status: number,
  headers: Headers,
  body: Buffer,
  generation: number,
  renderedAt: number,
  secure: boolean,
): Promise<KeptResponse> {
  const contentType = String(headers['content-type'] ?? '')
  const nonce = nonceOf(headers)
  let identity = body
  // Rendered under a nonce (a page or its client-navigation payload): kept under hashes instead.
  let policy: string | undefined
  if (nonce) {
    const html = contentType.startsWith('text/html')
    const page = html
      ? hashMarkedInlineCode(body.toString('utf8'), nonce)
      : {body: withoutNonce(body.toString('utf8'), nonce), scriptHashes: [], styleHashes: []}
    if (html && status === 200) status = declaredStatus(page.body) ?? status
    identity = Buffer.from(page.body, 'utf8')
    policy = publicContentSecurityPolicy({...page, secure})
  }
  const kept: [string, string][] = []
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || REPLACED_HEADERS.has(name)) continue
    if (policy && name === 'content-security-policy') continue
    for (const one of [value].flat()) {
      // Preload hints carry the nonce as a parameter.
      kept.push([name, nonce ? withoutNonce(one.split(`; nonce="${nonce}"`).join(''), nonce) : one])
    }
  }
  if (policy) kept.push(['content-security-policy', policy])
  const bodies = await compressedBodies(identity, contentType)
  const vary = [headers.vary, bodies.gzip ? 'Accept-Encoding' : undefined]
    .flatMap((value) => (value ? String(value).split(',') : []))
    .map((value) => value.trim())
    .filter(
      (value, index, all) =>
        value && all.findIndex((other) => other.toLowerCase() === value.toLowerCase()) === index,
    )
  if (vary.length > 0) kept.push(['vary', vary.join(', ')])
  const immutable = isImmutable(headers)
  return {
    status,
    headers: kept,
    bodies,
    entityTags: {
      identity: entityTag(identity, 'identity'),
      gzip: entityTag(identity, 'gzip'),
      br: entityTag(identity, 'br'),
    },
    generation,
    freshUntil: immutable
      ? renderedAt + 365 * 24 * 3600 * 1000
      : freshUntil(nextContentChange(), renderedAt, SITE_MAX_AGE_SECONDS),
    immutable,
    bytes: identity.length + (bodies.gzip?.length ?? 0) + (bodies.br?.length ?? 0) + 1024,
  }
}

function isFresh(kept: KeptResponse, now: number): boolean {
  return now < kept.freshUntil && (kept.immutable || kept.generation === contentGeneration())
}

function answer(request: IncomingMessage, response: ServerResponse, kept: KeptResponse) {
  const now = siteNow().getTime()
  const available = Object.keys(kept.bodies) as Encoding[]
  const encoding = negotiateEncoding(request.headers['accept-encoding'], available)
  const tag = kept.entityTags[encoding]
  const cacheControl = kept.immutable
    ? 'public, max-age=31536000, immutable'
    : sharedCacheControl(nextContentChange(), now)
  const tags = available.map((one) => kept.entityTags[one])
  if (kept.status === 200 && matchesEntityTag(request.headers['if-none-match'], tags)) {
    const vary = kept.headers.find(([name]) => name === 'vary')
    response.writeHead(304, {
      etag: tag,
      'cache-control': cacheControl,
      ...(vary ? {vary: vary[1]} : {}),
    })
    response.end()
    return
  }
  const body = kept.bodies[encoding] ?? kept.bodies.identity
  const headers: string[] = []
  for (const [name, value] of kept.headers) headers.push(name, value)
  headers.push('etag', tag, 'cache-control', cacheControl, 'content-length', String(body.length))
  if (encoding !== 'identity') headers.push('content-encoding', encoding)
  response.writeHead(kept.status, headers)
  response.end(request.method === 'HEAD' ? undefined : body)
}

type Rendered = {kept: KeptResponse} | {answered: true} | {failed: true}

async function main() {
  const {values} = parseArgs({options: {port: {type: 'string'}, hostname: {type: 'string'}}})
  const config = settingsOrExit(() => parseEnv(process.env))
  const port = Number(values.port ?? config.sitePort)
  const secure = config.siteUrl.protocol === 'https:'

  const {default: next} = await import('next')
  const app = next({dev: false, dir: root})
  await app.prepare()
  const handle = app.getRequestHandler()
  // Only valid draft-mode cookies count (see mayUseKept); the build's preview id says which.
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'),
  ) as {
    preview?: {previewModeId?: string}
  }
  const draftModeId = manifest.preview?.previewModeId

  const socketDir = mkdtempSync(path.join(tmpdir(), 'policy-site-'))
  const socketPath = path.join(socketDir, 'next.sock')
  const nextServer = http.createServer((request, response) => void handle(request, response))
  await new Promise<void>((resolve) => nextServer.listen(socketPath, resolve))
  const agent = new http.Agent({keepAlive: true, maxSockets: 256})

  const cache = new ResponseCache(CACHE_BYTES)
  const rendering = new Map<string, Promise<Rendered>>()

  function toNext(
    request: IncomingMessage,
    headers: Headers,
    method = request.method,
  ): Promise<IncomingMessage> {
    const idempotent = method === 'GET' || method === 'HEAD'
    const attempt = (): Promise<IncomingMessage> =>
      new Promise((resolve, reject) => {
        const upstream = http.request(
          {agent, socketPath, method, path: request.url, headers},
          resolve,
        )
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          // Next may close a kept-alive connection just as this server sends on it again: the
          // request never reached Next, so a GET is sent once more on a new connection.
          if (idempotent && upstream.reusedSocket && error.code === 'ECONNRESET')
            attempt().then(resolve, reject)
          else reject(error)
        })
        if (idempotent) upstream.end()
        else request.pipe(upstream)
      })
    return attempt()
  }

  /** Anything not kept: to Next and back as it comes, compressed here when Next did not. */
  async function relay(
    request: IncomingMessage,
    response: ServerResponse,
    upstream?: IncomingMessage,
  ) {
    const from = upstream ?? (await toNext(request, request.headers))
    const headers = {...from.headers}
    delete headers[SHAREABLE_HEADER]
    delete headers.connection
    delete headers['keep-alive']
    const gzip =
      !headers['content-encoding'] &&
      /^(text\/|application\/(json|javascript))/.test(String(headers['content-type'] ?? '')) &&
      request.method !== 'HEAD' &&
      negotiateEncoding(request.headers['accept-encoding'], ['gzip']) === 'gzip'
    if (gzip) {
      delete headers['content-length']
      headers['content-encoding'] = 'gzip'
      headers.vary = headers.vary ? `${String(headers.vary)}, Accept-Encoding` : 'Accept-Encoding'
    }
    response.writeHead(from.statusCode ?? 502, headers)
    await (gzip ? pipeline(from, createGzip(), response) : pipeline(from, response))
  }

  /** Renders through Next; a response for everyone is kept, any other goes to this reader alone. */
  async function render(
    request: IncomingMessage,
    response: ServerResponse,
    key: string,
    stale: KeptResponse | undefined,
  ): Promise<Rendered> {
    const generation = contentGeneration()
    const renderedAt = siteNow().getTime()
    const headers: Headers = {
      ...request.headers,
      'accept-encoding': 'identity',
      cookie: withoutDraftModeCookie(request.headers.cookie),
    }
    if (headers.cookie === undefined) delete headers.cookie
    delete headers['if-none-match']
    delete headers['if-modified-since']
    let upstream: IncomingMessage
    try {
      upstream = await toNext(request, headers, 'GET')
    } catch (error) {
      console.error(error)
      return {failed: true}
    }
    const status = upstream.statusCode ?? 502
    if (!isShareable({status, headers: upstream.headers})) {
      // The content source is out of reach (a 5xx, or the page asking to be fetched again):
      // the last response kept for everyone is better than none.
      const location = upstream.headers.location
      const unavailable = status >= 500 || (status === 307 && location === request.url)
      if (stale && unavailable) {
        upstream.resume()
        return {kept: stale}
      }
      await relay(request, response, upstream)
      return {answered: true}
    }
    const chunks: Buffer[] = []
    for await (const chunk of upstream) chunks.push(chunk as Buffer)
    const kept = await keep(
      status,
      upstream.headers,
      Buffer.concat(chunks),
      generation,
      renderedAt,
      secure,
    )
    cache.set(key, kept)
    return {kept}
  }

  async function serve(request: IncomingMessage, response: ServerResponse) {
    const eligible = mayUseKept({
      method: request.method ?? 'GET',
      cookie: request.headers.cookie,
      draftModeId,
    })
    if (!eligible) return relay(request, response)
    const key = cacheKey(request)
    const kept = cache.get(key)
    if (kept && isFresh(kept, siteNow().getTime())) return answer(request, response, kept)

    // One render per address at a time; readers who ask meanwhile get its result.
    const pending = rendering.get(key)
    if (pending) {
      const result = await pending
      if ('kept' in result) return answer(request, response, result.kept)
      return relay(request, response)
    }
    const started = render(request, response, key, kept)
    rendering.set(key, started)
    let result: Rendered
    try {
      result = await started
    } finally {
      rendering.delete(key)
    }
    if ('kept' in result) return answer(request, response, result.kept)
    if ('failed' in result) answerUnavailable(response)
  }

  /** Next could not be reached: the reader is told so, in both languages, and may try again. */
  function answerUnavailable(response: ServerResponse) {
    if (response.headersSent) {
      response.destroy()
      return
    }
    response.writeHead(502, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'retry-after': '5',
    })
    response.end(
      'Le site redémarre ; réessayez dans un instant.\nThe site is restarting; please try again in a moment.\n',
    )
  }

  const lake = config.sanity.apiHost ? lakeRelay(new URL(config.sanity.apiHost), secure) : undefined
  const server = http.createServer((request, response) => {
    if (lake?.request(request, response)) return
    serve(request, response).catch((error: unknown) => {
      // A reader who left before the answer was complete is no error of the site's.
      const code = (error as {code?: string}).code
      const gone =
        code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE'
      if (!gone) console.error(error)
      answerUnavailable(response)
    })
  })
  server.keepAliveTimeout = 65_000
  server.on('upgrade', (request, socket, head) => {
    if (!lake?.upgrade(request, socket, head)) socket.destroy()
  })
  await new Promise<void>((resolve) => server.listen(port, values.hostname, resolve))
  console.log(`The site is served on port ${port}.`)
  // Who writes what, as it happens: what approvals are judged by once history has expired.
  const listener = startAuthorshipListener(config)

  const stop = () => {
    listener.stop()
    lake?.close()
    server.close()
    nextServer.close()
    rmSync(socketDir, {recursive: true, force: true})
    void app.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
