import AxeBuilder from '@axe-core/playwright'
import {expect, test, type Page} from '@playwright/test'
import {
  urlSearchParamPreviewPathname,
  urlSearchParamPreviewSecret,
} from '@sanity/preview-url-secret'
import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import type {SanityDocument} from '@sanity/client'
import {E2E_SITE_PORT} from '../../playwright.config'
import {lakeClient, localUser, logInToStudio, STUDIO_LOAD_TIMEOUT} from './helpers/studio'

const FR = '/fr/politique-de-confidentialite'
const EN = '/en/privacy-policy'
const DRAFT_ID = 'drafts.section-cookies'

// Unique per run, so that a rerun against the same lake proves a new draft.
const stamp = Date.now().toString(36)
const englishDraft = `Cookies are kept for one hour at most (draft ${stamp}).`
const frenchDraft = `Les témoins sont conservés une heure au plus (brouillon ${stamp}).`
// A candidate is the private draft of the version it will become.
const candidateId = 'version-3'
const candidateTitle = `Cookies, as proposed (${stamp})`

function block(key: string, text: string) {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [],
    children: [{_type: 'span', _key: `${key}-span`, text, marks: []}],
  }
}

/** What the Presentation tool does: a short-lived secret in the dataset, then the enable route. */
async function enablePreviewAs(page: Page, pathname: string): Promise<void> {
  const editor = localUser('editor')
  const studioUrl = `http://localhost:${E2E_SITE_PORT}/studio/presentation`
  const {secret} = await createPreviewSecret(
    lakeClient(editor),
    'sanity/presentation',
    studioUrl,
    editor.id,
  )
  const search = new URLSearchParams({
    [urlSearchParamPreviewSecret]: secret,
    [urlSearchParamPreviewPathname]: pathname,
  })
  await page.goto(`/api/draft-mode/enable?${search}`)
}

test.describe('previewing drafts', () => {
  test.describe.configure({mode: 'serial'})

  test.beforeAll(async () => {
    // An editor changes the Cookies section in both languages, without publishing.
    const lake = lakeClient(localUser('editor'))
    const published = await lake.getDocument<SanityDocument>('section-cookies')
    if (!published) throw new Error('The seed has no Cookies section.')
    const body = published.body as {fr: unknown[]; en: unknown[]}
    await lake.createOrReplace({
      ...published,
      _id: DRAFT_ID,
      body: {
        ...body,
        fr: [...body.fr, block('e2e-preview-fr', frenchDraft)],
        en: [...body.en, block('e2e-preview-en', englishDraft)],
      },
    })
    // And a version is being prepared: a candidate, not published.
    const current = await lake.getDocument<SanityDocument>('version-2')
    if (!current) throw new Error('The seed has no version 2.')
    const sections = current.sections as {key: string; title: {fr: string; en: string}}[]
    const editor = localUser('editor')
    await lake.create({
      _id: `drafts.${candidateId}`,
      _type: 'policyVersion',
      status: 'candidate',
      number: 3,
      preparedBy: {userId: editor.id, name: editor.name, at: new Date().toISOString()},
      changeSummary: {fr: 'Témoins révisés.', en: 'Cookies revised.'},
      effectiveDate: '2031-01-01',
      title: current.title,
      organisationName: current.organisationName,
      introduction: current.introduction,
      sections: sections.map((section) =>
        section.key === 'cookies'
          ? {...section, title: {...section.title, en: candidateTitle}}
          : section,
      ),
    })
  })

  test.afterAll(async () => {
    // Discard what this spec made, so that the other specs read the seed.
    const lake = lakeClient(localUser('editor'))
    await lake.transaction().delete(DRAFT_ID).delete(`drafts.${candidateId}`).commit()
  })

  test('a visitor never sees an editor’s unpublished draft', async ({page, request}) => {
    const response = await request.get(EN)
    expect(response.status()).toBe(200)
    expect(await response.text()).not.toContain(stamp)

    await page.goto(EN)
    await expect(page.getByRole('heading', {level: 2, name: 'Cookies'})).toBeVisible()
    await expect(page.getByRole('main')).not.toContainText(englishDraft)
    await expect(page.getByRole('note', {name: 'Preview, not published'})).toHaveCount(0)
  })

  test('an editor previews the draft in the real page under a banner, in both languages, then leaves the preview', async ({
    page,
    browser,
  }) => {
    await enablePreviewAs(page, EN)
    await expect(page).toHaveURL(EN)
    const banner = page.getByRole('note', {name: 'Preview, not published'})
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('working drafts as the next version would freeze them')
    const cookies = page.locator('section#cookies')
    await expect(cookies.getByRole('heading', {level: 2})).toHaveText('Cookies')
    await expect(cookies).toContainText(englishDraft)
    await expect(page).toHaveTitle(/^Preview · Privacy policy/)
    // The server's token never reaches the browser.
    expect(await page.content()).not.toContain(localUser('editor').token)
    // The banner keeps the page as accessible as the published one.
    const audit = await new AxeBuilder({page})
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze()
    expect(audit.violations.map((violation) => violation.id)).toEqual([])

    // Meanwhile, anyone else still reads the published policy, from a fresh browser or not.
    const visitor = await browser.newContext()
    const visitorPage = await visitor.newPage()
    await visitorPage.goto(EN)
    await expect(visitorPage.locator('section#cookies')).toBeVisible()
    await expect(visitorPage.getByRole('main')).not.toContainText(englishDraft)
    await expect(visitorPage.getByRole('note', {name: 'Preview, not published'})).toHaveCount(0)
    await visitor.close()

    // The language switcher keeps the preview on.
    await page.getByRole('navigation', {name: 'Language'}).getByRole('link').click()
    await expect(page).toHaveURL(new RegExp(`${FR}(#.*)?$`))
    const frenchBanner = page.getByRole('note', {name: 'Aperçu — non publié'})
    await expect(frenchBanner).toBeVisible()
    await expect(page.locator('section#cookies')).toContainText(frenchDraft)

    // A published version is shown as published, with preview still on.
    await page.goto('/en/privacy-policy/versions/2')
    await expect(page.getByRole('note', {name: 'Preview mode'})).toContainText(
      'This version is published',
    )

    await page.goto(FR)
    await frenchBanner.getByRole('link', {name: 'Quitter l’aperçu'}).click()
    await expect(page).toHaveURL(FR)
    await expect(page.getByRole('note', {name: 'Aperçu — non publié'})).toHaveCount(0)
    await expect(page.locator('section#cookies')).toBeVisible()
    await expect(page.getByRole('main')).not.toContainText(frenchDraft)
    await page.goto(EN)
    await expect(page.getByRole('main')).not.toContainText(englishDraft)
  })

  test('a candidate version is previewed by editors only', async ({page, request}) => {
    const address = `/en/privacy-policy/preview/${candidateId}`
    expect((await request.get(address)).status()).toBe(404)

    await enablePreviewAs(page, address)
    await expect(page).toHaveURL(address)
    const banner = page.getByRole('note', {name: 'Preview, not published'})
    await expect(banner).toContainText('Candidate version, awaiting legal approval.')
    await expect(banner).toContainText('Planned effective date: January 1, 2031.')
    await expect(page.getByRole('heading', {level: 2, name: candidateTitle})).toBeVisible()

    // Still nobody else's to see.
    expect((await request.get(address)).status()).toBe(404)
    await banner.getByRole('link', {name: 'Leave preview'}).click()
    await expect(page).toHaveURL(EN)
    expect((await page.goto(address))?.status()).toBe(404)
  })

  test('a wrong secret does not turn preview on, and leaving never sends anyone to another site', async ({
    page,
    request,
  }) => {
    const search = new URLSearchParams({
      [urlSearchParamPreviewSecret]: 'not-the-secret',
      [urlSearchParamPreviewPathname]: EN,
    })
    const refused = await page.goto(`/api/draft-mode/enable?${search}`)
    expect(refused?.status()).toBe(401)
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain(
      '__prerender_bypass',
    )
    await page.goto(EN)
    await expect(page.getByRole('main')).not.toContainText(englishDraft)

    const leave = await request.get('/api/draft-mode/disable?redirect=//elsewhere.example/', {
      maxRedirects: 0,
    })
    expect(leave.status()).toBe(307)
    expect(leave.headers().location).toBe('/')
  })

  test('in the Studio, an editor sees her draft in the page beside the form, the page follows her typing, and shows the published documents when she asks', async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000)
    // The Studio's preview needs the content source's live events (Sanity's Live Content API).
    const retitled = `Témoins (${stamp})`
    await logInToStudio(page, localUser('editor'))
    await page.goto(
      `/studio/presentation/policySection/section-cookies?${new URLSearchParams({preview: FR})}`,
    )
    const preview = page.frameLocator('iframe').first()
    await expect(preview.getByRole('note', {name: 'Aperçu — non publié'})).toBeVisible({
      timeout: STUDIO_LOAD_TIMEOUT,
    })
    await expect(preview.locator('section#cookies')).toContainText(frenchDraft)

    await page
      .getByTestId('field-title.fr')
      .getByRole('textbox')
      .fill(retitled, {timeout: STUDIO_LOAD_TIMEOUT})
    await expect(preview.getByRole('heading', {level: 2, name: retitled})).toBeVisible({
      timeout: 30_000,
    })
    expect(await (await request.get(FR)).text()).not.toContain(retitled)

    // Choosing the published document shows the page as the published documents would make it.
    await page.getByRole('button', {name: 'Published', exact: true}).click()
    await expect(preview.getByRole('note', {name: 'Aperçu — non publié'})).toContainText(
      'sans les brouillons',
    )
    await expect(preview.getByRole('heading', {level: 2, name: 'Témoins'})).toBeVisible()
    await expect(preview.locator('section#cookies')).not.toContainText(frenchDraft)
  })
})
