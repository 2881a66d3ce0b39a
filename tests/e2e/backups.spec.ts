import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {expect, test} from '@playwright/test'
import {generateSigningKey} from '../../lib/policy/signingKeys'
import {exportDocuments, importDocuments} from '../../sanity/lake/sanityTools'
import {verifySite} from '../../scripts/verify'
import {startIsolatedSite, type IsolatedSite} from './helpers/isolatedSite'
import {publishVersion} from './helpers/publish'
import {whatAReaderGets} from './helpers/readerView'

/**
 * A policy moved with Sanity's own export and import: the site on the new lake serves the same
 * pages, and anyone can check its history from the public site alone, as before the move.
 */

const PAGES = [
  '/fr/politique-de-confidentialite',
  '/en/privacy-policy',
  '/en/privacy-policy/history',
  '/fr/politique-de-confidentialite/versions/1',
  '/en/privacy-policy/compare?from=2&to=3',
  '/api/versions',
]

let folder: string
let before: IsolatedSite
let after: IsolatedSite

test.describe.configure({mode: 'serial'})

test.beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'policy-move-'))
  // The organisation keeps its signing key when it moves: the new lake trusts what it signed.
  const {pem} = generateSigningKey()
  // It keeps its public address too: the versions it signed name that address.
  const siteUrl = 'https://policy.example.org'
  before = await startIsolatedSite({signingKey: pem, siteUrl})
  await publishVersion(before, {
    title: {fr: 'Politique de confidentialité (2027)', en: 'Privacy policy (2027)'},
    summary: {fr: 'Titre mis à jour.', en: 'Title updated.'},
  })
  const exported = path.join(folder, 'policy.tar.gz')
  await exportDocuments(before.client('editor'), exported)

  const empty = path.join(folder, 'empty.ndjson')
  writeFileSync(empty, '')
  after = await startIsolatedSite({signingKey: pem, seedFile: empty, siteUrl})
  await importDocuments(after.client('editor'), exported)
  await after.revalidate()
  // Both sites serve version 3 before they are compared (the first one's webhook may still be on
  // its way when the lake acknowledges the publication).
  for (const site of [before, after]) {
    await expect
      .poll(async () => (await fetch(`${site.url}/en/privacy-policy`)).text(), {timeout: 10_000})
      .toContain('Privacy policy (2027)')
  }
})

test.afterAll(async () => {
  await before?.stop()
  await after?.stop()
  rmSync(folder, {recursive: true, force: true})
})

test('the site on the new lake serves the same pages', async ({request, browser}) => {
  for (const page of PAGES) {
    const original = await whatAReaderGets(
      browser,
      await request.get(`${before.url}${page}`),
      before.url,
    )
    const moved = await whatAReaderGets(
      browser,
      await request.get(`${after.url}${page}`),
      after.url,
    )
    expect(original.status, page).toBe(200)
    expect(moved, page).toEqual(original)
  }
})

test('its history verifies from the public site, as before the move', async () => {
  const report = await verifySite(after.url, {site: 'https://policy.example.org'})
  expect(report.firstFailure).toBeUndefined()
  expect(report.verification.verified).toBe(true)
  expect(report.verification.versions.map((version) => version.number)).toEqual([1, 2, 3])
})
