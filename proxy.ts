import {hasLocale} from 'next-intl'
import createMiddleware from 'next-intl/middleware'
import {NextRequest, NextResponse} from 'next/server'
import {routing, type Locale} from './i18n/routing'
import {
  contentApiOrigins,
  publicContentSecurityPolicy,
  staticSecurityHeaders,
  studioContentSecurityPolicy,
} from './lib/delivery/securityHeaders'
import {DRAFT_MODE_COOKIE, SHAREABLE_HEADER} from './lib/delivery/cachePolicy'
import {
  isUnavailable,
  REQUEST_PATH_HEADER,
  RETRY_AFTER_SECONDS,
} from './lib/delivery/unavailablePages'
import {unavailableHtml} from './lib/delivery/unavailablePage'
import {siteUrl, studioTarget} from './lib/env'
import {feedPath} from './lib/feed/addresses'
import en from './messages/en.json'
import fr from './messages/fr.json'

const handleLocaleRouting = createMiddleware(routing)
const unavailableText = {fr: fr.Unavailable, en: en.Unavailable}

const secure = siteUrl(process.env).protocol === 'https:'
// Served over HTTPS, the Studio reaches the embedded lake through this origin's /lake ('self').
const apiOrigins =
  secure && studioTarget().apiHost
    ? []
    : contentApiOrigins(studioTarget().apiHost, studioTarget().projectId)
const development = process.env.NODE_ENV === 'development'

/** The files served under a language (the feeds): everything else there is a page. */
const LANGUAGE_FILES = new Set(routing.locales.map(feedPath))

/**
 * A page, or an address that would be one: anything under a language but its files, so that an
 * address naming no page there, with a dot or not (`/en/privacy-policy/versions/2.5`), is answered
 * as a page is, a 404 in that language; and, outside the languages, an address without a dot, to
 * be sent to a language. The rest are files (`/sitemap.xml`, `/icon.svg`), the API and the Studio.
 */
function isPage(pathname: string): boolean {
  if (/^\/(api|studio)(\/|$)/.test(pathname)) return false
  if (hasLanguage(pathname)) return !LANGUAGE_FILES.has(pathname)
  return !/\.[^/]*$/.test(pathname)
}

/** Whether the address decodes: a stray `%` must not reach locale routing, which would throw. */
function isDecodable(pathname: string): boolean {
  try {
    decodeURI(pathname)
    return true
  } catch {
    return false
  }
}

function localeOf(pathname: string): Locale {
  const first = pathname.split('/')[1]
  return hasLocale(routing.locales, first) ? first : routing.defaultLocale
}

/** An address under one of the site's languages. */
function hasLanguage(pathname: string): boolean {
  return hasLocale(routing.locales, pathname.split('/')[1])
}

/** A page under a language: the same for every reader, unless an editor is previewing. */
function isPublicPage(request: NextRequest): boolean {
  const {pathname} = request.nextUrl
  return isPage(pathname) && hasLanguage(pathname) && !request.cookies.has(DRAFT_MODE_COOKIE)
}

/**
 * Every response: a fresh nonce and the Content-Security-Policy built on it, the other security
 * headers, and, for pages, next-intl's locale negotiation and localized paths.
 *
 * A public page is marked as the same for every reader: the site's server (scripts/serve.ts)
 * keeps it, with its inline scripts allowed by their hashes instead of this nonce. It sets no
 * cookie: the language cookie is set where a language is negotiated (an address without one) or
 * chosen (the language switcher).
 */
export default function proxy(request: NextRequest) {
  const {pathname, search} = request.nextUrl
  const nonce = btoa(crypto.randomUUID())
  const studio = /^\/studio(\/|$)/.test(pathname)
  const csp = studio
    ? studioContentSecurityPolicy({nonce, contentApiOrigins: apiOrigins, secure, development})
    : publicContentSecurityPolicy({nonce, contentApiOrigins: apiOrigins, secure, development})

  let response: NextResponse
  if (isPage(pathname) && isUnavailable(pathname + search)) {
    const locale = localeOf(pathname)
    response = new NextResponse(
      unavailableHtml({lang: locale, ...unavailableText[locale]}, pathname + search, nonce),
      {
        status: 503,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Retry-After': String(RETRY_AFTER_SECONDS),
          'Cache-Control': 'no-store',
        },
      },
    )
  } else {
    // Next reads the nonce from the request's policy and puts it on the scripts it writes.
    const headers = new Headers(request.headers)
    headers.set('Content-Security-Policy', csp)
    headers.set(REQUEST_PATH_HEADER, pathname + search)
    if (!isDecodable(pathname)) {
      // Next cannot route an address with a broken escape, so the reader is sent to the same
      // address with its `%` signs escaped: one that does not exist, answered with a 404 (for a
      // page, in the language it names).
      const escaped = new URL(request.url)
      escaped.pathname = pathname.replaceAll('%', '%25')
      response = NextResponse.redirect(escaped, 307)
    } else if (!isPage(pathname)) {
      response = NextResponse.next({request: {headers}})
    } else {
      response = handleLocaleRouting(new NextRequest(request, {headers}))
    }
  }

  if (isPage(pathname) && hasLanguage(pathname)) {
    // Both copies of next-intl's cookie: the response's, and the one Next hands the page (which
    // a page's response may send again).
    response.headers.delete('set-cookie')
    response.headers.delete('x-middleware-set-cookie')
  }
  if (isPublicPage(request) && response.status < 300) response.headers.set(SHAREABLE_HEADER, '1')
  response.headers.set('Content-Security-Policy', csp)
  for (const [name, value] of Object.entries(staticSecurityHeaders(secure)))
    response.headers.set(name, value)
  return response
}

export const config = {
  // Everything but Next's hashed build files, which next.config.ts gives headers of their own.
  matcher: ['/((?!_next/static|_next/image).*)'],
}
