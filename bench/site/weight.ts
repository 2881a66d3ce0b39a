/**
 * What a first visit to a page downloads, by kind: each page is loaded in a fresh browser context
 * (empty cache) until the network is idle, every response body is kept, and each kind is summed
 * as served (decoded) and gzipped at zlib's default level, the level the product's server uses.
 */
import {chromium, type Browser, type Response} from '@playwright/test'
import {gzipSync} from 'node:zlib'
import type {MeasuredPage} from './pages'
import {CHROMIUM_ARGS} from '../../playwright.config'

export type ResourceKind = 'html' | 'css' | 'js' | 'other'

export interface Weight {
  raw: number
  gzip: number
  requests: number
}

export interface PageWeight {
  page: MeasuredPage
  status: number
  byKind: Record<ResourceKind, Weight>
}

function kindOf(response: Response): ResourceKind {
  switch (response.request().resourceType()) {
    case 'document':
      return 'html'
    case 'stylesheet':
      return 'css'
    case 'script':
      return 'js'
    default:
      // Fonts, images, and the router's prefetches of linked pages (fetch).
      return 'other'
  }
}

async function weighPage(
  browser: Browser,
  origin: string,
  page: MeasuredPage,
): Promise<PageWeight> {
  const context = await browser.newContext()
  try {
    const tab = await context.newPage()
    const bodies: Promise<{kind: ResourceKind; body: Buffer} | undefined>[] = []
    tab.on('response', (response) => {
      // Redirects have no body of their own.
      if (response.status() >= 300 && response.status() < 400) return
      bodies.push(
        response.body().then(
          (body) => ({kind: kindOf(response), body}),
          () => undefined,
        ),
      )
    })
    const response = await tab.goto(new URL(page.path, origin).href, {waitUntil: 'networkidle'})
    const status = response?.status() ?? 0
    const byKind: Record<ResourceKind, Weight> = {
      html: {raw: 0, gzip: 0, requests: 0},
      css: {raw: 0, gzip: 0, requests: 0},
      js: {raw: 0, gzip: 0, requests: 0},
      other: {raw: 0, gzip: 0, requests: 0},
    }
    for (const entry of await Promise.all(bodies)) {
      if (!entry) continue
      const weight = byKind[entry.kind]
      weight.raw += entry.body.length
      weight.gzip += gzipSync(entry.body).length
      weight.requests += 1
    }
    return {page, status, byKind}
  } finally {
    await context.close()
  }
}

export async function weighPages(
  chromiumPath: string,
  origin: string,
  pages: MeasuredPage[],
): Promise<PageWeight[]> {
  const browser = await chromium.launch({executablePath: chromiumPath, args: CHROMIUM_ARGS})
  try {
    const results: PageWeight[] = []
    for (const page of pages) results.push(await weighPage(browser, origin, page))
    return results
  } finally {
    await browser.close()
  }
}
