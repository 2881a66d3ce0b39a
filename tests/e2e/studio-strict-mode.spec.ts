import {expect, test, type ConsoleMessage} from '@playwright/test'
import {VERSIONING_RESOURCES} from '../../sanity/studio/versioning/i18n'
import {latestPublished, prepareCandidate} from '../fixtures/signoff'
import {startDevSite, type DevSite} from './helpers/devSite'
import {lakeClient, localUser, logInToStudio} from './helpers/studio'

/**
 * The signing loop's critical path in the Studio under React's strict mode. Strict mode (each
 * component mounted, unmounted and mounted again, each effect run twice) exists only in a
 * development build: `next.config.ts` asks for it, `npm run dev` serves with it, and the other
 * specs, which run against the production build, never see it. Studio 6 is written for it, and
 * code of ours that holds state across an effect's cleanup breaks only here (a pane that loses its
 * child after an approval, an effect that subscribes twice). So this spec starts its own copy of
 * the product with Next's development server, on its own ports, lake data and Next folder, and
 * walks the legal reviewer through an approval there.
 */

// Next compiles /studio on its first request, in development: minutes on a busy small machine.
const COMPILE_TIMEOUT = 240_000
const STEP_TIMEOUT = 30_000
const EN = VERSIONING_RESOURCES['en-US']

test.describe.configure({mode: 'serial', timeout: 420_000})

let site: DevSite

test.beforeAll(async () => {
  test.setTimeout(COMPILE_TIMEOUT + 60_000)
  site = await startDevSite()
})

test.afterAll(async () => {
  await site?.stop()
})

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))
}

/**
 * The console errors that are no fault of the page's code, which the browser writes of requests
 * refused on an offline machine: Sanity's own hosts (fonts, its release check, its feedback),
 * blocked by the Studio's Content-Security-Policy or unreachable, and a missing resource's status.
 * Everything else (React's warnings, an error a component threw) fails the test.
 */
function isRefusedRequest(text: string): boolean {
  return (
    text.startsWith('Failed to load resource: ') ||
    text.startsWith('Fetch API cannot load ') ||
    text.startsWith('Failed to fetch version for package ') ||
    /violates the following Content Security Policy directive: "(connect|font)-src /.test(text)
  )
}

test('in development, under strict mode, the legal reviewer approves a candidate in the Studio and stays on it, which then awaits publication', async ({
  browser,
}, testInfo) => {
  const editor = localUser('editor', site.lakeDataDir)
  const reviewer = localUser('legal-reviewer', site.lakeDataDir)
  const lake = lakeClient(editor, site.lakePort)
  const next = ((await latestPublished(lake))?.number ?? 0) + 1
  await lake.create(await prepareCandidate(lake, next))

  const context = await browser.newContext({baseURL: site.url, ignoreHTTPSErrors: true})
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`))
  await logInToStudio(page, reviewer)

  try {
    await page.goto('/studio/structure', {timeout: COMPILE_TIMEOUT})
    // A development build: Next's overlay is on the page, and with it React's strict mode.
    await expect(page.locator('nextjs-portal')).toBeAttached({timeout: COMPILE_TIMEOUT})

    // Her desk: the candidate awaits her review.
    await page
      .getByRole('link', {name: EN['structure.yourTurn_one']})
      .click({timeout: COMPILE_TIMEOUT})
    await page
      .getByRole('link', {
        name: new RegExp(
          `${fill(EN['preview.candidate']!, {number: next})} · ${EN['turn.review']}`,
        ),
      })
      .click({timeout: COMPILE_TIMEOUT})
    const notice = page.getByTestId('workflow-notice')
    await expect(notice.getByTestId('workflow-turn')).toHaveText(EN['workflow.yours.review']!, {
      timeout: COMPILE_TIMEOUT,
    })

    await page
      .getByTestId('pane-footer')
      .getByRole('button', {name: EN['approve.label'], exact: true})
      .click({timeout: STEP_TIMEOUT})
    await page
      .getByTestId('approve-dialog')
      .getByRole('button', {name: EN['approve.confirm']})
      .click({timeout: STEP_TIMEOUT})

    // Her pane stays open on the version, which now awaits an editor's publication.
    await expect(notice.getByTestId('version-status')).toHaveText(EN['status.approved']!, {
      timeout: STEP_TIMEOUT,
    })
    await expect(notice.getByTestId('workflow-last')).toContainText(`Approved by ${reviewer.name}`)
    await expect(notice.getByTestId('workflow-next')).toHaveText(EN['workflow.next.publish']!)
    await expect(page.getByTestId('document-pane')).toBeVisible()
    await expect(page.getByText('Pane returned no child')).toHaveCount(0)
    await expect(page.getByText('Encountered an error while reading structure')).toHaveCount(0)
    // The lake has it too, signed by her.
    expect(
      await lake.fetch(
        `*[_id == $id][0]{status, "by": approval.userId}`,
        {id: `drafts.version-${next}`},
        {perspective: 'raw'},
      ),
    ).toEqual({status: 'approved', by: reviewer.id})

    // Nothing from React: no warning of strict mode's, no error an effect or a render threw.
    expect(errors.filter((text) => !isRefusedRequest(text))).toEqual([])
  } catch (error) {
    await testInfo.attach('console errors', {body: errors.join('\n\n')})
    await testInfo.attach('product output', {body: site.output()})
    throw error
  } finally {
    await context.close()
  }
})
