import type {APIResponse, Browser} from '@playwright/test'

/** The response headers that change what a reader, a browser or a shared cache does with a page. */
const HEADERS_THAT_MATTER = [
  'content-type',
  'content-language',
  'cache-control',
  'vary',
  'referrer-policy',
  'x-content-type-options',
  'permissions-policy',
]

/**
 * What a reader gets from a response, independent of the order in which the framework streamed
 * it: the status, the headers that matter, and the document Chromium builds from the HTML (no
 * script run), without its scripts — React may send its chunks, and so the head's elements, in a
 * different order from one server to another — and with the site's own address replaced. The
 * head's elements are compared as a set, and so are the sources of each directive of the
 * Content-Security-Policy, whose script hashes follow the scripts' order.
 */
export async function whatAReaderGets(browser: Browser, response: APIResponse, siteUrl: string) {
  const headers = response.headers()
  const kept = Object.fromEntries(HEADERS_THAT_MATTER.map((name) => [name, headers[name] ?? null]))
  const policy = headers['content-security-policy']
    ?.split(';')
    .map((directive) => directive.trim().split(/\s+/).sort().join(' '))
    .sort()
  const text = (await response.text()).replaceAll(siteUrl, '<site>')
  if (!kept['content-type']?.startsWith('text/html')) {
    const body: unknown = kept['content-type']?.includes('json') ? JSON.parse(text) : text
    return {status: response.status(), headers: kept, policy, body}
  }
  const context = await browser.newContext({javaScriptEnabled: false, offline: true})
  try {
    const page = await context.newPage()
    await page.setContent(text, {waitUntil: 'domcontentloaded'})
    const document = await page.evaluate(() => {
      for (const script of window.document.querySelectorAll('script')) script.remove()
      return {
        language: window.document.documentElement.lang,
        head: [...window.document.head.children].map((element) => element.outerHTML).sort(),
        body: window.document.body.outerHTML,
      }
    })
    return {status: response.status(), headers: kept, policy, ...document}
  } finally {
    await context.close()
  }
}
