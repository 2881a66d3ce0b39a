import {expect, test, type APIRequestContext} from '@playwright/test'
import {startNginx, type RunningNginx} from '../../deploy/nginx/foreground'
import {standaloneConfig} from '../../deploy/nginx/render'
import {expectHashedPolicy} from './helpers/csp'
import {freePort, startIsolatedSite, type IsolatedSite} from './helpers/isolatedSite'
import {publishVersion} from './helpers/publish'

/**
 * The shipped shared cache (deploy/nginx, standing for a CDN) in front of a site of its own:
 * readers get pages kept by the cache, under the site's strict policy, and a publish shows
 * through it within seconds without anyone purging it.
 */
test.describe.configure({mode: 'serial'})

const EN = '/en/privacy-policy'
const FR = '/fr/politique-de-confidentialite'

let site: IsolatedSite
let nginx: RunningNginx
let cacheUrl: string

test.beforeAll(async () => {
  site = await startIsolatedSite()
  const port = await freePort()
  cacheUrl = `http://127.0.0.1:${port}`
  const origin = new URL(site.url)
  nginx = await startNginx(
    (prefix) =>
      standaloneConfig(prefix, {listen: `127.0.0.1:${port}`, origin: `127.0.0.1:${origin.port}`}),
    `${cacheUrl}/api/health`,
  )
})

test.afterAll(async () => {
  await nginx?.stop()
  await site?.stop()
})

async function fetchTwice(
  request: APIRequestContext,
  path: string,
  headers: Record<string, string> = {},
) {
  await request.get(`${cacheUrl}${path}`, {headers})
  return request.get(`${cacheUrl}${path}`, {headers})
}

test('readers get the policy from the cache, the same for everyone, under the site’s policy', async ({
  request,
}) => {
  for (const path of [EN, FR, '/en/privacy-policy/history', '/en/feed.xml', '/api/versions']) {
    const kept = await fetchTwice(request, path, {'accept-encoding': 'gzip'})
    expect(kept.status(), path).toBe(200)
    expect(kept.headers()['x-cache-status'], path).toBe('HIT')
    expect(kept.headers()['set-cookie'], path).toBeUndefined()
    expect(kept.headers()['content-encoding'], path).toBe('gzip')
  }
  const page = await fetchTwice(request, EN)
  expect(page.headers()['x-cache-status']).toBe('HIT')
  expectHashedPolicy(page.headers()['content-security-policy']!, await page.text())
  expect(page.headers().vary).toMatch(/rsc.*Accept-Encoding/i)

  // A browser that has the page gets a 304 from the cache.
  const again = await request.get(`${cacheUrl}${EN}`, {
    headers: {'if-none-match': page.headers().etag!},
  })
  expect(again.status()).toBe(304)

  // The client-navigation payload is kept apart from the page.
  const payload = await fetchTwice(request, `${EN}?_rsc=x`, {rsc: '1'})
  expect(payload.headers()['content-type']).toContain('text/x-component')
  expect((await payload.text()).startsWith('<!DOCTYPE')).toBe(false)
})

test('a page from the cache runs its own scripts and no other', async ({page}) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.goto(`${cacheUrl}${FR}#automatically-transmitted-data`)
  await page.waitForLoadState('networkidle')
  expect(violations).toEqual([])

  // A script that found its way into the page is refused.
  await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'document.body.dataset.injected = "yes"'
    document.body.append(script)
  })
  await expect(page.locator('body')).not.toHaveAttribute('data-injected', 'yes')
  await expect.poll(() => violations.length).toBeGreaterThan(0)

  // The language switcher's script ran: the reader lands on the same section in English.
  await page.getByRole('link', {name: 'English'}).click()
  await expect(page).toHaveURL(`${cacheUrl}${EN}#automatically-transmitted-data`)
  await expect(
    page.getByRole('heading', {level: 2, name: 'Automatically transmitted data'}),
  ).toBeInViewport()
})

test('a publish shows through the cache within 5 seconds, and no stale page after', async ({
  request,
}) => {
  // Everything a reader might have kept: both languages, compressed or not, the list, the feed.
  const views: {path: string; headers: Record<string, string>; expected: string}[] = [
    {
      path: EN,
      headers: {'accept-encoding': 'identity'},
      expected: 'Privacy policy (published today)',
    },
    {path: EN, headers: {'accept-encoding': 'gzip'}, expected: 'Privacy policy (published today)'},
    {path: FR, headers: {'accept-encoding': 'br'}, expected: 'Politique (publiée aujourd’hui)'},
    {path: '/en/privacy-policy/history', headers: {}, expected: 'Version 3'},
    {path: '/fr/feed.xml', headers: {}, expected: 'Version 3'},
    {path: '/api/versions', headers: {}, expected: '"number":3'},
  ]
  for (const view of views) await fetchTwice(request, view.path, view.headers)

  await publishVersion(site, {
    title: {fr: 'Politique (publiée aujourd’hui)', en: 'Privacy policy (published today)'},
    summary: {fr: 'Nouveau titre.', en: 'New title.'},
  })
  const published = Date.now()

  for (const view of views) {
    await expect(async () => {
      const response = await request.get(`${cacheUrl}${view.path}`, {headers: view.headers})
      expect(await response.text()).toContain(view.expected)
    }, view.path).toPass({timeout: 5_000, intervals: [200]})
  }
  expect(Date.now() - published).toBeLessThan(5_000)

  // From then on, every answer is the new one: nothing stale comes back.
  for (let round = 0; round < 10; round++) {
    for (const view of views) {
      const response = await request.get(`${cacheUrl}${view.path}`, {headers: view.headers})
      expect(await response.text(), view.path).toContain(view.expected)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
})

test('with the content source down, readers still get the policy through the cache', async ({
  request,
}) => {
  await fetchTwice(request, EN)
  await site.cutLake()
  await new Promise((resolve) => setTimeout(resolve, 3_000))
  for (const path of [EN, FR]) {
    const response = await request.get(`${cacheUrl}${path}`)
    expect(response.status(), path).toBe(200)
    expect(await response.text()).toContain('Version 3')
  }
})
