/**
 * Which responses the site keeps and shares, and what it tells caches in front of it. Pure rules,
 * used by the site's server (scripts/serve.ts); the proxy marks public pages with
 * `SHAREABLE_HEADER`, and a route handler opts in by declaring `Cache-Control: public`.
 */

/** Response header with which the proxy marks a page that is the same for every reader. */
export const SHAREABLE_HEADER = 'x-shareable-response'

/**
 * Name of the `<meta>` with which a page declares the status it answers with (see
 * components/ResponseStatus.tsx): App Router pages can only say 404 by throwing.
 */
export const RESPONSE_STATUS_META = 'response-status'

const DECLARED_STATUS = new RegExp(`<meta name="${RESPONSE_STATUS_META}" content="([1-5]\\d\\d)"`)

/** The status an HTML page declares, if any. */
export function declaredStatus(html: string): number | undefined {
  const match = DECLARED_STATUS.exec(html)
  return match ? Number(match[1]) : undefined
}

/** Next's draft-mode cookie: an editor's preview is rendered for them alone, never kept. */
export const DRAFT_MODE_COOKIE = '__prerender_bypass'

/**
 * The longest a kept page is served before it is rendered again and compared, in case a publish
 * never reached the site (a lost webhook): the same period as the data cache's refresh.
 */
export const SITE_MAX_AGE_SECONDS = 60

/**
 * How long a shared cache (CDN, the shipped nginx) may serve a page before asking the site again,
 * and how long after that it may still answer with it while it asks. A shared cache cannot be told
 * of a publish, so the two together bound how late it shows one: 3 seconds.
 */
export const SHARED_MAX_AGE_SECONDS = 1
export const SHARED_STALE_SECONDS = 2

/** Statuses that say the same thing to every reader until the content changes. */
const KEPT_STATUSES = new Set([200, 301, 308, 400, 404, 410])

/** Request headers that select a different response from Next for the same address. */
export const VARYING_REQUEST_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
] as const

export interface RequestFacts {
  method: string
  /** The `Cookie` header, if any. */
  cookie: string | undefined
  /** The draft-mode cookie value that Next would accept (this build's preview id). */
  draftModeId: string | undefined
}

/** Whether the site may answer this request from what it keeps, or keep the answer. */
export function mayUseKept({method, cookie, draftModeId}: RequestFacts): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  // Only a valid draft-mode cookie makes a page private: a forged one would otherwise force a
  // render per request.
  return !(draftModeId && cookie && cookieValue(cookie, DRAFT_MODE_COOKIE) === draftModeId)
}

/** The `Cookie` header without a draft-mode cookie that Next would not accept anyway. */
export function withoutDraftModeCookie(cookie: string | undefined): string | undefined {
  if (cookie === undefined) return undefined
  const rest = cookie
    .split(';')
    .filter((pair) => pair.split('=')[0]?.trim() !== DRAFT_MODE_COOKIE)
    .join(';')
    .trim()
  return rest === '' ? undefined : rest
}

function cookieValue(header: string, name: string): string | undefined {
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=')
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      return pair.slice(separator + 1).trim()
    }
  }
  return undefined
}

export interface ResponseFacts {
  status: number
  headers: Record<string, string | string[] | undefined>
}

/** Whether a response may be kept and shared: declared so, the same for everyone, and final. */
export function isShareable({status, headers}: ResponseFacts): boolean {
  if (!KEPT_STATUSES.has(status) || headers['set-cookie'] !== undefined) return false
  // The proxy marks pages; Next may still answer a marked request with something else (a plain
  // "Not Found" to an image request), which is not kept.
  if (headers[SHAREABLE_HEADER] === '1') {
    return /^text\/(html|x-component)\b/.test(String(headers['content-type'] ?? ''))
  }
  const cacheControl = String(headers['cache-control'] ?? '').toLowerCase()
  return (
    /(^|,)\s*public\s*(,|$)/.test(cacheControl) &&
    !/(^|,)\s*(private|no-store)\b/.test(cacheControl)
  )
}

/** Build files whose address changes with their content: kept as they are, for a year. */
export function isImmutable(headers: ResponseFacts['headers']): boolean {
  return /\bimmutable\b/.test(String(headers['cache-control'] ?? ''))
}

/**
 * `Cache-Control` for a kept response, served at `now`: browsers check it each time (a 304 when
 * nothing changed); shared caches keep it for seconds, never past the next effective date.
 */
export function sharedCacheControl(nextChange: Date | undefined, now: number): string {
  const untilChange =
    nextChange && nextChange.getTime() > now
      ? Math.floor((nextChange.getTime() - now) / 1000)
      : Number.POSITIVE_INFINITY
  const maxAge = Math.min(SHARED_MAX_AGE_SECONDS, untilChange)
  const stale = Math.min(SHARED_STALE_SECONDS, untilChange - maxAge)
  return `public, max-age=0, s-maxage=${maxAge}${stale > 0 ? `, stale-while-revalidate=${stale}` : ''}`
}

export type Encoding = 'br' | 'gzip' | 'identity'

/** The best encoding the client accepts among those available, by the server's preference. */
export function negotiateEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding {
  if (!acceptEncoding) return 'identity'
  const accepted = new Set<string>()
  for (const item of acceptEncoding.toLowerCase().split(',')) {
    const [name = '', ...parameters] = item.split(';').map((part) => part.trim())
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name)
  }
  for (const encoding of ['br', 'gzip'] as const) {
    if (available.includes(encoding) && (accepted.has(encoding) || accepted.has('*'))) {
      return encoding
    }
  }
  return 'identity'
}

/** Whether an `If-None-Match` header names one of the response's entity tags. */
export function matchesEntityTag(
  ifNoneMatch: string | undefined,
  tags: readonly string[],
): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tags.includes(tag))
}
