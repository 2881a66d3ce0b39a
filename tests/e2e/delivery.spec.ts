import {createHmac} from 'node:crypto'
import {expect, test} from '@playwright/test'
import {startIsolatedSite, type IsolatedSite} from './helpers/isolatedSite'
import {expectHashedPolicy} from './helpers/csp'
import {publishVersion} from './helpers/publish'

const EN = '/en/privacy-policy'
const FR = '/fr/politique-de-confidentialite'

test.describe('security and privacy headers', () => {
  for (const path of [
    FR,
    EN,
    '/en/privacy-policy/history',
    '/fr/politique-de-confidentialite/versions/1',
    '/en/nope',
  ]) {
    test(`${path} carries a strict policy and no tracking`, async ({page, context, baseURL}) => {
      const otherOrigins: string[] = []
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== new URL(baseURL!).origin)
          otherOrigins.push(request.url())
      })
      const violations: string[] = []
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
      })
      const response = await page.goto(path)
      const headers = response!.headers()
      // The same page for every reader, its inline scripts allowed by their hashes.
      expectHashedPolicy(headers['content-security-policy']!, await response!.text())
      expect(headers['referrer-policy']).toMatch(
        /^(same-origin|no-referrer|strict-origin|strict-origin-when-cross-origin)$/,
      )
      expect(headers['x-content-type-options']).toBe('nosniff')
      expect(headers['permissions-policy']).toContain('camera=()')
      expect(headers['set-cookie']).toBeUndefined()
      expect(headers['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+/)
      expect(headers.etag).toBeTruthy()

      // The page ran (the framework's scripts hydrated it) without a single violation.
      await page.waitForLoadState('networkidle')
      expect(violations).toEqual([])
      expect(otherOrigins).toEqual([])
      expect(await context.cookies()).toEqual([])
    })
  }

  test('every reader gets the same bytes, and a browser that has them gets a 304', async ({
    request,
  }) => {
    const answers = await Promise.all(
      [1, 2, 3].map(async () => {
        const response = await request.get(EN, {headers: {'accept-encoding': 'identity'}})
        return {etag: response.headers().etag, body: await response.text()}
      }),
    )
    expect(new Set(answers.map((answer) => answer.etag)).size).toBe(1)
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1)
    const again = await request.get(EN, {
      headers: {'accept-encoding': 'identity', 'if-none-match': answers[0]!.etag!},
    })
    expect(again.status()).toBe(304)
  })

  test('the Studio is still rendered per request, under a fresh nonce', async ({request}) => {
    const answers = await Promise.all([1, 2, 3].map(() => request.get('/studio')))
    const nonces = answers.map(
      (answer) => /'nonce-([^']+)'/.exec(answer.headers()['content-security-policy']!)?.[1],
    )
    expect(nonces.every(Boolean)).toBe(true)
    expect(new Set(nonces).size).toBe(3)
    for (const answer of answers) expect(answer.headers()['cache-control']).toContain('no-store')
  })
})

test.describe('publishing and resilience', () => {
  let site: IsolatedSite

  test.beforeAll(async () => {
    site = await startIsolatedSite()
  })

  test.afterAll(async () => {
    await site?.stop()
  })

  test('a forged revalidation call is refused and changes nothing', async ({request}) => {
    const body = JSON.stringify({_id: 'version-2', _type: 'policyVersion'})
    const forged = createHmac('sha256', 'not-the-secret')
      .update(`${Date.now()}.${body}`)
      .digest('base64url')
    const unsigned = await request.post(`${site.url}/api/revalidate`, {data: body})
    expect(unsigned.status()).toBe(401)
    const wrong = await request.post(`${site.url}/api/revalidate`, {
      data: body,
      headers: {
        'sanity-webhook-signature': `t=${Date.now()},v1=${forged}`,
        'content-type': 'application/json',
      },
    })
    expect(wrong.status()).toBe(401)
  })

  test('a version published in the lake reaches the public pages in both languages within 5 seconds', async ({
    page,
  }) => {
    await page.goto(`${site.url}${EN}`)
    await expect(page.getByText('Version 2', {exact: true})).toBeVisible()

    await publishVersion(site, {
      title: {fr: 'Politique de confidentialité (révisée)', en: 'Privacy policy (revised)'},
      summary: {fr: 'Titre révisé.', en: 'Revised title.'},
    })
    const published = Date.now()

    await expect(async () => {
      await page.goto(`${site.url}${EN}`)
      await expect(page.getByRole('heading', {level: 1})).toHaveText('Privacy policy (revised)', {
        timeout: 200,
      })
    }).toPass({timeout: 5_000, intervals: [250]})
    expect(Date.now() - published).toBeLessThan(5_000)
    await page.goto(`${site.url}${FR}`)
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Politique de confidentialité (révisée)',
    )
    await expect(page.getByText('Version 3', {exact: true})).toBeVisible()
  })

  test('with the content source down, pages read before stay up, and a site that read nothing answers a localized 503', async ({
    request,
  }) => {
    // Rendered (and so cached) while the lake is up:
    expect((await request.get(`${site.url}${FR}`)).status()).toBe(200)
    await site.cutLake()

    const cached = await request.get(`${site.url}${FR}`)
    expect(cached.status()).toBe(200)
    expect(await cached.text()).toContain('Politique de confidentialité')
    // The history is read whole, once: every page made from it is served from what was read.
    const archived = await request.get(`${site.url}/en/privacy-policy/versions/1`)
    expect(archived.status()).toBe(200)
    expect(await archived.text()).toContain('Version 1')

    // A site that has read nothing yet when its content source goes away.
    const cold = await startIsolatedSite()
    try {
      await cold.cutLake()
      const neverRendered = await request.get(`${cold.url}/en/privacy-policy/versions/1`)
      expect(neverRendered.status()).toBe(503)
      expect(Number(neverRendered.headers()['retry-after'])).toBeGreaterThan(0)
      const text = await neverRendered.text()
      expect(text).toContain('Policy temporarily unavailable')
      expect(text).not.toMatch(/at .*\.js:\d+|Error:/)

      const french = await request.get(`${cold.url}/fr/politique-de-confidentialite/versions/1`)
      expect(french.status()).toBe(503)
      expect(await french.text()).toContain('Politique momentanément indisponible')
    } finally {
      await cold.stop()
    }
  })
})

test.describe('bad input', () => {
  test('random paths and query strings never produce a server error', async ({request}) => {
    // A deterministic sample: the same inputs on every run.
    let seed = 20261126
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const pieces = [
      'fr',
      'en',
      'de',
      'privacy-policy',
      'politique-de-confidentialite',
      'versions',
      'historique',
      'history',
      'compare',
      'comparer',
      '0',
      '-1',
      '99999999999',
      'NaN',
      '%00',
      '%E2%80%AE',
      '..',
      '%2e%2e',
      'studio',
      'api',
      'revalidate',
      '<script>',
      "'",
      '"',
      'ä',
      '🙂',
      '_next',
      'feed.xml',
      '%',
      '%zz',
    ]
    const queries = [
      '',
      '?from=1&to=2',
      '?from=2&to=1',
      '?from=abc',
      '?to=',
      '?from=1&from=2',
      '?lang=xx',
      '?%',
      '?from=1e3&to=0x2',
      '?__proto__[x]=1',
      '?from=1&to=1',
    ]
    const statuses = new Map<string, number>()
    for (let i = 0; i < 150; i++) {
      const depth = 1 + Math.floor(random() * 4)
      const path = Array.from(
        {length: depth},
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('/')
      const query = queries[Math.floor(random() * queries.length)]
      const response = await request.get(`/${path}${query}`, {
        maxRedirects: 5,
        failOnStatusCode: false,
      })
      statuses.set(`/${path}${query}`, response.status())
    }
    const errors = [...statuses].filter(([, status]) => status >= 500)
    expect(errors).toEqual([])
  })
})
