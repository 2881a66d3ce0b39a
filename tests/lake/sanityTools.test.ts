import {createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createGunzip} from 'node:zlib'
import type {SanityClient, SanityDocument} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {SITE_SIGNER} from '@/lib/localUsers'
import {approvalSeal, publishedVersionDocument, signerFor} from '@/lib/policy/signoff'
import {readPrivateKey} from '@/lib/policy/signingKeys'
import {verifyHistory} from '@/lib/policy/verification'
import {candidateDocumentId} from '@/lib/policy/workflow'
import {SEED_FILE} from '@/sanity/seed/build'
import {exportDocuments, importDocuments} from '@/sanity/lake/sanityTools'
import {SEED_PUBLIC_KEYS} from '@/sanity/seed/seedKey'
import {lakeClient, startTestLake, type TestLake} from './helpers'
import {latestPublished, me, prepareCandidate, publishedHistory} from '../fixtures/signoff'

/**
 * A dataset leaves the lake with Sanity's own export library and comes back into an empty lake
 * with Sanity's own import library (what `sanity dataset export` and `sanity dataset import`
 * run): every document, drafts and signed versions included, as it was; a tampered file or one
 * that would break the chain is refused whole.
 */

const folder = mkdtempSync(join(tmpdir(), 'lake-sanity-tools-'))
const EMPTY = join(folder, 'no-seed.ndjson')
let source: TestLake
let exported: string

function siteSigner(lake: TestLake) {
  return {
    client: lakeClient(lake.url, lake.users.find((u) => u.id === SITE_SIGNER.id)?.token),
    sign: signerFor(readPrivateKey(lake.signingKey)),
  }
}

/** What the site does on Approve, with the lake's own key, as the site holds it. */
async function approve(lake: TestLake, number: number) {
  const {client, sign} = siteSigner(lake)
  const candidate = (await lake.editor.getDocument(candidateDocumentId(number)))!
  const reviewer = await me(lake.legal)
  const previous = await latestPublished(lake.editor)
  const seal = approvalSeal(candidate, {
    approver: {userId: reviewer.id, name: reviewer.name, at: new Date().toISOString()},
    siteHosts: ['localhost:3000'],
    previousFingerprint: previous?.fingerprint ?? null,
    sign,
  })
  await client.patch(candidate._id).ifRevisionId(candidate._rev).set(seal.fields).commit()
}

/** What the site does on Publish. */
async function publish(lake: TestLake, number: number) {
  const {client, sign} = siteSigner(lake)
  const approved = (await lake.editor.getDocument(candidateDocumentId(number)))!
  const editor = await me(lake.editor)
  const published = publishedVersionDocument(approved, {
    publisher: {userId: editor.id, name: editor.name, at: new Date().toISOString()},
    sign,
  })
  await client.transaction().create(published).delete(approved._id).commit()
}

async function signOff(lake: TestLake, number: number) {
  await approve(lake, number)
  await publish(lake, number)
}

async function everything(client: SanityClient): Promise<SanityDocument[]> {
  return client.fetch(`*[!(_id in path("_.**"))] | order(_id)`, {}, {perspective: 'raw'})
}

/** A document's content: what it says, without the revision and times the lake gives it. */
function content(doc: SanityDocument): Record<string, unknown> {
  const {_rev, _updatedAt, ...rest} = doc
  void _rev
  void _updatedAt
  return rest
}

function ndjsonOf(archive: string): Record<string, unknown>[] {
  return readFileSync(archive, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** The documents of an export archive (a .tar.gz with data.ndjson inside), as NDJSON lines. */
async function documentsOf(archive: string): Promise<Record<string, unknown>[]> {
  const chunks: Buffer[] = []
  for await (const chunk of createReadStream(archive).pipe(createGunzip())) chunks.push(chunk)
  const tar = Buffer.concat(chunks)
  // A tar file is 512-byte headers, each followed by its file's content in 512-byte blocks.
  for (let offset = 0; offset + 512 <= tar.length;) {
    const name = tar
      .subarray(offset, offset + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '')
    const size =
      parseInt(
        tar
          .subarray(offset + 124, offset + 136)
          .toString('utf8')
          .trim(),
        8,
      ) || 0
    const body = tar.subarray(offset + 512, offset + 512 + size)
    if (name.endsWith('data.ndjson')) {
      const file = join(folder, 'data.ndjson')
      writeFileSync(file, body)
      return ndjsonOf(file)
    }
    offset += 512 + Math.ceil(size / 512) * 512
  }
  throw new Error(`No data.ndjson in ${archive}`)
}

/** `npm run lake:import`: the documents written as NDJSON, imported with Sanity's library. */
async function importInto(
  lake: TestLake,
  documents: Record<string, unknown>[],
  options: {missing?: boolean} = {},
) {
  const file = join(folder, `import-${Math.random().toString(36).slice(2)}.ndjson`)
  writeFileSync(file, documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n')
  return importDocuments(lake.editor, file, options)
}

beforeAll(async () => {
  writeFileSync(EMPTY, '')
  source = await startTestLake({seedFile: SEED_FILE})
  // A signed version 3, version 4 approved and waiting to be published, and a section draft.
  await source.editor.patch('section-cookies').set({'title.en': 'Cookies and similar'}).commit()
  await source.editor.create(await prepareCandidate(source.editor, 3))
  await signOff(source, 3)
  await source.editor.patch('section-links-to-other-sites').set({'title.en': 'Links'}).commit()
  await source.editor.create(await prepareCandidate(source.editor, 4))
  await approve(source, 4)
  const section = (await source.editor.getDocument('section-comments-or-questions'))!
  await source.editor.create({...section, _id: 'drafts.section-comments-or-questions', key: 'q'})

  exported = join(folder, 'export.tar.gz')
  await exportDocuments(source.editor, exported)
})

afterAll(async () => {
  await source.stop()
  rmSync(folder, {recursive: true, force: true})
})

describe("Sanity's export and import", () => {
  it('bring every document back into an empty lake, signed versions as they were', async () => {
    const target = await startTestLake({seedFile: EMPTY, signingKey: source.signingKey})
    try {
      const documents = await documentsOf(exported)
      expect(documents.map((doc) => doc._id)).toEqual(
        expect.arrayContaining([
          'version-3',
          'drafts.version-4',
          'drafts.section-comments-or-questions',
        ]),
      )
      expect(await importInto(target, documents)).toBe(documents.length)

      const before = await everything(source.editor)
      const after = await everything(target.editor)
      expect(after.map((doc) => doc._id)).toEqual(before.map((doc) => doc._id))
      expect(after.map(content)).toEqual(before.map(content))

      // The history verifies in the new lake with the keys it was signed with, nothing re-signed.
      const history = await publishedHistory(target.anonymous)
      expect(history.map((version) => version.number)).toEqual([1, 2, 3])
      const keys = [...SEED_PUBLIC_KEYS, readPrivateKey(source.signingKey).publicKey]
      expect(verifyHistory(history, keys).verified).toBe(true)

      // And the work goes on: the version legal approved is published there.
      await publish(target, 4)
      expect((await latestPublished(target.anonymous))?.number).toBe(4)
    } finally {
      await target.stop()
    }
  })

  it('refuse a file whose version 1 has one word changed, and store nothing', async () => {
    const target = await startTestLake({seedFile: EMPTY, signingKey: source.signingKey})
    try {
      const documents = (await documentsOf(exported)).map((doc) =>
        doc._id === 'version-1'
          ? JSON.parse(JSON.stringify(doc).replace('personal information', 'personal informations'))
          : doc,
      ) as Record<string, unknown>[]
      const error = await importInto(target, documents).catch((caught: unknown) => caught)
      expect(String((error as Error).message)).toMatch(/Version 1 does not verify/)
      expect(await everything(target.editor)).toEqual([])
    } finally {
      await target.stop()
    }
  })

  it('refuse versions signed with a key the lake does not trust', async () => {
    const target = await startTestLake({seedFile: EMPTY})
    try {
      const error = await importInto(target, await documentsOf(exported)).catch(
        (caught: unknown) => caught,
      )
      expect(String((error as Error).message)).toMatch(/Version [34] does not verify/)
      expect(await everything(target.editor)).toEqual([])
    } finally {
      await target.stop()
    }
  })

  it('into a lake that holds versions: what it already has is skipped, a conflicting version refused', async () => {
    const target = await startTestLake({seedFile: SEED_FILE, signingKey: source.signingKey})
    try {
      const documents = await documentsOf(exported)
      // --missing: versions 1 and 2 are already there, version 3 follows them.
      await importInto(target, documents, {missing: true})
      expect((await publishedHistory(target.anonymous)).map((v) => v.number)).toEqual([1, 2, 3])

      // Another lake's version 4 cannot follow this lake's version 3, nor replace anything.
      const other = await startTestLake({seedFile: SEED_FILE, signingKey: source.signingKey})
      try {
        await other.editor.create(await prepareCandidate(other.editor, 3))
        await signOff(other, 3)
        const otherVersion = (await other.editor.getDocument('version-3'))!
        const conflicting = {...otherVersion, _id: 'version-4', number: 4}
        const error = await importInto(target, [conflicting]).catch((caught: unknown) => caught)
        expect(String((error as Error).message)).toMatch(/Version 4 does not verify/)
        const existing = await importInto(target, [otherVersion]).catch((caught: unknown) => caught)
        expect(String((existing as Error).message)).toMatch(/version-3/)
        const replaced = await target.editor
          .createOrReplace(otherVersion)
          .catch((caught: unknown) => caught)
        expect(String((replaced as Error).message)).toMatch(/Version 3 is published/)
        expect((await publishedHistory(target.anonymous)).map((v) => v.number)).toEqual([1, 2, 3])
      } finally {
        await other.stop()
      }
    } finally {
      await target.stop()
    }
  })
})
