import {escapeUTF8} from 'entities/escape'

/**
 * The few pages written without React (the site's 503 page, sent by the proxy before anything
 * renders; the embedded lake's root page), and the one way their text is escaped.
 */

/** Text made safe for HTML content and quoted attributes (`&`, `<`, `>`, `"`, `'`). */
export function escapeHtml(text: string): string {
  return escapeUTF8(text)
}

export interface HtmlPage {
  lang: string
  title: string
  /** The page's one style block, and the nonce that lets it pass the response's policy. */
  style: string
  styleNonce?: string
  /** What `<main>` holds: HTML, its text already escaped. */
  main: string
}

/** A whole page, kept from search engines: a status or a notice, never content to index. */
export function htmlPage({lang, title, style, styleNonce, main}: HtmlPage): string {
  const nonce = styleNonce === undefined ? '' : ` nonce="${escapeHtml(styleNonce)}"`
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style${nonce}>${style}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`
}
