import {routing, type Locale} from '../../i18n/routing'

/**
 * The site's addresses as the preview needs them, shared by the Studio's Presentation tool (in
 * the browser) and the site's pages (on the server).
 */

export const ENABLE_PREVIEW_PATH = '/api/draft-mode/enable'
export const DISABLE_PREVIEW_PATH = '/api/draft-mode/disable'
/** The search parameter of the disable route naming the page to return to. */
export const RETURN_TO_PARAM = 'redirect'

/** The policy's page in a language, e.g. `/fr/politique-de-confidentialite`. */
export function policyPath(locale: Locale): string {
  return `/${locale}${routing.pathnames['/privacy-policy'][locale]}`
}

/** A published version's page, e.g. `/en/privacy-policy/versions/2` (or a route pattern). */
export function versionPath(locale: Locale, number: number | ':number'): string {
  const template = routing.pathnames['/privacy-policy/versions/[number]'][locale]
  return `/${locale}${template.replace('[number]', String(number))}`
}

/**
 * Where a candidate or approved version is previewed. Only in draft mode; not a localized address
 * since readers never see it.
 */
export function versionPreviewPath(locale: Locale, id: string): string {
  return `/${locale}/privacy-policy/preview/${encodeURIComponent(id)}`
}

/** The link that turns preview off and comes back to `returnTo` (a path on this site). */
export function leavePreviewHref(returnTo: string): string {
  return `${DISABLE_PREVIEW_PATH}?${new URLSearchParams({[RETURN_TO_PARAM]: returnTo})}`
}

/**
 * The path to go back to after leaving preview: only a path on this site (never another site, so
 * the link cannot be used to send someone elsewhere); the home page otherwise.
 */
export function safeReturnPath(raw: string | null): string {
  if (!raw) return '/'
  const base = 'http://site.invalid'
  try {
    const url = new URL(raw, base)
    if (url.origin !== base || !raw.startsWith('/')) return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}
