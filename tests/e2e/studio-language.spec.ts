import {expect, test, type Page} from '@playwright/test'
import {localUser, logInToStudio, STUDIO_LOAD_TIMEOUT} from './helpers/studio'

// Each test loads the whole Studio, some of them twice, which takes a while on a small machine.
test.describe.configure({timeout: 300_000})

const VALIDATION_TIMEOUT = 30_000

function languageSwitch(page: Page, label: 'Langue du Studio' | 'Studio language') {
  return page.getByRole('group', {name: label})
}

async function openCookiesSection(page: Page, sectionsTitle: string) {
  await page
    .getByRole('link', {name: 'Sections', exact: true})
    .click({timeout: STUDIO_LOAD_TIMEOUT})
  const sections = page.getByTestId('structure-tool-list-pane').filter({hasText: sectionsTitle})
  await sections
    .getByRole('link')
    .filter({hasText: /#cookies$/})
    .click({timeout: STUDIO_LOAD_TIMEOUT})
}

test.describe('the Studio’s language', () => {
  test('an editor who has never chosen a language works in French: Sanity’s own words, the desk, the form, its validation and its dates', async ({
    page,
  }) => {
    const editor = localUser('editor')
    await logInToStudio(page, editor, 'not chosen yet')
    await page.goto('/studio')

    const strip = page.getByTestId('studio-strip')
    await expect(strip).toContainText(`Session ouverte : ${editor.name}, rédaction`, {
      timeout: STUDIO_LOAD_TIMEOUT,
    })
    await expect(
      languageSwitch(page, 'Langue du Studio').getByRole('button', {name: 'Français'}),
    ).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA')
    // The tools and the desk, in the Studio's words.
    const navbar = page.getByTestId('studio-navbar')
    await expect(navbar.getByRole('link', {name: 'Aperçu'})).toBeVisible()
    await expect(navbar.getByRole('link', {name: 'Politique'})).toBeVisible()

    await openCookiesSection(page, 'Sections, dans l’ordre de la politique')
    const title = page.getByTestId('field-title')
    await expect(title).toContainText('Titre', {timeout: STUDIO_LOAD_TIMEOUT})
    await expect(title).toContainText('Anglais')
    await expect(page.getByTestId('field-key')).toContainText(
      'Désigne cette section dans toutes les versions et les deux langues',
    )
    // Sanity's own words (its French locale, and the Studio's French for the Presentation tool),
    // and the time of the document's last change as French speakers say it.
    await expect(
      page.getByTestId('pane-footer').getByRole('button', {name: 'Publier'}),
    ).toBeVisible()
    await expect(page.getByText('Utilisé dans 2 pages')).toBeVisible()
    await expect(page.getByTestId('pane-footer-document-status')).toContainText(
      /il\sy\sa\s\d+\s(s|min|h)|à\sl’instant/,
    )

    // A French title left empty is explained in French, and filled again.
    const frenchTitle = page.getByTestId('field-title.fr')
    const input = frenchTitle.getByRole('textbox')
    const original = await input.inputValue()
    await input.fill('')
    // Sanity validates a moment after typing stops, later still on a busy machine.
    await frenchTitle
      .getByTestId('input-validation-icon-error')
      .hover({timeout: VALIDATION_TIMEOUT})
    await expect(
      page.getByText('Écrivez le texte français : la version française est obligatoire.'),
    ).toBeVisible({timeout: VALIDATION_TIMEOUT})
    await input.fill(original)
    await expect(frenchTitle.getByTestId('input-validation-icon-error')).toHaveCount(0, {
      timeout: VALIDATION_TIMEOUT,
    })
  })

  test('a legal reviewer switches the Studio to English, sees English words at once, and finds English on her next visit and on the login page', async ({
    page,
  }) => {
    const reviewer = localUser('legal-reviewer')
    await logInToStudio(page, reviewer, 'not chosen yet')
    await page.goto('/studio/structure/sections')
    const strip = page.getByTestId('studio-strip')
    await expect(strip).toContainText(`Session ouverte : ${reviewer.name}, révision juridique`, {
      timeout: STUDIO_LOAD_TIMEOUT,
    })

    await languageSwitch(page, 'Langue du Studio').getByRole('button', {name: 'English'}).click()
    await expect(strip).toContainText(`Signed in as ${reviewer.name}, Legal reviewer`, {
      timeout: STUDIO_LOAD_TIMEOUT,
    })
    await expect(
      languageSwitch(page, 'Studio language').getByRole('button', {name: 'English'}),
    ).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(
      page.getByTestId('studio-navbar').getByRole('link', {name: 'Preview'}),
    ).toBeVisible()
    await expect(
      page.getByTestId('structure-tool-list-pane').filter({hasText: 'Sections, in policy order'}),
    ).toBeVisible({timeout: STUDIO_LOAD_TIMEOUT})

    // Her next visit: the Studio remembers.
    await page.reload()
    await openCookiesSection(page, 'Sections, in policy order')
    const title = page.getByTestId('field-title')
    await expect(title).toContainText('Title', {timeout: STUDIO_LOAD_TIMEOUT})
    await expect(title).toContainText('French')
    await expect(page.getByTestId('field-key')).toContainText(
      'Identifies this section in every version and language',
    )
    await expect(
      page.getByTestId('pane-footer').getByRole('button', {name: 'Publish'}),
    ).toBeVisible()
    await expect(page.getByText('Used on 2 pages')).toBeVisible()
    await expect(page.getByTestId('pane-footer-document-status')).toContainText(
      /\d+\s(sec|min|hr)\.\sago|just\snow/,
    )

    // The login page, outside the Studio, follows the same choice, and changes it too.
    await strip.getByRole('link', {name: 'Log in as someone else'}).click()
    await expect(page.getByRole('heading', {name: 'Log in to the Studio'})).toBeVisible()
    await expect(page).toHaveTitle('Log in · Studio · Privacy policy')
    await languageSwitch(page, 'Studio language').getByRole('button', {name: 'Français'}).click()
    await expect(page.getByRole('heading', {name: 'Connexion au Studio'})).toBeVisible()
    await page.goto('/studio')
    await expect(strip).toContainText(`Session ouverte : ${reviewer.name}, révision juridique`, {
      timeout: STUDIO_LOAD_TIMEOUT,
    })
  })
})
