import {expect, test, type Page} from '@playwright/test'
import {spawnSync} from 'node:child_process'
import path from 'node:path'

/**
 * A search engine finds both languages: robots.txt points to the sitemap, which lists every page
 * a reader may want found (the policy in force, the history, each version and each redline
 * between consecutive versions) in French and English, each with the language versions the page
 * itself declares, and is valid against the sitemaps.org schema.
 */

const SCHEMA = path.resolve('tests/fixtures/sitemaps/sitemap-with-alternates.xsd')

interface Listed {
  loc: string
  lastmod: string
  alternates: Record<string, string>
}

/** The sitemap's URLs, read by the browser's XML parser. */
function readSitemap(page: Page, xml: string): Promise<Listed[]> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml')
    const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9'
    return [...doc.getElementsByTagNameNS(SITEMAP, 'url')].map((url) => ({
      loc: url.getElementsByTagNameNS(SITEMAP, 'loc')[0]?.textContent ?? '',
      lastmod: url.getElementsByTagNameNS(SITEMAP, 'lastmod')[0]?.textContent ?? '',
      alternates: Object.fromEntries(
        [...url.getElementsByTagNameNS('http://www.w3.org/1999/xhtml', 'link')].map((link) => [
          link.getAttribute('hreflang'),
          link.getAttribute('href'),
        ]),
      ),
    }))
  }, xml)
}

/** The language versions a page declares in its head, as absolute addresses. */
function declaredAlternates(page: Page, html: string): Promise<Record<string, string>> {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'text/html')
    return Object.fromEntries(
      [...doc.querySelectorAll('head link[rel="alternate"][hreflang]')].map((link) => [
        link.getAttribute('hreflang'),
        link.getAttribute('href'),
      ]),
    )
  }, html)
}

test('the sitemap lists every verified page in both languages, valid, each answering with the language versions it declares', async ({
  page,
  request,
  baseURL,
}) => {
  const response = await request.get('/sitemap.xml')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^application\/xml/)
  const xml = await response.text()

  const validation = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, '-'], {input: xml})
  expect(validation.error, 'xmllint (Debian: libxml2-utils) must be installed').toBeUndefined()
  expect(validation.stderr.toString()).toContain('- validates')
  expect(validation.status).toBe(0)

  await page.goto('/en/privacy-policy')
  const listed = await readSitemap(page, xml)
  const address = (path: string) => new URL(path, baseURL).href
  expect(listed.map((url) => url.loc).sort()).toEqual(
    [
      '/fr/politique-de-confidentialite',
      '/en/privacy-policy',
      '/fr/politique-de-confidentialite/historique',
      '/en/privacy-policy/history',
      '/fr/politique-de-confidentialite/versions/1',
      '/en/privacy-policy/versions/1',
      '/fr/politique-de-confidentialite/versions/2',
      '/en/privacy-policy/versions/2',
      '/fr/politique-de-confidentialite/comparer?from=1&to=2',
      '/en/privacy-policy/compare?from=1&to=2',
    ]
      .map(address)
      .sort(),
  )

  for (const url of listed) {
    await test.step(url.loc, async () => {
      const answer = await request.get(url.loc)
      expect(answer.status()).toBe(200)
      expect(Object.keys(url.alternates).sort()).toEqual(['en', 'fr', 'x-default'])
      expect(url.alternates).toEqual(await declaredAlternates(page, await answer.text()))
      expect(Object.values(url.alternates)).toContain(url.loc)
    })
  }

  // Dated by the signed record: a version's page by its signed publication.
  for (const number of [1, 2]) {
    const record = (await (await request.get(`/api/versions/${number}`)).json()) as {
      publication: {at: string}
    }
    for (const url of listed.filter((one) => one.loc.endsWith(`/versions/${number}`))) {
      expect(new Date(url.lastmod).getTime()).toBe(new Date(record.publication.at).getTime())
    }
  }
})

test('the sitemap and robots.txt are public and cacheable, expiring with the pages', async ({
  request,
}) => {
  const pageAnswer = await request.get('/en/privacy-policy')
  for (const file of ['/sitemap.xml', '/robots.txt']) {
    const answer = await request.get(file)
    expect(answer.status()).toBe(200)
    expect(answer.headers()['set-cookie']).toBeUndefined()
    expect(answer.headers()['etag']).toBeTruthy()
    // The same lifetime as the pages: shared caches keep it seconds, never past the next change.
    expect(answer.headers()['cache-control']).toBe(pageAnswer.headers()['cache-control'])
    const again = await request.get(file, {
      headers: {'if-none-match': answer.headers()['etag'] ?? ''},
    })
    expect(again.status()).toBe(304)
  }
})

test('robots.txt points to the sitemap and keeps crawlers out of the Studio, the preview and the write endpoints', async ({
  request,
  baseURL,
}) => {
  const answer = await request.get('/robots.txt')
  expect(answer.headers()['content-type']).toMatch(/^text\/plain/)
  const lines = (await answer.text()).split('\n')
  expect(lines).toContain(`Sitemap: ${new URL('/sitemap.xml', baseURL).href}`)
  for (const path of [
    '/studio',
    '/fr/privacy-policy/preview/',
    '/en/privacy-policy/preview/',
    '/api/draft-mode/enable',
    '/api/versions/approve',
    '/api/versions/publish',
    '/api/revalidate',
  ]) {
    expect(lines).toContain(`Disallow: ${path}`)
  }
  // What readers read stays open.
  expect(lines.filter((line) => /^Disallow: \/(fr|en)\/?$/.test(line))).toEqual([])
  expect(lines).not.toContain('Disallow: /api/versions')
})
