import {expect, test, type Request} from '@playwright/test'

// The policy's outside sites, answered here by the test: nothing leaves this machine.
const OUTSIDE = /^https:\/\/www\.(legisquebec\.gouv\.qc\.ca|cai\.gouv\.qc\.ca)\//

test('an English visitor following an outbound link sees it open in a new window, with no opener and no referrer', async ({
  page,
  context,
}) => {
  const outsideRequests: Request[] = []
  await context.route(OUTSIDE, async (route) => {
    outsideRequests.push(route.request())
    await route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Elsewhere</title><p>Another site</p>',
    })
  })

  await page.goto('/en/privacy-policy#learn-more-about-privacy')
  const link = page
    .locator('#learn-more-about-privacy')
    .getByRole('link', {
      name: /\(opens in a new window; that site is not covered by this privacy policy\)$/,
    })
    .first()
  await expect(link).toHaveAttribute('target', '_blank')
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer external')
  await link.scrollIntoViewIfNeeded()
  const scrollBefore = await page.evaluate(() => window.scrollY)

  const [popup] = await Promise.all([context.waitForEvent('page'), link.click()])
  await popup.waitForLoadState()
  await expect(popup).toHaveTitle('Elsewhere')
  expect(await popup.evaluate(() => window.opener)).toBeNull()
  expect(outsideRequests).toHaveLength(1)
  expect(outsideRequests[0]!.headers()['referer']).toBeUndefined()

  // The policy stays where the reader was.
  expect(page.url()).toMatch(/\/en\/privacy-policy#learn-more-about-privacy$/)
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore)
})

for (const path of [
  '/fr/politique-de-confidentialite',
  '/en/privacy-policy',
  '/fr/politique-de-confidentialite/versions/2',
  '/en/privacy-policy/versions/1',
]) {
  test(`every link to another site on ${path} is flagged in the reader's language`, async ({
    page,
    baseURL,
  }) => {
    await page.goto(path)
    const notice = path.startsWith('/fr')
      ? '(s’ouvre dans une nouvelle fenêtre; ce site n’est pas couvert par la présente politique de confidentialité)'
      : '(opens in a new window; that site is not covered by this privacy policy)'
    const links = await page.locator('main article a[href]').evaluateAll((anchors) =>
      anchors.map((a) => ({
        href: (a as HTMLAnchorElement).href,
        target: a.getAttribute('target'),
        rel: a.getAttribute('rel'),
        text: a.textContent ?? '',
      })),
    )
    const outside = links.filter(
      (link) =>
        /^https?:/.test(link.href) && new URL(link.href).origin !== new URL(baseURL!).origin,
    )
    for (const link of outside) {
      expect(link.target, link.href).toBe('_blank')
      expect(link.rel, link.href).toBe('noopener noreferrer external')
      expect(link.text, link.href).toContain(notice)
    }
    for (const link of links)
      expect(link.href.toLowerCase()).not.toMatch(/^(javascript|data|vbscript):/)
    if (path.endsWith('/versions/1')) expect(outside).toEqual([])
    else expect(outside.length).toBeGreaterThanOrEqual(2)
  })
}
