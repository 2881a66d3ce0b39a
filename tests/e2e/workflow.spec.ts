import {expect, test, type Browser, type Page} from '@playwright/test'
import {comparePolicies} from '../../lib/diff'
import {storedContent} from '../../lib/policy/workflow'
import {prepareCandidate, signoffThroughSite} from '../fixtures/signoff'
import {lakeClient, localUser, logInToStudio, STUDIO_LOAD_TIMEOUT} from './helpers/studio'

/**
 * The publishing workflow in the Studio, end to end, on the shared lake. This spec runs last (its
 * name sorts last): it publishes a new version, which changes what the other specs expect to be
 * the current one.
 */

// Each test loads the whole Studio, for two people, on a small machine.
test.describe.configure({mode: 'serial', timeout: 420_000})

const EN = '/en/privacy-policy'
const DIALOG_TIMEOUT = 30_000

type LocalUser = ReturnType<typeof localUser>

async function openStudio(browser: Browser, baseURL: string, user: LocalUser): Promise<Page> {
  const context = await browser.newContext({baseURL, ignoreHTTPSErrors: true})
  const page = await context.newPage()
  await logInToStudio(page, user)
  return page
}

/**
 * The policy's main button once edits are published: "Prepare version n (…)", saying what changed
 * (other stories change sections too, so only its beginning is certain).
 */
async function prepareVersion(page: Page, number: number) {
  await page
    .getByTestId('pane-footer')
    .getByRole('button', {name: new RegExp(`^Prepare version ${number} \\(.+\\)$`)})
    .click({timeout: STUDIO_LOAD_TIMEOUT})
}

async function latestPublished(): Promise<number> {
  return lakeClient(localUser('editor')).fetch<number>(
    `*[_type == "policyVersion" && status == "published"] | order(number desc)[0].number`,
  )
}

test.describe('publishing a new version of the policy', () => {
  test('an editor sees which links leave the site, and an unsafe address is refused in plain words', async ({
    browser,
    baseURL,
  }) => {
    const editor = localUser('editor')
    const lake = lakeClient(editor)
    const page = await openStudio(browser, baseURL!, editor)
    await page.goto('/studio/structure/sections')
    await page
      .getByRole('link')
      .filter({hasText: /#learn-more-about-privacy$/})
      .click({timeout: STUDIO_LOAD_TIMEOUT})

    const frenchBody = page.getByTestId('field-body.fr')
    const marker = frenchBody.getByTestId('outbound-link-marker').first()
    await expect(marker).toBeVisible({timeout: STUDIO_LOAD_TIMEOUT})
    await expect(marker).toHaveAccessibleName(
      /^Goes to another site \(.+\): opens in a new window, flagged to readers as another site\.$/,
    )

    // A script address slipped into a draft is reported on the field, with what to use instead.
    const section = await lake.getDocument('section-learn-more-about-privacy')
    const body = structuredClone(section!.body) as {fr: {markDefs: {href: string}[]}[]}
    const firstLinked = body.fr.find((block) => block.markDefs.length > 0)!
    firstLinked.markDefs[0]!.href = 'javascript:alert(1)'
    const editorWithDrafts = lake.withConfig({perspective: 'raw'})
    await editorWithDrafts.createOrReplace({
      ...section!,
      _id: 'drafts.section-learn-more-about-privacy',
      body,
    })
    try {
      // The draft cannot be published while the address is unsafe.
      await expect(page.getByTestId('action-publish')).toBeDisabled({timeout: DIALOG_TIMEOUT})
      await page
        .getByRole('button', {name: /validation/i})
        .first()
        .click({timeout: DIALOG_TIMEOUT})
      // Studio 6 also keeps the message, hidden, beside the field: the panel's is the one shown.
      await expect(
        page
          .getByText(/could run a script or open something other than a page/)
          .filter({visible: true})
          .first(),
      ).toBeVisible({
        timeout: DIALOG_TIMEOUT,
      })

      // In a link's editor, an address written without its https:// offers the corrected one,
      // its button whole in sight under the field, not cut off at the editor's bottom.
      await frenchBody
        .getByTestId('outbound-link-marker')
        .first()
        .locator('xpath=preceding-sibling::*[1]')
        .click()
      await page.getByRole('button', {name: 'Edit annotation'}).click({timeout: DIALOG_TIMEOUT})
      const address = page.getByRole('textbox', {name: 'Address'})
      await address.fill('www.example.org/privacy', {timeout: DIALOG_TIMEOUT})
      const fix = page.getByTestId('link-address-fix')
      await expect(fix).toHaveText('Use https://www.example.org/privacy', {
        timeout: DIALOG_TIMEOUT,
      })
      await expect(fix).toBeInViewport({ratio: 1})
      await fix.click()
      await expect(address).toHaveValue('https://www.example.org/privacy')
    } finally {
      await editorWithDrafts.delete('drafts.section-learn-more-about-privacy')
    }
    await page.context().close()
  })

  test('an editor prepares a candidate with its summary and date, a legal reviewer reads them in the comparison and approves, the editor publishes it and readers see it at once', async ({
    browser,
    baseURL,
  }) => {
    const editor = localUser('editor')
    const reviewer = localUser('legal-reviewer')
    const lake = lakeClient(editor)
    const latest = await latestPublished()
    const next = latest + 1
    // Unique per run, so that a rerun against the same lake proves a new change.
    const stamp = Date.now().toString(36)
    const sectionId = 'section-learn-more-about-privacy'
    const title = await lake.fetch<{fr: string; en: string}>(`*[_id == $id][0].title{fr, en}`, {
      id: sectionId,
    })
    const revised = {fr: `${title.fr} (révisé ${stamp})`, en: `${title.en} (revised ${stamp})`}
    const summary = {
      fr: `Titre de section révisé (${stamp}).`,
      en: `Section title revised (${stamp}).`,
    }

    // A French revision published alone: preparing warns that the English may lag behind.
    await lake.patch(sectionId).set({'title.fr': revised.fr}).commit()
    const studio = await openStudio(browser, baseURL!, editor)
    await studio.goto('/studio/structure/policy')
    await prepareVersion(studio, next)
    const prepare = studio.getByTestId('prepare-version-dialog')
    const warnings = prepare.getByTestId('prepare-warnings')
    await expect(warnings).toContainText(
      `(#learn-more-about-privacy): the French text changed since version ${latest}, the English text did not.`,
      {timeout: DIALOG_TIMEOUT},
    )
    await prepare.getByRole('button', {name: 'Cancel'}).click()

    // Once the English follows, she prepares it, with what readers will be told.
    await lake.patch(sectionId).set({'title.en': revised.en}).commit()
    await prepareVersion(studio, next)
    const prepareButton = prepare.getByRole('button', {
      name: `Prepare candidate for version ${next}`,
    })
    await expect(prepareButton).toBeEnabled({timeout: DIALOG_TIMEOUT})
    await expect(prepare.getByTestId('prepare-warnings')).toHaveCount(0)
    await expect(prepare.getByTestId('prepare-errors')).toHaveCount(0)
    // Both summaries are needed before anything is written.
    await prepareButton.click()
    await expect(prepare.getByRole('alert')).toContainText('Write the summary of changes in French')
    await prepare.getByLabel('Summary of changes in French').fill(summary.fr)
    await prepare.getByLabel('Summary of changes in English').fill(summary.en)
    const effectiveDate = await prepare
      .getByRole('group', {name: /Proposed effective date/})
      .getAttribute('data-value')
    await prepareButton.click()
    await expect(prepare.getByTestId('prepare-done')).toBeVisible({timeout: DIALOG_TIMEOUT})
    await prepare.getByRole('button', {name: 'Open the candidate'}).click()

    // Private until published: readers cannot fetch it.
    expect(
      await lakeClient({...editor, token: ''}).getDocument(`drafts.version-${next}`),
    ).toBeUndefined()
    await expect
      .poll(() =>
        lake.fetch(
          `*[_id == $id][0]{status, "by": preparedBy.userId, effectiveDate, "summary": changeSummary.en}`,
          {id: `drafts.version-${next}`},
          {perspective: 'raw'},
        ),
      )
      .toEqual({status: 'candidate', by: editor.id, effectiveDate, summary: summary.en})

    // The editor cannot approve her own candidate.
    const approve = studio.getByTestId('action-approve')
    await expect(approve).toBeDisabled({timeout: STUDIO_LOAD_TIMEOUT})
    // Said in words on the version, not only on hover, and read as the button's description.
    const refusal =
      'You cannot approve it: The person who prepared this version cannot also approve it: another person, a legal reviewer, must.'
    await expect(studio.getByTestId('workflow-refusal')).toHaveText(refusal)
    await expect(approve).toHaveAccessibleDescription(refusal)

    // The legal reviewer finds it waiting for her, reads the comparison, the summary and the date.
    const legal = await openStudio(browser, baseURL!, reviewer)
    await legal.goto('/studio/structure/awaiting-review')
    await legal
      .getByRole('link', {name: new RegExp(`Candidate for version ${next}`)})
      .click({timeout: STUDIO_LOAD_TIMEOUT})
    await legal
      .getByRole('tab', {name: 'Compare with published'})
      .click({timeout: STUDIO_LOAD_TIMEOUT})
    const comparison = legal.getByTestId('version-comparison')
    await expect(comparison.getByRole('heading', {level: 2})).toHaveText(
      `Changes from version ${latest} to this candidate`,
      {timeout: DIALOG_TIMEOUT},
    )
    const changed = comparison.getByTestId('compare-section-learn-more-about-privacy')
    await expect(changed).toHaveAttribute('data-status', 'modified')
    await expect(changed.locator('[lang="fr"] ins')).toContainText(`révisé ${stamp}`)
    await expect(changed.locator('[lang="en"] ins')).toContainText(`revised ${stamp}`)
    const proposal = comparison.getByTestId('version-proposal')
    await expect(proposal).toContainText(summary.fr)
    await expect(proposal).toContainText(summary.en)
    await expect(comparison.getByTestId('compare-fingerprint')).toContainText(
      'Not fingerprinted yet',
    )

    // The dialog restates what she signs; the site records and signs it.
    await legal.getByTestId('action-approve').click()
    const dialog = legal.getByTestId('approve-dialog')
    // What it changes, counted as the site's diff engine counts it (other stories edit sections too).
    const [before, after] = await Promise.all([
      lake.getDocument(`version-${latest}`),
      lake.withConfig({perspective: 'raw'}).getDocument(`drafts.version-${next}`),
    ])
    const {modified} = comparePolicies(storedContent(before!), storedContent(after!)).summary
    expect(modified).toBeGreaterThan(0)
    await expect(dialog).toContainText(
      `The text: ${modified} section(s) changed, 0 added, 0 removed`,
    )
    await expect(dialog).toContainText(summary.en)
    await dialog.getByRole('button', {name: 'Approve all of this'}).click()
    await expect
      .poll(
        () =>
          lake.fetch(
            `*[_id == $id][0]{status, "by": approval.userId}`,
            {id: `drafts.version-${next}`},
            {perspective: 'raw'},
          ),
        {timeout: DIALOG_TIMEOUT},
      )
      .toEqual({status: 'approved', by: reviewer.id})
    await legal.context().close()
    // The editor, who has the candidate open, sees who approved it and which record.
    await studio.getByRole('tab', {name: 'Compare with published'}).click()
    await expect(
      studio.getByTestId('version-comparison').getByTestId('compare-fingerprint'),
    ).toContainText(`Approved by ${reviewer.name}`, {timeout: DIALOG_TIMEOUT})

    // The editor publishes it: the number, the time and her name are all it adds.
    const publish = studio.getByTestId(`action-publishversion${next}`)
    await publish.click({timeout: STUDIO_LOAD_TIMEOUT})
    const publishDialog = studio.getByTestId('publish-dialog')
    await expect(publishDialog).toContainText(summary.fr)
    await expect(publishDialog.getByTestId('publish-stale')).toHaveCount(0)
    await publishDialog.getByRole('button', {name: `Publish version ${next}`}).click()
    await expect(studio.getByText(`Version ${next} is published`)).toBeVisible({
      timeout: DIALOG_TIMEOUT,
    })
    const publishedAt = Date.now()

    // Readers see it within seconds, as the current version, and in the history, verified.
    const reader = await browser.newPage({baseURL})
    await expect(async () => {
      await reader.goto(EN)
      await expect(reader.getByText(`Version ${next}`, {exact: true})).toBeVisible({timeout: 500})
    }).toPass({timeout: 10_000, intervals: [500]})
    expect(Date.now() - publishedAt).toBeLessThan(10_000)
    await expect(reader.getByRole('main')).toContainText(revised.en)
    await expect(reader.getByRole('alert').filter({hasText: 'Integrity warning'})).toHaveCount(0)
    await reader.goto(`${EN}/history`)
    const history = reader.locator('ol.history')
    await expect(history.getByRole('heading', {level: 2}).first()).toHaveText(
      new RegExp(`^Version ${next}`),
    )
    await expect(history).toContainText(summary.en)
    await expect(history.getByRole('listitem').first()).toContainText('Verified')

    const record = await lake.fetch<{
      status: string
      effectiveDate: string
      preparedBy: string
      approvedBy: string
      publishedBy: string
      links: {host: string; sectionKey?: string; language: string}[]
    }>(
      `*[_id == $id][0]{status, effectiveDate, "preparedBy": preparedBy.userId,
        "approvedBy": approval.userId, "publishedBy": publication.userId, "links": linkAudit.links}`,
      {id: `version-${next}`},
    )
    expect(record).toMatchObject({
      status: 'published',
      effectiveDate,
      preparedBy: editor.id,
      approvedBy: reviewer.id,
      publishedBy: editor.id,
    })
    expect(record.links).toContainEqual(
      expect.objectContaining({
        host: 'www.cai.gouv.qc.ca',
        sectionKey: 'learn-more-about-privacy',
        language: 'fr',
      }),
    )

    // Published means read-only: no action is left to change it.
    await expect(studio.getByTestId(`action-publishversion${next}`)).toHaveCount(0)
    await expect(studio.getByTestId('action-approve')).toHaveCount(0)
    await studio.context().close()
    await reader.close()
  })

  test('an edit published after approval is shown on the candidate, to the reviewer and to the editor, who publishes knowing it waits for the next version', async ({
    browser,
    baseURL,
  }) => {
    const editor = localUser('editor')
    const reviewer = localUser('legal-reviewer')
    const lake = lakeClient(editor)
    const next = (await latestPublished()) + 1
    const stamp = Date.now().toString(36)

    // Prepared, then approved, as the Studio does it through the site.
    const candidate = await lake.create(await prepareCandidate(lake, next))
    const approved = await signoffThroughSite(baseURL!, 'approve', reviewer.token, {
      id: candidate._id,
      revision: candidate._rev,
    })
    expect(approved.status).toBe(200)
    // Then the editor publishes an edit to a section.
    await lake
      .patch('section-cookies')
      .set({'title.en': `Cookies (${stamp})`})
      .commit()

    const studio = await openStudio(browser, baseURL!, editor)
    await studio.goto('/studio/structure/versions')
    const item = studio.getByRole('link', {name: new RegExp(`Candidate for version ${next}`)})
    await expect(item).toContainText('out of date: #cookies', {timeout: STUDIO_LOAD_TIMEOUT})
    await item.click()
    await expect(studio.getByText('Out of date', {exact: true}).first()).toBeVisible({
      timeout: STUDIO_LOAD_TIMEOUT,
    })

    await studio.getByTestId(`action-publishversion${next}`).click({timeout: STUDIO_LOAD_TIMEOUT})
    const dialog = studio.getByTestId('publish-dialog')
    const stale = dialog.getByTestId('publish-stale')
    await expect(stale).toContainText('It does not hold these newer edits: #cookies.')
    const confirm = dialog.getByRole('button', {name: `Publish version ${next}`})
    await expect(confirm).toBeDisabled()
    await stale
      .getByLabel('Publish without them: the newer edits wait for the next version')
      .check()
    await confirm.click()
    await expect(studio.getByText(`Version ${next} is published`)).toBeVisible({
      timeout: DIALOG_TIMEOUT,
    })
    expect(
      await lake.fetch(`*[_id == $id][0].publication.staleAcknowledged`, {id: `version-${next}`}),
    ).toBe(true)
    await studio.context().close()
  })
})
