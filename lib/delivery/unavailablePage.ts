import {escapeHtml, htmlPage} from '../html'

/** The 503 page, written without React because the proxy sends it before any rendering. */

export interface UnavailableText {
  lang: string
  title: string
  description: string
  retry: string
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1.5rem;line-height:1.6;color:#1d1d1f}'

/** `nonce` lets the page's one style block pass the response's Content-Security-Policy. */
export function unavailableHtml(text: UnavailableText, retryHref: string, nonce: string): string {
  return htmlPage({
    lang: text.lang,
    title: text.title,
    style: STYLE,
    styleNonce: nonce,
    main: `<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.description)}</p>
<p><a href="${escapeHtml(retryHref)}">${escapeHtml(text.retry)}</a></p>`,
  })
}
