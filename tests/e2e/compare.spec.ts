import AxeBuilder from '@axe-core/playwright'
import {expect, test, type Locator, type Page} from '@playwright/test'

const EN = '/en/privacy-policy/compare'
const FR = '/fr/politique-de-confidentialite/comparer'

/** A section of the redline, by its key (its anchor, the same in both languages). */
const section = (page: Page, key: string) => page.locator(`section[id="${key}"]`)

/** The text a sighted reader sees in a change, without the words meant for screen readers. */
async function visibleText(change: Locator): Promise<string> {
  return change.evaluate((element) => {
    const copy = element.cloneNode(true) as Element
    copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove())
    return copy.textContent ?? ''
  })
}

async function changes(scope: Locator, tag: 'ins' | 'del'): Promise<string[]> {
  const texts: string[] = []
  for (const change of await scope.locator(tag).all())
    texts.push((await visibleText(change)).trim())
  return texts
}

test.describe('an English reviewer compares version 1 with version 2', () => {
  test('sees the counts, then the fixed typos as word changes', async ({page}) => {
    const response = await page.goto(`${EN}?from=1&to=2`)
    expect(response?.status()).toBe(200)
    await expect(page).toHaveTitle(/Changes from version 1 to version 2/)
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Changes from version 1 to version 2',
    )

    const summary = page.getByRole('region', {name: 'Summary of changes'})
    await expect(summary.getByTestId('compare-counts').getByRole('listitem')).toHaveText([
      '4 sections modified',
      '2 sections added',
      'No section removed',
      'No section moved',
      'No section unchanged',
    ])

    // "Group (e)space" became "groupe (e)space": only the word changed.
    const cookies = section(page, 'cookies')
    await expect(cookies.getByText('Status: Modified', {exact: true})).toBeVisible()
    expect(await changes(cookies, 'del')).toEqual(['control file', 'Group'])
    expect(await changes(cookies, 'ins')).toEqual(['cookie', 'groupe'])
    expect(await visibleText(cookies.locator('p', {hasText: 'persists'}))).toContain(
      'used by Groupgroupe (e)space for purposes',
    )

    // "advise you than :" became "advise you that:".
    const transmission = section(page, 'transmission-of-personal-information')
    expect(await changes(transmission, 'del')).toContain('than')
    expect(await changes(transmission, 'ins')).toContain('that')

    // Screen readers announce where each change starts and ends.
    await expect(cookies.locator('del').last()).toHaveText(
      'start of deletion Group end of deletion',
    )
    await expect(cookies.locator('ins').last()).toHaveText(
      'start of insertion groupe end of insertion',
    )
  })

  test('sees the two new sections marked as added, as a whole', async ({page}) => {
    await page.goto(`${EN}?from=1&to=2`)
    for (const [key, title] of [
      ['comments-or-questions', 'Comments or questions about the privacy policy'],
      ['learn-more-about-privacy', 'To learn more about privacy'],
    ] as const) {
      const added = section(page, key)
      await expect(added.getByRole('heading', {level: 2})).toHaveText(title)
      await expect(added.getByText('Status: Added', {exact: true})).toBeVisible()
      await expect(added.locator('ins')).toHaveCount(1)
      await expect(added.locator('del')).toHaveCount(0)
    }
    await expect(section(page, 'learn-more-about-privacy').locator('ins li')).toHaveCount(2)
  })

  test('sees the links to other sites that version 2 added', async ({page}) => {
    await page.goto(`${EN}?from=1&to=2`)
    const outbound = page.getByRole('region', {name: 'Links to other sites added or removed'})
    const added = outbound.getByRole('list', {name: 'Links added'})
    await expect(added.getByRole('listitem').locator('strong')).toHaveText([
      'www.legisquebec.gouv.qc.ca',
      'www.cai.gouv.qc.ca',
    ])
    await expect(
      added.getByRole('link', {name: /legisquebec\.gouv\.qc\.ca\/en\/document\/cs\/A-2\.1/}),
    ).toHaveAttribute('target', '_blank')
    await expect(outbound.getByRole('list', {name: /removed/})).toHaveCount(0)
  })

  test('names the same comparison in French as its alternate, and itself as canonical', async ({
    page,
  }) => {
    await page.goto(`${EN}?from=1&to=2`)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /\/en\/privacy-policy\/compare\?from=1&to=2$/,
    )
    await expect(page.locator('link[rel="alternate"][hreflang="fr"]')).toHaveAttribute(
      'href',
      /\/fr\/politique-de-confidentialite\/comparer\?from=1&to=2$/,
    )
    await expect(
      page.locator('link[rel="alternate"][type="application/atom+xml"]'),
    ).toHaveAttribute('href', /\/en\/feed\.xml$/)
    await page.getByRole('link', {name: 'Français'}).click()
    await expect(page).toHaveURL(/\/fr\/politique-de-confidentialite\/comparer\?from=1&to=2/)
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Changements de la version 1 à la version 2',
    )
  })

  test('has no accessibility violation that a machine can find', async ({page}) => {
    await page.goto(`${EN}?from=1&to=2`)
    const results = await new AxeBuilder({page})
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
      .analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
  })

  test('prints the changes without the forms and links meant for the screen', async ({page}) => {
    await page.goto(`${EN}?from=1&to=2`)
    await page.emulateMedia({media: 'print'})
    await expect(page.getByRole('form', {name: 'Compare two other versions'})).toBeHidden()
    await expect(page.getByTestId('compare-other-language')).toBeHidden()
    await expect(section(page, 'cookies').locator('del').first()).toBeVisible()
    const decoration = await section(page, 'cookies')
      .locator('ins')
      .first()
      .evaluate((element) => getComputedStyle(element).textDecorationStyle)
    expect(decoration).toBe('double')
  })
})

test.describe('a French reviewer', () => {
  test('sees the French text’s one correction, and the sections changed only in English folded away', async ({
    page,
  }) => {
    await page.goto(`${FR}?from=1&to=2`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByText('Changements du texte français.')).toBeVisible()

    const transmission = section(page, 'transmission-of-personal-information')
    expect(await changes(transmission, 'del')).toEqual([
      's’assurer que ces renseignements sont recueillis',
    ])
    expect(await changes(transmission, 'ins')).toEqual(['informer la personne concernée'])
    await expect(transmission.locator('del')).toContainText('début de la suppression')

    const cookies = section(page, 'cookies')
    await expect(cookies).toContainText(
      'Le texte français de cette section n’a pas changé; son texte anglais, si.',
    )
    const text = cookies.getByText(/Un témoin temporaire/)
    await expect(text).toBeHidden()
    await cookies.getByText('Afficher le texte inchangé').click()
    await expect(text).toBeVisible()

    const outbound = page.getByRole('region', {
      name: 'Liens vers d’autres sites ajoutés ou supprimés',
    })
    await expect(
      outbound.getByRole('list', {name: 'Liens ajoutés'}).getByRole('listitem').locator('strong'),
    ).toHaveText(['www.legisquebec.gouv.qc.ca', 'www.cai.gouv.qc.ca'])
  })

  test('switches the redline to the English text with one click, the page staying in French', async ({
    page,
  }) => {
    await page.goto(`${FR}?from=1&to=2`)
    await page.getByRole('link', {name: 'Voir les changements du texte anglais'}).first().click()
    await expect(page).toHaveURL(`${FR}?from=1&to=2&lang=en`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByText('Changements du texte anglais.')).toBeVisible()
    const cookies = section(page, 'cookies')
    await expect(cookies.getByRole('heading', {level: 2})).toHaveAttribute('lang', 'en')
    expect(await changes(cookies, 'ins')).toEqual(['cookie', 'groupe'])
    await expect(cookies.locator('ins').last()).toContainText('début de l’ajout')
    // And back.
    await page.getByTestId('compare-other-language').click()
    await expect(page).toHaveURL(`${FR}?from=1&to=2`)
  })
})

test.describe('choosing what to compare', () => {
  test('without versions named, the version in force is compared with the one before', async ({
    page,
  }) => {
    const response = await page.goto(EN)
    expect(response?.status()).toBe(200)
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Changes from version 1 to version 2',
    )
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      /\/en\/privacy-policy\/compare\?from=1&to=2$/,
    )
  })

  test('the later version can be compared with the earlier one', async ({page}) => {
    await page.goto(`${EN}?from=2&to=1`)
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Changes from version 2 to version 1',
    )
    await expect(page.getByRole('note').filter({hasText: 'later'})).toContainText(
      'Version 2 is later than version 1',
    )
    await expect(
      section(page, 'comments-or-questions').getByText('Status: Removed', {exact: true}),
    ).toBeVisible()
    await expect(section(page, 'comments-or-questions').locator('del')).toHaveCount(1)
    await expect(page.getByTestId('compare-counts')).toContainText('2 sections removed')
    await page.getByRole('link', {name: 'Compare in publication order'}).click()
    await expect(page).toHaveURL(`${EN}?from=1&to=2`)
  })

  test('the form at the foot of the page compares any two versions, without JavaScript', async ({
    browser,
  }) => {
    const context = await browser.newContext({javaScriptEnabled: false})
    const page = await context.newPage()
    await page.goto(`${EN}?from=1&to=2`)
    const form = page.getByRole('form', {name: 'Compare two other versions'})
    await form.getByRole('combobox', {name: 'From version'}).selectOption('2')
    await form.getByRole('combobox', {name: 'To version'}).selectOption('1')
    await form.getByRole('button', {name: 'Compare'}).click()
    await expect(page).toHaveURL(`${EN}?from=2&to=1`)
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Changes from version 2 to version 1',
    )
    await context.close()
  })
})

test.describe('asking for a comparison that cannot be made', () => {
  for (const [query, message] of [
    ['?from=abc&to=2', '“abc” is not a version number.'],
    ['?from=1', 'Two versions are needed'],
    ['?to=2', 'Two versions are needed'],
    ['?from=2&to=2', 'Version 2 cannot be compared with itself'],
    ['?from=1&from=2&to=2', 'is not a version number'],
  ] as const) {
    test(`"${query}" is a bad request that explains what is wrong and offers the versions`, async ({
      page,
    }) => {
      const response = await page.goto(`${EN}${query}`)
      expect(response?.status()).toBe(400)
      await expect(page.getByRole('heading', {level: 1})).toHaveText(
        'Choose two versions to compare',
      )
      await expect(page.getByRole('main')).toContainText(message)
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/)
      const form = page.getByRole('form', {name: 'Choose the versions'})
      await form.getByRole('combobox', {name: 'From version'}).selectOption('1')
      await form.getByRole('combobox', {name: 'To version'}).selectOption('2')
      await form.getByRole('button', {name: 'Compare'}).click()
      await expect(page).toHaveURL(`${EN}?from=1&to=2`)
    })
  }

  test('a version never published is a 404 in the reader’s language, with the versions that exist', async ({
    browser,
  }) => {
    // Rendered on the server: readable with JavaScript off.
    const context = await browser.newContext({javaScriptEnabled: false})
    const page = await context.newPage()
    const response = await page.goto(`${FR}?from=1&to=99`)
    expect(response?.status()).toBe(404)
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
    await expect(page.getByRole('heading', {level: 1})).toHaveText(
      'Ces versions ne peuvent pas être comparées',
    )
    const form = page.getByRole('form', {name: 'Choisir les versions'})
    await expect(
      form.getByRole('combobox', {name: 'De la version'}).getByRole('option'),
    ).toHaveText(['Version 2 (1er octobre 2026)', 'Version 1 (1er mars 2016)'])
    await context.close()
  })

  test('no address, however odd, breaks the page', async ({request}) => {
    for (const query of [
      '?from=0&to=1',
      '?from=-1&to=2',
      '?from=1.5&to=2',
      '?from=1e3&to=2',
      '?from=99999999999999999999&to=1',
      '?from=%00&to=%FF',
      '?from=1&to=2&lang=de',
      '?from=1&to=2&lang=en&lang=fr',
      '?from=&to=',
    ]) {
      for (const base of [EN, FR]) {
        const response = await request.get(`${base}${query}`)
        expect(response.status(), `${base}${query}`).toBeLessThan(500)
      }
    }
  })
})

test.describe('being told of new versions', () => {
  for (const [locale, comparePath] of [
    ['en', '/en/privacy-policy/compare?from=1&to=2'],
    ['fr', '/fr/politique-de-confidentialite/comparer?from=1&to=2'],
  ] as const) {
    test(`the ${locale} Atom feed lists both versions, leading to the redline`, async ({
      page,
      request,
      baseURL,
    }) => {
      const response = await request.get(`/${locale}/feed.xml`)
      expect(response.status()).toBe(200)
      expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/)
      const xml = await response.text()
      const feed = await page.evaluate((source) => {
        const document = new DOMParser().parseFromString(source, 'application/xml')
        const atom = 'http://www.w3.org/2005/Atom'
        const text = (parent: Element | Document, name: string) =>
          parent.getElementsByTagNameNS(atom, name)[0]?.textContent ?? null
        return {
          errors: document.getElementsByTagName('parsererror').length,
          lang: document.documentElement.getAttribute('xml:lang'),
          id: text(document, 'id'),
          updated: text(document, 'updated'),
          entries: [...document.getElementsByTagNameNS(atom, 'entry')].map((entry) => ({
            id: text(entry, 'id'),
            title: text(entry, 'title'),
            updated: text(entry, 'updated'),
            summary: text(entry, 'summary'),
            alternate: entry.querySelector('link[rel="alternate"]')?.getAttribute('href'),
          })),
        }
      }, xml)
      expect(feed.errors).toBe(0)
      expect(feed.lang).toBe(locale)
      expect(feed.id).toBe(`${baseURL}/${locale}/feed.xml`)
      expect(feed.updated).toBe('2026-09-15T14:00:00Z')
      expect(feed.entries.map((entry) => entry.updated)).toEqual([
        '2026-09-15T14:00:00Z',
        '2016-02-15T14:00:00Z',
      ])
      expect(feed.entries[0]?.title).toMatch(/^Version 2/)
      expect(feed.entries[0]?.summary).toMatch(
        locale === 'fr' ? /^Ajout de la section/ : /^Added the section/,
      )
      expect(feed.entries[0]?.alternate).toBe(`${baseURL}${comparePath}`)
      expect(feed.entries[1]?.alternate).toMatch(/\/versions\/1$/)

      // The entry leads to the redline.
      await page.goto(feed.entries[0]!.alternate!)
      await expect(page.getByRole('heading', {level: 1})).toContainText('2')
    })
  }

  test('a language the site does not have has no feed', async ({request}) => {
    expect((await request.get('/de/feed.xml')).status()).toBe(404)
  })

  test('programs get the list of versions as JSON', async ({request, baseURL}) => {
    const response = await request.get('/api/versions')
    expect(response.status()).toBe(200)
    const list = await response.json()
    expect(list.current).toBe(2)
    expect(list.versions.map((version: {number: number}) => version.number)).toEqual([2, 1])
    expect(list.versions[0].links.fr.changes).toBe(
      `${baseURL}/fr/politique-de-confidentialite/comparer?from=1&to=2`,
    )
    expect(list.versions[1].period).toEqual({state: 'past', from: '2016-03-01', to: '2026-09-30'})
    expect(list.feeds.en).toBe(`${baseURL}/en/feed.xml`)
  })
})
