import {expect, test, type Page} from '@playwright/test'
import type {SanityClient} from '@sanity/client'
import {storedContent, workingChanges, type WorkingDocuments} from '../../lib/policy/workflow'
import {WORKING_QUERY} from '../../sanity/lib/queries'
import {lakeClient, localUser, logInToStudio, STUDIO_LOAD_TIMEOUT} from './helpers/studio'

/**
 * What the next version would change, as an editor sees it in the Studio: the policy's button
 * says it, the list of sections marks what changed, and the rich-text toolbar keeps its link
 * button in sight. On the shared lake: the section revised here waits for the next version, which
 * the workflow's story publishes.
 */

// The Studio loads twice (French, then English), which takes a while on a small machine.
test.describe.configure({timeout: 300_000})

const SECTION = 'links-to-other-sites'

/**
 * Given the published policy and sections as the latest published version holds them (other
 * stories may have published edits since): puts them back where they differ, and tells the
 * version's number.
 */
async function workingTextAsLatestVersion(lake: SanityClient): Promise<number> {
  const raw = lake.withConfig({perspective: 'raw'})
  const state = await raw.fetch<WorkingDocuments & {latest: object & {number: number}}>(
    WORKING_QUERY,
  )
  const changes = workingChanges(state.latest, state)
  if (changes.changed) {
    const latest = storedContent(state.latest)
    const idOf = new Map(state.sections.map((section) => [section.key?.current, section._id]))
    // Language by language, so that the bilingual wrappers keep their type.
    const bilingual = (field: string, value: {fr: unknown; en: unknown}) => ({
      [`${field}.fr`]: value.fr,
      [`${field}.en`]: value.en,
    })
    const transaction = raw.transaction()
    for (const section of latest.sections) {
      const id = idOf.get(section.key)
      if (!id) continue
      transaction.patch(id, (patch) =>
        patch.set({...bilingual('title', section.title), ...bilingual('body', section.body)}),
      )
    }
    transaction.patch('policy', (patch) =>
      patch.set({
        ...bilingual('title', latest.title),
        ...bilingual('introduction', latest.introduction ?? {fr: [], en: []}),
        organisationName: latest.organisationName,
        sections: latest.sections.map((section) => ({
          _type: 'reference',
          _key: section.key,
          _ref: idOf.get(section.key),
        })),
      }),
    )
    await transaction.commit()
  }
  return state.latest.number
}

/** An item of the desk's first list (the policy, its sections, the versions). */
function deskItem(page: Page, name: string) {
  return page.getByTestId('structure-tool-list-pane').first().getByRole('link', {name, exact: true})
}

function sectionsPane(page: Page, title: string) {
  return page.getByTestId('structure-tool-list-pane').filter({hasText: title})
}

function sectionItem(page: Page, paneTitle: string, key: string) {
  return sectionsPane(page, paneTitle)
    .getByRole('link')
    .filter({hasText: new RegExp(`#${key}$`)})
}

test.describe('the next version, as the Studio shows it', () => {
  test('an editor publishes a revised section: the policy offers to prepare the next version with one section changed, and the sections list marks it, in French (the Studio’s own language) and in English', async ({
    page,
  }) => {
    const editor = localUser('editor')
    const lake = lakeClient(editor)
    const since = await workingTextAsLatestVersion(lake)
    const next = since + 1
    const stamp = Date.now().toString(36)

    await logInToStudio(page, editor, 'not chosen yet')
    await page.goto('/studio/structure/policy')
    const footer = page.getByTestId('pane-footer')

    // Nothing published since the latest version: the step is in its place, and says why it waits.
    const unchanged = footer.getByRole('button', {name: `Préparer la version ${next}`, exact: true})
    await expect(unchanged).toBeDisabled({timeout: STUDIO_LOAD_TIMEOUT})
    await unchanged.hover({force: true})
    await expect(
      page.getByText(
        `Rien à préparer : la politique et les sections publiées sont identiques à la version ${since}.`,
      ),
    ).toBeVisible()

    // She revises a section's title in both languages; the link button is in the toolbar.
    await deskItem(page, 'Sections').click()
    const listTitle = 'Sections, dans l’ordre de la politique'
    await sectionItem(page, listTitle, SECTION).click({timeout: STUDIO_LOAD_TIMEOUT})
    await expect(sectionsPane(page, listTitle).getByTestId('section-change-mark')).toHaveCount(0)
    const titles = {
      fr: `Liens vers d’autres sites (${stamp})`,
      en: `Links to other sites (${stamp})`,
    }
    await page
      .getByTestId('field-title.fr')
      .getByRole('textbox')
      .fill(titles.fr, {timeout: STUDIO_LOAD_TIMEOUT})
    await page.getByTestId('field-title.en').getByRole('textbox').fill(titles.en)

    const frenchBody = page.getByTestId('field-body.fr')
    await frenchBody.getByRole('textbox').click()
    await expect(frenchBody.getByRole('button', {name: 'Lien', exact: true})).toBeVisible()
    await expect(frenchBody.getByRole('button', {name: 'Gras', exact: true})).toBeVisible()
    // No overflow menu: every button of the toolbar is in sight.
    await expect(frenchBody.getByTestId('action-menu-button')).toHaveCount(0)

    const publish = footer.getByRole('button', {name: 'Publier', exact: true})
    await publish.click()
    await expect(publish).toBeDisabled({timeout: 30_000})

    // The list marks the section, and only it; the section says so too.
    const item = sectionItem(page, listTitle, SECTION)
    await expect(item.getByRole('img', {name: `Modifiée depuis la version ${since}`})).toBeVisible()
    await expect(sectionsPane(page, listTitle).getByTestId('section-change-mark')).toHaveCount(1)
    await expect(footer.getByText('Modifiée', {exact: true})).toBeVisible()

    // The policy's button now names the next version and what it would change.
    await deskItem(page, 'Politique').click()
    const prepare = footer.getByRole('button', {
      name: `Préparer la version ${next} (1 section modifiée)`,
    })
    await expect(prepare).toBeEnabled({timeout: STUDIO_LOAD_TIMEOUT})
    await prepare.hover()
    await expect(
      page.getByText(`Depuis la version ${since} : « ${titles.fr} » modifiée.`),
    ).toBeVisible()
    await prepare.click()
    const dialog = page.getByTestId('prepare-version-dialog')
    await expect(
      dialog.getByRole('button', {name: `Préparer la version candidate ${next}`}),
    ).toBeVisible({
      timeout: 30_000,
    })
    await dialog.getByRole('button', {name: 'Annuler'}).click()

    // The same, in English.
    await page
      .getByRole('group', {name: 'Langue du Studio'})
      .getByRole('button', {name: 'English'})
      .click()
    await expect(
      footer.getByRole('button', {name: `Prepare version ${next} (1 section changed)`}),
    ).toBeEnabled({timeout: STUDIO_LOAD_TIMEOUT})
    await deskItem(page, 'Sections').click()
    await expect(
      sectionItem(page, 'Sections, in policy order', SECTION).getByRole('img', {
        name: `Changed since version ${since}`,
      }),
    ).toBeVisible()
  })
})
