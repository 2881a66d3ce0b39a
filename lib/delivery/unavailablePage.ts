/** The 503 page, written without React because the proxy sends it before any rendering. */

export interface UnavailableText {
  lang: string
  title: string
  description: string
  retry: string
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** `nonce` lets the page's one style block pass the response's Content-Security-Policy. */
export function unavailableHtml(text: UnavailableText, retryHref: string, nonce: string): string {
  const t = {
    lang: escapeHtml(text.lang),
    title: escapeHtml(text.title),
    description: escapeHtml(text.description),
    retry: escapeHtml(text.retry),
  }
  return `<!DOCTYPE html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t.title}</title>
<style nonce="${escapeHtml(nonce)}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1.5rem;line-height:1.6;color:#1d1d1f}</style>
</head>
<body>
<main>
<h1>${t.title}</h1>
<p>${t.description}</p>
<p><a href="${escapeHtml(retryHref)}">${t.retry}</a></p>
</main>
</body>
</html>`
}
