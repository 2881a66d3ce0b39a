import {readFileSync} from 'node:fs'
import {expect, test, type Browser, type Page} from '@playwright/test'
import {REFUSAL_MESSAGES} from '../../lib/policy/refusals'
import {spelledOutDate} from '../../lib/policy/dates'
import {studioResources} from '../../sanity/studio/i18n/text'
import {VERSIONING_RESOURCES} from '../../sanity/studio/versioning/i18n'
import {latestPublished, prepareCandidate} from '../fixtures/signoff'
import {lakeClient, localUser, logInToStudio, STUDIO_LOAD_TIMEOUT} from './helpers/studio'

/**
 * The people who sign, each in the Studio: whose turn it is, why a button is disabled, and what
 * happened last, said where they look and kept current. French, the Studio's default, is the
 * language of these stories. Each story withdraws the candidate it made, so the stories after it
 * find the policy as they expect.
 */

// Two people's Studios at once, on a small machine.
test.describe.configure({mode: 'serial', timeout: 300_000})

const FR = VERSIONING_RESOURCES['fr-FR']
const EN = VERSIONING_RESOURCES['en-US']
const STEP_TIMEOUT = 30_000

/**
 * The product's English that the French Studio must never show: every English word of the
 * Studio's bundles (schema titles and descriptions included) that French says otherwise. A
 * template is looked for by its longest fixed part.
 */
function englishOnly(): string[] {
  const pairs = [
    ...Object.entries(EN).map(([key, text]) => [text, FR[key]] as const),
    ...Object.entries(studioResources['en-US']).map(
      ([key, text]) => [text, (studioResources['fr-FR'] as Record<string, string>)[key]] as const,
    ),
  ]
  return [
    ...new Set(
      pairs
        .filter(([english, french]) => english !== french)
        .map(
          ([english]) =>
            english
              .split(/\{\{\w+\}\}|<\/?\w+>/)
              .map((part) => part.trim())
              .sort((a, b) => b.length - a.length)[0]!,
        )
        // Short fixed parts ("Site", "Version {{n}}") are words both languages write alike.
        .filter((part) => part.length >= 8),
    ),
  ]
}

type LocalUser = ReturnType<typeof localUser>

async function openStudio(browser: Browser, baseURL: string, user: LocalUser): Promise<Page> {
  // An English browser: the Studio's language is the person's choice, not the browser's.
  const context = await browser.newContext({baseURL, ignoreHTTPSErrors: true, locale: 'en-US'})
  const page = await context.newPage()
  await logInToStudio(page, user, 'fr-FR')
  return page
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))
}

function yourTurn(count: number): string {
  return count === 0
    ? FR['structure.yourTurn_zero']!
    : count === 1
      ? FR['structure.yourTurn_one']!
      : fill(FR['structure.yourTurn_other']!, {count})
}

test.describe('each person who signs sees their turn', () => {
  test('the editor who prepared a candidate sees why she cannot approve it, beside the form and on the button; the reviewer finds it on her desk, approves it and stays on it; the editor’s desk then offers it to publish, without a reload', async ({
    browser,
    baseURL,
  }) => {
    const editor = localUser('editor')
    const reviewer = localUser('legal-reviewer')
    const lake = lakeClient(editor)
    const next = ((await latestPublished(lake))?.number ?? 0) + 1
    const candidate = await lake.create(await prepareCandidate(lake, next))
    try {
      // The editor, on her desk: nothing awaits her while the candidate waits for a reviewer.
      const studio = await openStudio(browser, baseURL!, editor)
      await studio.goto('/studio/structure')
      await expect(studio.getByRole('link', {name: yourTurn(0)})).toBeVisible({
        timeout: STUDIO_LOAD_TIMEOUT,
      })
      const desk = await openStudio(browser, baseURL!, editor)
      await desk.goto('/studio/structure')

      // On the candidate, Approve is disabled and says why, in words, not only on hover.
      await studio
        .getByRole('link', {name: FR['structure.versions'], exact: true})
        .click({timeout: STUDIO_LOAD_TIMEOUT})
      await studio
        .getByRole('link', {name: new RegExp(fill(FR['preview.candidate']!, {number: next}))})
        .click({timeout: STUDIO_LOAD_TIMEOUT})
      const notice = studio.getByTestId('workflow-notice')
      await expect(notice.getByTestId('workflow-last')).toContainText(
        `Préparée par ${editor.name}, le `,
        {timeout: STUDIO_LOAD_TIMEOUT},
      )
      await expect(notice).toContainText(FR['workflow.next.review']!)
      const reason = fill(FR['workflow.cannot.approve']!, {
        reason: REFUSAL_MESSAGES.fr['self-approval'],
      })
      await expect(notice.getByTestId('workflow-refusal')).toHaveText(reason, {
        timeout: STEP_TIMEOUT,
      })
      const approve = studio
        .getByTestId('pane-footer')
        .getByRole('button', {name: FR['approve.label'], exact: true})
      await expect(approve).toBeDisabled()
      await expect(approve).toHaveAccessibleDescription(reason)

      // The reviewer: one version awaits her, to review.
      const legal = await openStudio(browser, baseURL!, reviewer)
      await legal.goto('/studio/structure')
      await legal.getByRole('link', {name: yourTurn(1)}).click({timeout: STUDIO_LOAD_TIMEOUT})
      await legal
        .getByRole('link', {
          name: new RegExp(
            `${fill(FR['preview.candidate']!, {number: next})} · ${FR['turn.review']}`,
          ),
        })
        .click({timeout: STUDIO_LOAD_TIMEOUT})
      const legalNotice = legal.getByTestId('workflow-notice')
      await expect(legalNotice.getByTestId('workflow-turn')).toHaveText(
        FR['workflow.yours.review']!,
        {timeout: STUDIO_LOAD_TIMEOUT},
      )
      await legal
        .getByTestId('pane-footer')
        .getByRole('button', {name: FR['approve.label'], exact: true})
        .click({timeout: STEP_TIMEOUT})
      await legal
        .getByTestId('approve-dialog')
        .getByRole('button', {name: FR['approve.confirm']})
        .click({timeout: STEP_TIMEOUT})

      // She stays on it, and sees it now awaits an editor; she is not offered to publish it.
      await expect(legalNotice.getByTestId('version-status')).toHaveText(FR['status.approved']!, {
        timeout: STEP_TIMEOUT,
      })
      await expect(legalNotice.getByTestId('workflow-last')).toContainText(
        `Approuvée par ${reviewer.name}, le `,
      )
      await expect(legalNotice.getByTestId('workflow-next')).toHaveText(
        FR['workflow.next.publish']!,
      )
      await expect(legal.getByText('Pane returned no child')).toHaveCount(0)
      // Sanity's "Edited …" line, which would name the signing service, is not shown.
      await expect(legal.getByTestId('pane-footer-document-status')).toBeHidden()
      await expect(
        legal.getByRole('button', {name: fill(FR['publish.label']!, {number: next})}),
      ).toHaveCount(0)

      // The editor's desk, open all along, now offers it to publish.
      await desk.getByRole('link', {name: yourTurn(1)}).click({timeout: STEP_TIMEOUT})
      await expect(
        desk.getByRole('link', {
          name: new RegExp(
            `${fill(FR['preview.candidate']!, {number: next})} · ${FR['turn.publish']}`,
          ),
        }),
      ).toBeVisible({timeout: STEP_TIMEOUT})
      // And the candidate she has open says it is hers to publish.
      await expect(notice.getByTestId('workflow-turn')).toHaveText(FR['workflow.yours.publish']!, {
        timeout: STEP_TIMEOUT,
      })
      await Promise.all([studio, desk, legal].map((page) => page.context().close()))
    } finally {
      await lake.withConfig({perspective: 'raw'}).delete(candidate._id)
    }
  })

  test('a candidate reads as a document in the Studio’s language: who did what and when, its date spelled out, its links, its checklist by labels, and its signed record folded away', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const editor = localUser('editor')
    const lake = lakeClient(editor)
    const next = ((await latestPublished(lake))?.number ?? 0) + 1
    const prepared = await prepareCandidate(lake, next, {
      effectiveDate: '2031-02-01',
      changeSummary: {fr: 'Section révisée.', en: 'Section revised.'},
    })
    const candidate = await lake.create(prepared)
    // The checklist's items, which the Studio names by their labels, never by these keys.
    const keys = Object.keys(
      (
        JSON.parse(readFileSync('sanity/seed/content/checklists.json', 'utf8')) as {
          items: Record<string, unknown>
        }
      ).items,
    )
    try {
      const studio = await openStudio(browser, baseURL!, editor)
      await studio.goto(`/studio/structure/versions;${publishedIdOf(candidate._id)}`)
      const pane = studio.getByTestId('document-pane')
      const notice = pane.getByTestId('workflow-notice')
      await expect(notice.getByTestId('workflow-last')).toContainText(
        `Préparée par ${editor.name}, le `,
        {timeout: STUDIO_LOAD_TIMEOUT},
      )
      // Opening it puts the focus on where it stands, not on a "Field actions" button's tooltip.
      await expect(notice).toBeFocused()
      // The date, spelled out in French although the browser is English; « 1er », as in Québec.
      await expect(pane.getByTestId('prepare-date-spelled')).toHaveText(
        fill(FR['prepare.date.spelled']!, {date: '1er février 2031'}),
      )
      // The frozen sections are a list to read, with nothing to drag or add.
      await expect(pane.getByTestId('frozen-sections')).toBeVisible()
      await expect(pane.getByRole('button', {name: 'Ajouter un élément'})).toHaveCount(0)
      // The signed record: one group, folded, in French.
      const record = pane.getByRole('button', {name: FR['schema.record']})
      await expect(record).toBeVisible()
      await expect(pane.getByText(FR['schema.fingerprint']!)).toHaveCount(0)

      const text = await pane.innerText()
      expect(englishOnly().filter((english) => text.includes(english))).toEqual([])
      expect(keys.length).toBeGreaterThan(0)
      expect(keys.filter((key) => text.includes(key))).toEqual([])
      const frShot = testInfo.outputPath('candidate-fr.png')
      await pane.screenshot({path: frShot})
      await testInfo.attach('candidate-fr', {path: frShot, contentType: 'image/png'})

      // The same candidate in English.
      await studio.evaluate(() => {
        for (const key of Object.keys(window.localStorage)) {
          if (key.includes('locale')) window.localStorage.setItem(key, 'en-US')
        }
      })
      await studio.reload()
      await expect(pane.getByTestId('workflow-last')).toContainText(
        `Prepared by ${editor.name}, `,
        {timeout: STUDIO_LOAD_TIMEOUT},
      )
      await expect(pane.getByTestId('prepare-date-spelled')).toHaveText(
        fill(EN['prepare.date.spelled']!, {date: 'February 1, 2031'}),
      )
      await expect(pane.getByRole('button', {name: EN['schema.record']})).toBeVisible()
      const enShot = testInfo.outputPath('candidate-en.png')
      await pane.screenshot({path: enShot})
      await testInfo.attach('candidate-en', {path: enShot, contentType: 'image/png'})
      await studio.context().close()
    } finally {
      await lake.withConfig({perspective: 'raw'}).delete(candidate._id)
    }
  })

  test('two people on one section see each other’s avatar, and the presence socket stays quiet', async ({
    browser,
    baseURL,
  }) => {
    const people = [localUser('editor'), localUser('legal-reviewer')]
    // One after the other, as people arrive: the second one's roll call brings the first one's
    // place.
    const pages: {page: Page; errors: string[]}[] = []
    for (const user of people) {
      const page = await openStudio(browser, baseURL!, user)
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error' && /socket/i.test(message.text()))
          errors.push(message.text())
      })
      await page.goto('/studio/structure/sections;section-cookies')
      await expect(page.getByTestId('field-body.fr')).toBeVisible({timeout: STUDIO_LOAD_TIMEOUT})
      pages.push({page, errors})
    }
    for (const [index, {page, errors}] of pages.entries()) {
      const other = people[1 - index]!
      // Sanity's avatar for the other person, in the section's header (the Studio shows nobody
      // their own); where each is in the text travels the same way (tests/lake/presence.test.ts).
      await expect(
        page
          .getByTestId('document-level-presence')
          .locator(`[data-ui="Avatar"][title="${other.name}"]`),
      ).toBeVisible({timeout: STEP_TIMEOUT})
      expect(errors).toEqual([])
    }
    await Promise.all(pages.map(({page}) => page.context().close()))
  })
})

function publishedIdOf(id: string): string {
  return id.replace(/^drafts\./, '')
}

test('an editor with an English browser prepares in the French Studio and reads the date spelled out in French before the candidate is made', async ({
  browser,
  baseURL,
}) => {
  const editor = localUser('editor')
  const lake = lakeClient(editor)
  // A published edit, so that there is a version to prepare; taken back at the end.
  const section = await lake.getDocument('section-cookies')
  const title = section!.title as {fr: string; en: string}
  await lake
    .patch('section-cookies')
    .set({'title.fr': `${title.fr} (date)`, 'title.en': `${title.en} (date)`})
    .commit()
  try {
    await prepareWithFrenchDate(browser, baseURL!, editor)
  } finally {
    await lake.patch('section-cookies').set({title}).commit()
  }
})

async function prepareWithFrenchDate(browser: Browser, baseURL: string, editor: LocalUser) {
  const studio = await openStudio(browser, baseURL, editor)
  await studio.goto('/studio/structure/policy')
  const footer = studio.getByTestId('pane-footer')
  await footer
    .getByRole('button', {name: /^Préparer la version/})
    .or(footer.getByRole('button', {name: 'Autres actions'}))
    .first()
    .click({timeout: STUDIO_LOAD_TIMEOUT})
  const menuItem = studio.getByRole('menuitem', {name: /^Préparer la version/})
  if (await menuItem.isVisible()) await menuItem.click()
  const dialog = studio.getByTestId('prepare-version-dialog')
  const date = dialog.getByRole('group', {name: new RegExp(FR['prepare.date.label']!.slice(0, 20))})
  await date.getByLabel(FR['prepare.date.year']!).selectOption(String(new Date().getFullYear() + 1))
  await date.getByLabel(FR['prepare.date.month']!).selectOption({label: 'février'})
  await date.getByLabel(FR['prepare.date.day']!).selectOption({label: '1er'})
  const year = new Date().getFullYear() + 1
  await expect(dialog.getByTestId('prepare-date-spelled')).toHaveText(
    fill(FR['prepare.date.spelled']!, {date: spelledOutDate(`${year}-02-01`, 'fr-FR')}),
  )
  expect(spelledOutDate(`${year}-02-01`, 'fr-FR')).toBe(`1er février ${year}`)
  // The confirm button is in sight on a laptop screen.
  await studio.setViewportSize({width: 1440, height: 900})
  await expect(
    dialog.getByRole('button', {name: /^Préparer la version candidate/}),
  ).toBeInViewport()
  await studio.context().close()
}
