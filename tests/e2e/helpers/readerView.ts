import type {APIResponse} from '@playwright/test'
import {JSDOM} from 'jsdom'

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
 * it: the status, the headers that matter, and the document a browser builds, without its
 * scripts (React may send its chunks and the head's elements in a different order from one
 * server to another) and with the site's own address replaced. The head's elements are compared
 * as a set; the policy's script hashes as a set, since they follow the scripts' order.
 */
export async function whatAReaderGets(response: APIResponse, siteUrl: string) {
  const headers = response.headers()
  const kept = Object.fromEntries(HEADERS_THAT_MATTER.map((name) => [name, headers[name] ?? null]))
  const csp = headers['content-security-policy']
  const policy = csp
    ?.split(';')
    .map((directive) => directive.trim().split(/\s+/).sort().join(' '))
    .sort()
  const text = (await response.text()).replaceAll(siteUrl, '<site>')
  if (!kept['content-type']?.startsWith('text/html')) {
    const body = kept['content-type']?.includes('json') ? JSON.parse(text) : text
    return {status: response.status(), headers: kept, policy, body}
  }
  const {document} = new JSDOM(text).window
  for (const script of document.querySelectorAll('script')) script.remove()
  return {
    status: response.status(),
    headers: kept,
    policy,
    language: document.documentElement.lang,
    head: [...document.head.children].map((element) => element.outerHTML).sort(),
    body: document.body.outerHTML,
  }
}
