import {expect, test} from '@playwright/test'

const FR = '/fr/politique-de-confidentialite'
const EN = '/en/privacy-policy'

test.describe('reading the policy', () => {
  test('a French visitor reads the policy in force, version 2, with its table of contents', async ({
    page,
  }) => {
    const response = await page.goto(FR)
    expect(response?.status()).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Politique de confidentialité')
    await expect(page.getByText('Version 2', {exact: true})).toBeVisible()

    const contents = page.getByRole('navigation', {name: 'Table des matières'})
    await expect(contents.getByRole('link')).toHaveText([
      'Témoins',
      'Données transmises automatiquement',
      /transmission de renseignements personnels/i,
      /liens vers d’autres sites/i,
      /commentaires ou questions/i,
      /pour en savoir plus/i,
    ])
    await contents.getByRole('link', {name: 'Témoins'}).click()
    await expect(page).toHaveURL(`${FR}#cookies`)
    await expect(page.getByRole('heading', {level: 2, name: 'Témoins'})).toBeInViewport()
  })

  test('an English visitor reads the same sections in English', async ({page}) => {
    await page.goto(EN)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Privacy policy')
    const titles = page.locator('[data-policy-section] h2')
    await expect(titles).toHaveText([
      'Cookies',
      'Automatically transmitted data',
      'Transmission of personal information',
      'Links to other sites',
      'Comments or questions about the privacy policy',
      'To learn more about privacy',
    ])
    await expect(page.getByRole('main')).toContainText('groupe (e)space')
    await expect(page.getByRole('main')).not.toContainText('Group (e)space')
    // The seed's versions are exactly what legal approved.
    await expect(page.getByRole('main')).not.toContainText('Integrity warning')
  })

  test('every page names its language versions and its canonical address', async ({page}) => {
    await page.goto(EN)
    await expect(page.locator('link[rel="alternate"][hreflang="fr"]')).toHaveAttribute(
      'href',
      /\/fr\/politique-de-confidentialite$/,
    )
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      'href',
      /\/en\/privacy-policy$/,
    )
    await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
      'href',
      /\/fr\/politique-de-confidentialite$/,
    )
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /\/en\/privacy-policy$/,
    )
  })

  test('the page has landmarks, a skip link and ordered headings', async ({page}) => {
    await page.goto(EN)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', {name: 'Skip to main content'})
    await expect(skip).toBeFocused()
    await expect(page.getByRole('banner')).toBeVisible()
    await expect(page.getByRole('main')).toBeVisible()
    await expect(page.getByRole('contentinfo')).toBeVisible()
    const levels = await page
      .locator('main :is(h1,h2,h3,h4)')
      .evaluateAll((headings) => headings.map((h) => Number(h.tagName.slice(1))))
    expect(levels[0]).toBe(1)
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1)
  })
})

test.describe('choosing a language', () => {
  for (const [acceptLanguage, expected] of [
    ['fr-CA,fr;q=0.9', FR],
    ['en-US,en;q=0.9', EN],
    ['de-DE,de;q=0.9', FR],
    ['', FR],
  ] as const) {
    test(`a visitor whose browser asks for "${acceptLanguage || 'nothing'}" lands on ${expected}`, async ({
      request,
    }) => {
      const response = await request.get('/', {headers: {'accept-language': acceptLanguage}})
      expect(response.status()).toBe(200)
      expect(new URL(response.url()).pathname).toBe(expected)
    })
  }

  test('the language chosen is remembered for the browser session only', async ({
    page,
    context,
  }) => {
    // Reading a page sets no cookie: every reader gets the same page.
    await page.goto(FR)
    expect(await context.cookies()).toEqual([])
    await page.getByRole('link', {name: 'English'}).click()
    await expect(page).toHaveURL(new RegExp(`${EN}$`))
    const cookies = await context.cookies()
    const locale = cookies.find((cookie) => cookie.name === 'NEXT_LOCALE')
    expect(locale?.value).toBe('en')
    for (const cookie of cookies)
      expect(cookie.expires, `${cookie.name} must be a session cookie`).toBe(-1)
    // The site's address, which names no language, now opens in the language chosen.
    await page.goto('/')
    await expect(page).toHaveURL(new RegExp(`${EN}$`))
  })
})

test.describe('wrong addresses', () => {
  for (const [path, lang, heading] of [
    ['/en/anything', 'en', 'This page cannot be found'],
    ['/en/privacy-policy/versions/99', 'en', 'This page cannot be found'],
    ['/fr/politique-de-confidentialite/versions/99', 'fr', 'Cette page est introuvable'],
  ] as const) {
    test(`${path} is a 404 a reader can read with JavaScript off`, async ({browser}) => {
      const context = await browser.newContext({javaScriptEnabled: false})
      const page = await context.newPage()
      const response = await page.goto(path)
      expect(response?.status()).toBe(404)
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      await expect(page.getByRole('heading', {level: 1})).toHaveText(heading)
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
      await context.close()
    })
  }

  test('every address that names no page is a 404 in its language, numbers with dots and signs included', async ({
    browser,
  }) => {
    const context = await browser.newContext({javaScriptEnabled: false})
    const page = await context.newPage()
    for (const [path, lang, heading] of [
      ['/en/privacy-policy/versions/2.5', 'en', 'This page cannot be found'],
      ['/fr/politique-de-confidentialite/versions/2.5', 'fr', 'Cette page est introuvable'],
      ['/en/privacy-policy/versions/1.0', 'en', 'This page cannot be found'],
      ['/en/privacy-policy/versions/1e3', 'en', 'This page cannot be found'],
      ['/en/privacy-policy/versions/-1', 'en', 'This page cannot be found'],
      ['/fr/politique-de-confidentialite/versions/+2', 'fr', 'Cette page est introuvable'],
      ['/fr/politique-de-confidentialite/versions/%2B2', 'fr', 'Cette page est introuvable'],
      ['/en/privacy-policy/versions/0', 'en', 'This page cannot be found'],
      ['/en/privacy-policy.html', 'en', 'This page cannot be found'],
      ['/fr/politique-de-confidentialite/historique.xml', 'fr', 'Cette page est introuvable'],
    ] as const) {
      const response = await page.goto(path)
      expect(response?.status(), path).toBe(404)
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      await expect(page.getByRole('heading', {level: 1})).toHaveText(heading)
    }
    await context.close()
  })

  test('an unknown French address is a 404 in French', async ({page}) => {
    const response = await page.goto('/fr/cette-page-n-existe-pas')
    expect(response?.status()).toBe(404)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Cette page est introuvable')
    await page.getByRole('link', {name: 'Lire la politique de confidentialité en vigueur'}).click()
    await expect(page).toHaveURL(FR)
  })

  test('an unknown English address is a 404 in English', async ({page}) => {
    const response = await page.goto('/en/privacy-policy/nothing-here')
    expect(response?.status()).toBe(404)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', {level: 1})).toHaveText('This page cannot be found')
  })

  test('a language the site does not have is a 404, never a 500', async ({request}) => {
    const response = await request.get('/de/privacy-policy')
    expect(response.status()).toBe(404)
  })

  test('a section anchor that does not exist shows the page from the top', async ({page}) => {
    const response = await page.goto(`${EN}#no-such-section`)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', {level: 1})).toBeInViewport()
  })
})
