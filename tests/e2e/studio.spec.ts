import {expect, test} from '@playwright/test'
import {
  E2E_STUDIO_API_ORIGIN,
  lakeClient,
  localUser,
  logInToStudio,
  STUDIO_LOAD_TIMEOUT,
} from './helpers/studio'

// Each test loads the whole Studio, which takes a while on a small machine.
test.describe.configure({timeout: 240_000})

test.describe('the Studio, offline against the embedded lake', () => {
  test('an editor revises a section in French and English, publishes it, and finds the change on the API and in the history', async ({
    page,
  }) => {
    const editor = localUser('editor')
    const lake = lakeClient(editor)
    // Unique per run, so that a rerun against the same lake proves a new change.
    const stamp = Date.now().toString(36)
    const frenchTitle = `Témoins de navigation ${stamp}`
    const englishSentence = `Nothing a cookie records is ever sold (${stamp}).`

    await logInToStudio(page, editor)
    await page.goto('/studio')
    await page
      .getByRole('link', {name: 'Sections', exact: true})
      .click({timeout: STUDIO_LOAD_TIMEOUT})

    // The sections are listed in the order the policy gives them.
    const policyOrder = await lake.fetch<string[]>(`*[_id == "policy"][0].sections[]->key.current`)
    const sectionsPane = page
      .getByTestId('structure-tool-list-pane')
      .filter({hasText: 'Sections, in policy order'})
    const sectionLinks = sectionsPane.getByRole('link').filter({hasText: '#'})
    await expect(sectionLinks).toHaveText(
      policyOrder.map((key) => new RegExp(`#${key}$`)),
      {timeout: STUDIO_LOAD_TIMEOUT},
    )

    await sectionLinks.filter({hasText: /#cookies$/}).click()
    const frenchTitleInput = page.getByTestId('field-title.fr').getByRole('textbox')
    await frenchTitleInput.fill(frenchTitle, {timeout: STUDIO_LOAD_TIMEOUT})

    const englishBody = page.getByTestId('field-body.en').getByRole('textbox')
    await englishBody.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(englishSentence)
    await expect(englishBody).toContainText(englishSentence)

    const publish = page.getByTestId('action-publish')
    await expect(publish).toBeEnabled()
    await publish.click()
    // Nothing left to publish once the draft has become the published document.
    await expect(publish).toBeDisabled({timeout: 30_000})

    await expect
      .poll(
        () =>
          lake.fetch<{fr: string; en: string}>(
            `*[_id == "section-cookies"][0]{"fr": title.fr, "en": pt::text(body.en)}`,
          ),
        {timeout: 15_000},
      )
      .toEqual({fr: frenchTitle, en: expect.stringContaining(englishSentence)})

    await page.getByTestId('pane-footer-document-status').click()
    await page.getByRole('tab', {name: 'History'}).click()
    const latest = page.getByTestId('timeline-item-button').first()
    await expect(latest).toContainText('Published')
    await expect(latest.getByLabel(editor.name)).toBeVisible()
  })

  test('a legal reviewer logged in with her token sees her own name in the Studio', async ({
    page,
  }) => {
    const reviewer = localUser('legal-reviewer')
    await logInToStudio(page, reviewer)
    await page.goto('/studio')

    await expect(page.getByTestId('studio-strip')).toContainText(
      `Signed in as ${reviewer.name}, Legal reviewer`,
      {timeout: STUDIO_LOAD_TIMEOUT},
    )
    await page.getByTestId('studio-navbar').locator('#user-menu').click()
    await expect(page.getByRole('menu')).toContainText(reviewer.name)
  })

  test('someone not logged in is led, in French, to the token login, gets in, and hands over to the reviewer', async ({
    page,
  }) => {
    const editor = localUser('editor')
    const reviewer = localUser('legal-reviewer')
    await page.goto('/studio/structure/sections')
    await page
      .getByRole('link', {name: 'Se connecter avec un jeton d’accès local'})
      .click({timeout: STUDIO_LOAD_TIMEOUT})

    await expect(page.getByRole('heading', {name: 'Connexion au Studio'})).toBeVisible()
    await expect(page).toHaveTitle('Connexion · Studio · Politique de confidentialité')
    const token = page.getByLabel('Jeton d’accès')
    await token.fill('not a token')
    await page.getByRole('button', {name: 'Se connecter'}).click()
    await expect(token).toHaveAccessibleDescription(/Ce n’est pas un jeton d’accès/)
    await token.fill(`sk${'0'.repeat(62)}`)
    await page.getByRole('button', {name: 'Se connecter'}).click()
    await expect(token).toHaveAccessibleDescription(/ne connaît pas ce jeton/)

    await token.fill(editor.token)
    await page.getByRole('button', {name: 'Se connecter'}).click()
    // Back where the person was, logged in, and the token is gone from the address.
    await expect(page).toHaveURL(/\/studio\/structure\/sections$/, {timeout: STUDIO_LOAD_TIMEOUT})
    const strip = page.getByTestId('studio-strip')
    await expect(strip).toContainText(`Session ouverte : ${editor.name}, rédaction`, {
      timeout: STUDIO_LOAD_TIMEOUT,
    })

    // The legal reviewer takes over the same browser.
    await strip.getByRole('link', {name: 'Se connecter sous un autre nom'}).click()
    await page.getByLabel('Jeton d’accès').fill(reviewer.token)
    await page.getByRole('button', {name: 'Se connecter'}).click()
    await expect(strip).toContainText(`Session ouverte : ${reviewer.name}, révision juridique`, {
      timeout: STUDIO_LOAD_TIMEOUT,
    })
  })
})

test.describe('a browser that does not trust the local certificate yet', () => {
  test.use({ignoreHTTPSErrors: false})

  test('is told, on the Studio page, how to trust it, in French or in English', async ({page}) => {
    await page.goto('/studio')
    const notice = page.getByRole('alert').filter({has: page.getByRole('heading', {level: 2})})
    await expect(notice.getByRole('heading')).toHaveText(
      'D’abord, faites confiance au serveur de contenu local',
      {timeout: STUDIO_LOAD_TIMEOUT},
    )
    await expect(notice.getByRole('link', {name: E2E_STUDIO_API_ORIGIN})).toHaveAttribute(
      'href',
      `${E2E_STUDIO_API_ORIGIN}/`,
    )
    await expect(notice).toContainText('Paramètres avancés')

    await notice
      .getByRole('group', {name: 'Langue du Studio'})
      .getByRole('button', {name: 'English'})
      .click()
    await expect(notice.getByRole('heading')).toHaveText('First, trust the local content server')
    await expect(notice).toContainText('Advanced')
  })
})
