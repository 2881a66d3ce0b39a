import path from 'node:path'
import {expect, test} from '@playwright/test'
import {AUTHORSHIP_RECORD_FILE_NAME, readRecord} from '../../lib/policy/authorshipRecord'
import {verifySite} from '../../scripts/verify'
import {prepareCandidate, signoffThroughSite} from '../fixtures/signoff'
import {startIsolatedSite, type IsolatedSite} from './helpers/isolatedSite'

/**
 * Who may do what, judged from who wrote what, against a content source that enforces nothing
 * (the embedded lake with its rules off, as a hosted Sanity project behaves): the site alone
 * stands between a project member with a second token and a version that verifies everywhere.
 */

test.describe.configure({mode: 'serial', timeout: 120_000})

let site: IsolatedSite

test.beforeAll(async () => {
  site = await startIsolatedSite({workflowRules: false})
})

test.afterAll(async () => {
  await site?.stop()
})

async function candidateIds() {
  return site
    .client('editor')
    .fetch<{_id: string; _rev: string}[]>(
      `*[_type == "policyVersion"]{_id, _rev} | order(_id asc)`,
      {},
      {perspective: 'raw'},
    )
}

test('a candidate that names “Jean Dupont (DPO)”, who does not exist, as its preparer is never signed; its real author’s is, and only an editor publishes it', async () => {
  const editor = site.client('editor')
  const reviewer = site.token('legal-reviewer')
  await editor.patch('section-cookies').set({'title.en': 'Cookies and similar tools'}).commit()

  const prepared = await prepareCandidate(editor, 3)
  const forged = await editor.create({
    ...prepared,
    preparedBy: {...prepared.preparedBy, userId: 'p-jean-dupont', name: 'Jean Dupont (DPO)'},
  })
  const before = await candidateIds()
  const refused = await signoffThroughSite(site.url, 'approve', reviewer, {
    id: forged._id,
    revision: forged._rev,
  })
  expect(refused.status, JSON.stringify(refused.body)).toBe(403)
  expect(refused.body.error?.code).toBe('prepared-by-mismatch')
  expect(await candidateIds()).toEqual(before)
  expect((await fetch(`${site.url}/api/versions/3`)).status).toBe(404)

  // Prepared again, in her own name: the reviewer approves it…
  const honest = await editor.createOrReplace(prepared)
  const approved = await signoffThroughSite(site.url, 'approve', reviewer, {
    id: honest._id,
    revision: honest._rev,
  })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  const revision = (await editor.getDocument(honest._id))!._rev
  // …but publishing is an editor's: the lake's legal reviewer is none.
  const byReviewer = await signoffThroughSite(site.url, 'publish', reviewer, {
    id: honest._id,
    revision,
  })
  expect(byReviewer.status).toBe(403)
  expect(byReviewer.body.error?.code).toBe('not-a-publisher')
  const published = await signoffThroughSite(site.url, 'publish', site.token('editor'), {
    id: honest._id,
    revision,
  })
  expect(published.status, JSON.stringify(published.body)).toBe(200)
  await site.revalidate()
  await expect
    .poll(async () => {
      const response = await fetch(`${site.url}/api/versions/3`)
      return response.ok ? ((await response.json()) as {preparedBy: {name: string}}) : undefined
    })
    .toMatchObject({preparedBy: {name: 'Camille Tremblay'}, verification: {verified: true}})
})

test('the reviewer who writes the change with a second token, a robot, cannot approve it: the site names the robot, signs nothing, and the history still verifies', async () => {
  const robot = await site.addRobot('r-import-script', 'Import script')
  await robot.patch('section-cookies').set({'title.en': 'Cookies, as legal wants them'}).commit()
  const editor = site.client('editor')
  const candidate = await editor.create(await prepareCandidate(editor, 4))
  const before = await candidateIds()
  const refused = await signoffThroughSite(site.url, 'approve', site.token('legal-reviewer'), {
    id: candidate._id,
    revision: candidate._rev,
  })
  expect(refused.status, JSON.stringify(refused.body)).toBe(403)
  expect(refused.body.error).toMatchObject({
    code: 'unidentified-authors',
    params: {authors: 'r-import-script', documents: 'section-cookies'},
  })
  expect(await candidateIds()).toEqual(before)
  const publish = await signoffThroughSite(site.url, 'publish', site.token('editor'), {
    id: candidate._id,
    revision: candidate._rev,
  })
  expect(publish.body.error?.code).toBe('not-approved')

  const report = await verifySite(site.url)
  expect(report.firstFailure).toBeUndefined()
  expect(report.lines).toHaveLength(3)
})

test('the site’s own record saw every write as it happened, and joined what it missed while the content source restarted', async () => {
  const file = path.join(site.siteDataDir, AUTHORSHIP_RECORD_FILE_NAME)
  // Unbroken since before version 3 was published: the lake restarted to take the robot in, and
  // the site read what it missed from the history once it was back.
  await expect
    .poll(
      () => {
        const {writes} = readRecord(file)
        const created = (id: string) => writes.some((write) => write.created.includes(id))
        return {
          version3: created('version-3'),
          candidate4: created('drafts.version-4'),
          robot: writes.some(
            (write) =>
              write.author === 'r-import-script' && write.documentIds.includes('section-cookies'),
          ),
        }
      },
      {timeout: 30_000},
    )
    .toEqual({version3: true, candidate4: true, robot: true})
})

test.describe('with the lake’s rules on', () => {
  test('the reviewer’s robot cannot bring words she then approves there either: the site refuses before anything is written', async () => {
    const guarded = await startIsolatedSite()
    try {
      const robot = await guarded.addRobot('r-import-script', 'Import script')
      await robot
        .patch('section-cookies')
        .set({'title.en': 'Cookies, as legal wants them'})
        .commit()
      const editor = guarded.client('editor')
      const candidate = await editor.create(await prepareCandidate(editor, 3))
      const refused = await signoffThroughSite(
        guarded.url,
        'approve',
        guarded.token('legal-reviewer'),
        {id: candidate._id, revision: candidate._rev},
      )
      expect(refused.status, JSON.stringify(refused.body)).toBe(403)
      expect(refused.body.error).toMatchObject({
        code: 'unidentified-authors',
        params: {authors: 'r-import-script', documents: 'section-cookies'},
      })
      expect(await editor.getDocument(candidate._id)).toMatchObject({status: 'candidate'})
    } finally {
      await guarded.stop()
    }
  })
})
