import {expect, test, type Browser, type Page} from '@playwright/test'
import {lakeClient, localUser, logInToStudio, STUDIO_LOAD_TIMEOUT} from './helpers/studio'

/**
 * The privacy-law checklist, as an editor and a legal reviewer meet it in the Studio: the section
 * that names the person in charge is taken out of the policy, preparing a version warns that no
 * section covers that item any more (with its legal reference), and the reviewer sees the same in
 * the comparison. The lake is left as the story found it.
 */

test.describe.configure({mode: 'serial', timeout: 420_000})

const DIALOG_TIMEOUT = 30_000
const SECTION = 'section-comments-or-questions'

type Role = 'editor' | 'legal-reviewer'

async function openStudio(
  browser: Browser,
  baseURL: string,
  role: Role,
  language: 'fr-FR' | 'en-US',
): Promise<Page> {
  const context = await browser.newContext({baseURL, ignoreHTTPSErrors: true})
  const page = await context.newPage()
  await logInToStudio(page, localUser(role), language)
  return page
}

/**
 * "Prepare a new version": the document's main button, or an item of its menu. Which of the two
 * it is, the Studio decides once it knows the document and who is signed in; until then the menu
 * may lack it, so each try closes the menu again and looks anew.
 */
async function startPreparing(page: Page, name: RegExp) {
  const footer = page.getByTestId('pane-footer')
  await expect(footer).toBeVisible({timeout: STUDIO_LOAD_TIMEOUT})
  const button = footer.getByRole('button', {name})
  await expect(async () => {
    if (await button.isVisible()) {
      await button.click({timeout: 5_000})
      return
    }
    await footer.getByTestId('action-menu-button').click({timeout: 5_000})
    try {
      await page.getByRole('menuitem', {name}).click({timeout: 5_000})
    } catch (error) {
      await page.keyboard.press('Escape')
      throw error
    }
  }).toPass({timeout: STUDIO_LOAD_TIMEOUT})
}

test('a section taken out of the policy leaves a checklist item uncovered: preparing warns, legal sees it', async ({
  browser,
  baseURL,
}) => {
  const editor = localUser('editor')
  const lake = lakeClient(editor).withConfig({perspective: 'raw'})
  const policy = (await lake.getDocument('policy'))!
  const sections = policy.sections as {_key: string; _ref: string}[]
  const latest = await lake.fetch<number>(
    `*[_type == "policyVersion" && status == "published" && !(_id in path("drafts.**"))]
      | order(number desc)[0].number`,
  )
  const next = latest + 1

  // The section tagged with the person in charge shows its tags in the editor's French.
  const studio = await openStudio(browser, baseURL!, 'editor', 'fr-FR')
  await studio.goto(`/studio/structure/sections;${SECTION}`)
  const covers = studio.getByTestId('section-covers')
  await expect(covers).toBeVisible({timeout: STUDIO_LOAD_TIMEOUT})
  await expect(
    covers.getByRole('checkbox', {
      name: 'Titre et coordonnées de la personne responsable de la protection des renseignements personnels',
    }),
  ).toBeChecked()

  await lake
    .patch('policy')
    .set({sections: sections.filter((section) => section._ref !== SECTION)})
    .commit()
  try {
    await studio.goto('/studio/structure/policy')
    await startPreparing(studio, /Préparer/)
    const prepare = studio.getByTestId('prepare-version-dialog')
    const missing = prepare.getByTestId('checklist-missing')
    await expect(missing).toContainText(
      'Titre et coordonnées de la personne responsable de la protection des renseignements personnels (Loi sur l’accès, art. 8',
      {timeout: DIALOG_TIMEOUT},
    )
    await expect(prepare.getByTestId('checklist-coverage')).toContainText('pas un avis juridique')
    // A warning, not a block: the candidate can be prepared.
    await prepare.getByLabel(/^Résumé des modifications en français/).fill('Section retirée.')
    await prepare.getByLabel(/^Résumé des modifications en anglais/).fill('Section removed.')
    await prepare.getByRole('button', {name: `Préparer la version candidate ${next}`}).click()
    await expect(prepare.getByTestId('prepare-done')).toBeVisible({timeout: DIALOG_TIMEOUT})
    await expect
      .poll(() =>
        lake.fetch(
          `*[_id == $id][0].checklistCoverage.items[key == "person-in-charge"][0]{covered, sectionKeys}`,
          {id: `drafts.version-${next}`},
        ),
      )
      .toEqual({covered: false, sectionKeys: []})
    await studio.context().close()

    // The legal reviewer, in English, sees the same in what she compares.
    const legal = await openStudio(browser, baseURL!, 'legal-reviewer', 'en-US')
    await legal.goto('/studio/structure/awaiting-review')
    await legal
      .getByRole('link', {name: new RegExp(`Candidate for version ${next}`)})
      .click({timeout: STUDIO_LOAD_TIMEOUT})
    await legal
      .getByRole('tab', {name: 'Compare with published'})
      .click({timeout: STUDIO_LOAD_TIMEOUT})
    const comparison = legal.getByTestId('version-comparison')
    await expect(comparison.getByTestId('checklist-missing')).toContainText(
      'Title and contact details of the person in charge of the protection of personal information (Access Act, s. 8',
      {timeout: DIALOG_TIMEOUT},
    )
    await expect(comparison.getByTestId('checklist-covered')).toContainText(
      'Personal information collected',
    )
    await legal.context().close()
  } finally {
    await lake.delete(`drafts.version-${next}`).catch(() => undefined)
    await lake.patch('policy').set({sections}).commit()
  }
})
