import {expect, test, type Locator} from '@playwright/test'

const FR = '/fr/politique-de-confidentialite/historique'
const EN = '/en/privacy-policy/history'

const entry = (list: Locator, name: string) =>
  list.getByRole('listitem').filter({has: list.page().getByRole('heading', {level: 2, name})})

test.describe('the version history', () => {
  test('an English reader sees both published versions, newest first, with when each was in force', async ({
    page,
  }) => {
    const response = await page.goto(EN)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Version history')
    const history = page.getByRole('main').getByRole('list').first()
    await expect(history.getByRole('heading', {level: 2})).toHaveText([/^Version 2/, /^Version 1/])

    const second = entry(history, 'Version 2')
    await expect(second).toContainText('In force since October 1, 2026')
    await expect(second).toContainText('Published on September 15, 2026')
    await expect(second).toContainText(
      'Added the section “Comments or questions about the privacy policy”',
    )
    await expect(second.getByRole('link', {name: 'Read version 2'})).toHaveAttribute(
      'href',
      '/en/privacy-policy/versions/2',
    )
    await expect(second.getByRole('link', {name: 'Compare with version 1'})).toHaveAttribute(
      'href',
      '/en/privacy-policy/compare?from=1&to=2',
    )
    // Its fingerprint in short form, verified, and the record to check it with.
    await expect(second).toContainText(/Fingerprint: [0-9a-f]{12} Verified/)
    await expect(
      second.getByRole('link', {name: 'Version 2 as JSON, to verify it'}),
    ).toHaveAttribute('href', '/api/versions/2')

    const first = entry(history, 'Version 1')
    await expect(first).toContainText('In force from March 1, 2016 to September 30, 2026')
    await expect(first).toContainText('Published on February 15, 2016')
    await expect(first).toContainText('First published version.')
    await expect(first.getByRole('link', {name: 'Read version 1'})).toBeVisible()
    // Nothing came before the first version.
    await expect(first.getByRole('link', {name: /^Compare/})).toHaveCount(0)
  })

  test('a French reader sees the same history in French', async ({page}) => {
    await page.goto(FR)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', {level: 1})).toHaveText('Historique des versions')
    const history = page.getByRole('main').getByRole('list').first()
    const second = entry(history, 'Version 2')
    await expect(second).toContainText('En vigueur depuis le 1er octobre 2026')
    await expect(second).toContainText('Publiée le 15 septembre 2026')
    await expect(second).toContainText('Ajout de la section « Commentaires ou questions')
    const first = entry(history, 'Version 1')
    await expect(first).toContainText('En vigueur du 1er mars 2016 au 30 septembre 2026')
    await expect(first).toContainText('Publiée le 15 février 2016')
    await expect(first).toContainText('Première version publiée.')
    await expect(first.getByRole('link', {name: 'Lire la version 1'})).toHaveAttribute(
      'href',
      '/fr/politique-de-confidentialite/versions/1',
    )
  })

  test('a reader goes from the history to what changed in the latest version', async ({page}) => {
    await page.goto(FR)
    await page.getByRole('link', {name: 'Comparer avec la version 1'}).click()
    await expect(page).toHaveURL('/fr/politique-de-confidentialite/comparer?from=1&to=2')
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Changements de la version 1 à la version 2',
    )
  })

  test('a reader reads an archived version from the history', async ({page}) => {
    await page.goto(EN)
    await page.getByRole('link', {name: 'Read version 1'}).click()
    await expect(page).toHaveURL('/en/privacy-policy/versions/1')
    await expect(page.getByRole('note').filter({hasText: 'Archived version'})).toContainText(
      'Archived version: in force from March 1, 2016 to September 30, 2026.',
    )
  })

  test('an archived version says one thing about its period, in both languages', async ({page}) => {
    for (const [address, period, since] of [
      [
        '/en/privacy-policy/versions/1',
        'In force from March 1, 2016 to September 30, 2026',
        /in force since/i,
      ],
      [
        '/fr/politique-de-confidentialite/versions/1',
        'En vigueur du 1er mars 2016 au 30 septembre 2026',
        /en vigueur depuis/i,
      ],
    ] as const) {
      await page.goto(address)
      const article = page.getByRole('article')
      await expect(article.getByText(period, {exact: true})).toBeVisible()
      await expect(page.locator('.version-banner')).toContainText(
        period.replace(/^./, (c) => c.toLowerCase()),
      )
      await expect(page.getByRole('main')).not.toContainText(since)
    }
  })
})
