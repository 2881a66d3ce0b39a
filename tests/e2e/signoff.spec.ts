import {spawnSync} from 'node:child_process'
import {expect, test, type Page} from '@playwright/test'
import {versionRecord} from '../../lib/policy/record'
import {fingerprintSync} from '../../lib/policy/signoff'
import type {LakeDocument} from '../../sanity/lake/core'
import {verifySite} from '../../scripts/verify'
import {prepareCandidate, signoffThroughSite} from '../fixtures/signoff'
import {startIsolatedSite, type IsolatedSite} from './helpers/isolatedSite'

/**
 * The sign-off against a content source that enforces nothing, as a hosted Sanity project
 * behaves (the embedded lake with its rules off): only the site's endpoints and its verification
 * stand between a hostile project member and a version that looks signed.
 */

const EN = '/en/privacy-policy'

test.describe.configure({mode: 'serial', timeout: 120_000})

let site: IsolatedSite

test.beforeAll(async () => {
  site = await startIsolatedSite({workflowRules: false})
})

test.afterAll(async () => {
  await site?.stop()
})

/** The ids and revisions of the versions, candidates included: proof that nothing was written. */
async function snapshot() {
  return site
    .client('editor')
    .fetch<{_id: string; _rev: string}[]>(
      `*[_type == "policyVersion"]{_id, _rev} | order(_id asc)`,
      {},
      {perspective: 'raw'},
    )
}

async function expectRefused(
  step: 'approve' | 'publish',
  token: string | undefined,
  body: unknown,
  status: number,
  code?: string,
) {
  const before = await snapshot()
  const answer = await signoffThroughSite(site.url, step, token, body)
  expect(answer.status, JSON.stringify(answer.body)).toBe(status)
  if (code) expect(answer.body.error?.code).toBe(code)
  expect(await snapshot()).toEqual(before)
  return answer
}

async function revisionOf(id: string) {
  return (await site.client('editor').getDocument(id))!._rev
}

function runVerify(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/verify.ts', ...args],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  )
}

test('anyone verifies the published history from the public site alone, with the command in the project', async () => {
  const report = await verifySite(site.url)
  expect(report.firstFailure).toBeUndefined()
  expect(report.lines).toEqual([
    expect.stringMatching(/^Version 1: verified \(fingerprint [0-9a-f]{64}\)$/),
    expect.stringMatching(/^Version 2: verified/),
  ])
  const command = runVerify(site.url)
  expect(command.status, command.stderr).toBe(0)
  expect(command.stdout).toContain('The history verifies: 2 version(s), chained and signed.')
})

test('the site’s endpoints refuse every way around the sign-off, and write nothing when they refuse', async () => {
  const editor = site.client('editor')
  const reviewer = site.token('legal-reviewer')
  const editorToken = site.token('editor')
  const candidate = await editor.create(await prepareCandidate(editor, 3))
  const id = candidate._id
  expect(id).toBe('drafts.version-3')
  // Private: a visitor cannot read it, even knowing its id.
  const anonymous = await fetch(`${site.lake.url}/v2025-02-19/data/doc/production/${id}`).then(
    (response) => response.json() as Promise<{documents: unknown[]}>,
  )
  expect(anonymous.documents).toEqual([])

  // Who is asking is established by the content source, never taken from the request.
  await expectRefused('approve', undefined, {id, revision: candidate._rev}, 401, 'not-signed-in')
  await expectRefused('approve', `sk${'x'.repeat(62)}`, {id, revision: candidate._rev}, 401)
  await expectRefused('approve', reviewer, '{not json', 400, 'bad-request')
  await expectRefused('approve', editorToken, {id, revision: candidate._rev}, 403, 'not-a-reviewer')
  await expectRefused('publish', editorToken, {id, revision: candidate._rev}, 409, 'not-approved')
  await expectRefused(
    'approve',
    reviewer,
    {id, revision: 'an-older-revision'},
    409,
    'candidate-changed',
  )

  // The reviewer approves what she read.
  const approved = await signoffThroughSite(site.url, 'approve', reviewer, {
    id,
    revision: candidate._rev,
  })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  const sealed = await editor.getDocument(id)
  expect(sealed).toMatchObject({
    status: 'approved',
    approval: {userId: 'p-legal-reviewer', fingerprint: approved.body.fingerprint},
  })

  // A summary changed after approval is not what was approved…
  await editor.patch(id).set({'changeSummary.en': 'Something else entirely.'}).commit()
  await expectRefused(
    'publish',
    editorToken,
    {id, revision: await revisionOf(id)},
    409,
    'record-differs-from-approval',
  )
  // …nor a date moved back.
  await editor
    .patch(id)
    .set({changeSummary: sealed!.changeSummary, effectiveDate: '2001-01-01'})
    .commit()
  await expectRefused(
    'publish',
    editorToken,
    {id, revision: await revisionOf(id)},
    409,
    'record-differs-from-approval',
  )
  await editor.patch(id).set({effectiveDate: sealed!.effectiveDate}).commit()

  // An edit published after approval: the editor is told which section the candidate lacks.
  await editor
    .patch('section-cookies')
    .set({'title.en': 'Cookies, revised after approval'})
    .commit()
  const stale = await expectRefused(
    'publish',
    editorToken,
    {id, revision: await revisionOf(id)},
    409,
    'candidate-stale',
  )
  expect(stale.body.error?.params).toEqual({sections: '#cookies'})
  // She confirms the newer edits wait for the next version.
  const published = await signoffThroughSite(site.url, 'publish', editorToken, {
    id,
    revision: await revisionOf(id),
    acknowledgeStale: true,
  })
  expect(published.status, JSON.stringify(published.body)).toBe(200)
  expect(await editor.getDocument(id)).toBeUndefined()
  expect(await editor.getDocument('version-3')).toMatchObject({
    status: 'published',
    preparedBy: {userId: 'p-editor'},
    approval: {userId: 'p-legal-reviewer'},
    publication: {userId: 'p-editor', staleAcknowledged: true},
  })
  expect((await verifySite(site.url)).firstFailure).toBeUndefined()

  // Version 4: the reviewer edits a section herself, then would approve what brings it.
  const reviewerClient = site.client('legal-reviewer')
  await reviewerClient
    .patch('section-links-to-other-sites')
    .set({'title.en': 'Links, by the reviewer'})
    .commit()
  const next = await editor.create(await prepareCandidate(editor, 4))
  const authored = await expectRefused(
    'approve',
    reviewer,
    {id: next._id, revision: next._rev},
    403,
    'reviewer-authored-changes',
  )
  expect(authored.body.error?.params).toEqual({
    documents: expect.stringContaining('section-links-to-other-sites'),
  })
  // Nor can she approve a candidate she prepared herself.
  const own = await reviewerClient.createOrReplace(await prepareCandidate(reviewerClient, 4))
  await expectRefused('approve', reviewer, {id: own._id, revision: own._rev}, 403, 'self-approval')
})

async function expectFlagged(page: Page, path: string, text: RegExp | string) {
  await page.goto(`${site.url}${path}`)
  const alert = page.getByRole('alert').filter({hasText: /Integrity warning|Avertissement/})
  await expect(alert).toContainText(text)
}

test('a version changed and re-hashed in storage fails verification, named, and is flagged on every page, feed and JSON', async ({
  page,
}) => {
  await site.alterStorage('version-2', (doc: LakeDocument) => {
    const sections = doc.sections as {title: {en: string}}[]
    sections[0]!.title.en = 'Cookies (quietly rewritten)'
    const fingerprint = fingerprintSync(versionRecord(doc))
    return {...doc, fingerprint, approval: {...(doc.approval as object), fingerprint}}
  })

  const report = await verifySite(site.url)
  expect(report.firstFailure).toBe(2)
  expect(report.lines).toContainEqual(
    'Version 2: DOES NOT VERIFY (approval-signature-invalid, publication-signature-invalid)',
  )
  expect(report.lines).toContainEqual('Version 3: DOES NOT VERIFY (chain-broken)')
  const command = runVerify(site.url)
  expect(command.status).toBe(1)
  expect(command.stderr).toContain('The history does not verify, from version 2.')

  await expectFlagged(page, '/en/privacy-policy/versions/2', 'Version 2 does not verify')
  await expectFlagged(page, EN, 'Version 3 does not verify')
  await expectFlagged(
    page,
    '/fr/politique-de-confidentialite/historique',
    'La version 2 ne se vérifie pas',
  )
  await expectFlagged(page, '/en/privacy-policy/compare?from=2&to=3', 'Version 2 does not verify')
  const history = page.locator('ol.history')
  await page.goto(`${site.url}/en/privacy-policy/history`)
  await expect(history.getByRole('listitem').filter({hasText: /^Version 2/})).toContainText(
    'Does not verify',
  )
  await expect(history.getByRole('listitem').filter({hasText: /^Version 1/})).toContainText(
    'Verified',
  )

  const feed = await (await fetch(`${site.url}/en/feed.xml`)).text()
  expect(feed).toContain('This version does not verify')
  const list = (await (await fetch(`${site.url}/api/versions`)).json()) as {
    verified: boolean
    versions: {number: number; verification: {verified: boolean}}[]
  }
  expect(list.verified).toBe(false)
  expect(list.versions.find((version) => version.number === 2)?.verification.verified).toBe(false)
  const two = (await (await fetch(`${site.url}/api/versions/2`)).json()) as {
    verification: {verified: boolean; problems: string[]}
  }
  expect(two.verification).toEqual({
    verified: false,
    problems: ['approval-signature-invalid', 'publication-signature-invalid'],
  })

  // Nothing new can be chained to a history that does not verify.
  const editor = site.client('editor')
  await editor.delete('drafts.version-4')
  const candidate = await editor.create(await prepareCandidate(editor, 4))
  const refused = await signoffThroughSite(site.url, 'approve', site.token('legal-reviewer'), {
    id: candidate._id,
    revision: candidate._rev,
  })
  expect(refused.body.error).toMatchObject({code: 'history-does-not-verify', params: {number: 2}})
})

test('a version deleted, or one published straight into the content source, is reported on every page', async ({
  page,
}) => {
  const reviewer = site.client('legal-reviewer')
  // Published by hand with a copied approval, unsigned by the site.
  const three = (await reviewer.getDocument('version-3'))!
  await reviewer.create({
    ...three,
    _id: 'version-5',
    number: 5,
    previousFingerprint: null,
    publication: undefined,
  })
  await reviewer.delete('version-1')
  await site.revalidate()

  await expectFlagged(page, EN, 'Version 5 does not verify')
  await expectFlagged(page, EN, 'Versions 1, 4 are missing from the published history')
  await expectFlagged(page, '/en/privacy-policy/history', 'Versions 1, 4 are missing')
  const report = await verifySite(site.url)
  expect(report.firstFailure).toBe(1)
  expect(report.lines).toContainEqual('Version 1: MISSING from the history')
  expect(report.verification.versions.find((version) => version.number === 5)?.problems).toEqual(
    expect.arrayContaining([
      {code: 'approval-signature-invalid'},
      {code: 'not-published-by-site'},
      {code: 'follows-missing-version', missing: [1, 4]},
    ]),
  )
})
