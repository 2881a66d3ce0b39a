import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {SanityClient, SanityDocument} from '@sanity/client'
import {afterAll, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest'

import {SITE_SIGNER} from '@/lib/localUsers'
import {organisationToday} from '@/lib/policy/dates'
import {approvalSeal, publishedVersionDocument, signerFor, type Signer} from '@/lib/policy/signoff'
import {generateSigningKey, readPrivateKey} from '@/lib/policy/signingKeys'
import {verifyHistory} from '@/lib/policy/verification'
import {classifyVersions} from '@/lib/policy/versionShape'
import {candidateDocumentId, type Proposal} from '@/lib/policy/workflow'
import {SEED_FILE} from '@/sanity/seed/build'
import {SIGNING_KEY_FILE} from '@/sanity/lake/rules/signingKey'
import {editorClient, importDocuments} from '@/sanity/lake/sanityTools'
import {startLake} from '@/sanity/lake/server'
import {backupLake, parseNdjson, restoreLake} from '@/sanity/lake/store'
import {lakeClient, startTestLake, type TestLake} from './helpers'
import {
  PROPOSAL,
  latestPublished,
  me,
  prepareCandidate,
  publishedHistory,
} from '../fixtures/signoff'

/**
 * The sign-off rules, attacked through the lake's API as a hostile project member would: each
 * attack is refused with a clear 4xx and leaves nothing behind. The site's signing service is
 * played by the test with the lake's own signing key, as the site holds it.
 */

let lake: TestLake
let signer: SanityClient
let sign: Signer

/** A lake of the describe's own, seeded: the reviewer's writes in one story stay out of the others'. */
function withSeededLake() {
  beforeAll(async () => {
    lake = await startTestLake({seedFile: SEED_FILE})
    const token = lake.users.find((user) => user.id === SITE_SIGNER.id)?.token
    signer = lakeClient(lake.url, token)
    sign = signerFor(readPrivateKey(lake.signingKey))
  })
  afterAll(() => lake.stop())
}

/** What the site's approve endpoint writes, once it has checked everything. */
async function approveAsSite(
  reviewer: SanityClient,
  number: number,
  options: {sign?: Signer; at?: Date} = {},
) {
  const candidate = (await lake.editor.getDocument(candidateDocumentId(number)))!
  const person = await me(reviewer)
  const previous = classifyVersions(await publishedHistory(lake.editor)).versions.at(-1)
  const seal = approvalSeal(candidate, {
    approver: {userId: person.id, name: person.name, at: (options.at ?? new Date()).toISOString()},
    siteHosts: ['localhost:3000'],
    previousFingerprint: previous?.fingerprint ?? null,
    sign: options.sign ?? sign,
  })
  return signer.patch(candidate._id).ifRevisionId(candidate._rev).set(seal.fields).commit()
}

/** What the site's publish endpoint writes: the published version, the candidate gone. */
async function publishAsSite(
  number: number,
  change: (doc: Record<string, unknown>) => Record<string, unknown> = (doc) => doc,
  options: {staleAcknowledged?: boolean; as?: SanityClient} = {},
) {
  const {as = signer, ...signing} = options
  const candidate = (await lake.editor.getDocument(candidateDocumentId(number)))!
  const editor = await me(lake.editor)
  const published = publishedVersionDocument(candidate, {
    publisher: {userId: editor.id, name: editor.name, at: new Date().toISOString()},
    sign,
    ...signing,
  })
  return as
    .transaction()
    .create(change(published) as SanityDocument)
    .delete(candidate._id)
    .commit()
}

/** The latest transaction in the lake's log: a refused write adds none. */
async function lastTransaction(): Promise<string | undefined> {
  const body = await lake.editor.request<unknown>({
    url: '/data/history/production/transactions?reverse=true&limit=1&excludeContent=true',
  })
  const [latest] = (typeof body === 'string' ? parseNdjson(body) : [body]) as {id?: string}[]
  return latest?.id
}

/** The revisions of the documents an attack aims at, to prove it left no trace. */
async function revisions(...ids: string[]) {
  return lake.editor.fetch<{_id: string; _rev: string}[]>(
    `*[_id in $ids]{_id, _rev} | order(_id asc)`,
    {ids},
    {perspective: 'raw'},
  )
}

async function expectRefused(
  attempt: () => Promise<unknown>,
  status: number,
  code: string,
  unchanged: string[],
) {
  const before = await revisions(...unchanged)
  const transaction = await lastTransaction()
  await expect(attempt()).rejects.toMatchObject({
    statusCode: status,
    response: {body: {error: expect.objectContaining({code})}},
  })
  expect(await revisions(...unchanged)).toEqual(before)
  expect(await lastTransaction()).toBe(transaction)
}

async function reviseSection(client: SanityClient, key: string, stamp: string) {
  await client
    .patch(`section-${key}`)
    .set({'title.en': `Revised ${stamp}`, 'title.fr': `Révisé ${stamp}`})
    .commit()
}

/** Clears any open candidate, so each story starts from the published history. */
async function withdrawCandidates() {
  const open = await lake.editor.fetch<string[]>(
    `*[_type == "policyVersion" && _id in path("drafts.**")]._id`,
    {},
    {perspective: 'raw'},
  )
  for (const id of open) await lake.editor.delete(id)
}

describe('the sign-off, the way it is meant to go', () => {
  withSeededLake()
  beforeEach(withdrawCandidates)

  it('lets the editor prepare privately, the site approve in the reviewer’s name and publish, and chains version 3 to version 2', async () => {
    await reviseSection(lake.editor, 'cookies', 'v3')
    const candidate = await prepareCandidate(lake.editor, 3)
    await lake.editor.create(candidate)
    // Private until published: a visitor cannot read it, even by id.
    expect(await lake.anonymous.getDocument(candidate._id)).toBeUndefined()
    expect(
      await lake.anonymous.fetch(`*[_type == "policyVersion"].number`, {}, {perspective: 'raw'}),
    ).toEqual(expect.not.arrayContaining([3]))

    // The editor may still correct her summary and date until approval.
    await lake.editor
      .patch(candidate._id)
      .set({'changeSummary.en': 'Cookies section revised.'})
      .commit()
    await approveAsSite(lake.legal, 3)
    await publishAsSite(3)

    const history = await publishedHistory(lake.anonymous)
    expect(history.map((version) => version.number)).toEqual([1, 2, 3])
    expect(history[2]).toMatchObject({
      preparedBy: {userId: 'p-editor'},
      approval: {userId: 'p-legal-reviewer'},
      publication: {userId: 'p-editor'},
      changeSummary: {en: 'Cookies section revised.'},
      previousFingerprint: history[1]!.fingerprint,
    })
    expect(await lake.editor.getDocument(candidate._id)).toBeUndefined()
    expect(verifyHistory(history, lake.trustedKeys).verified).toBe(true)
  })
})

let next: number
async function startFromThePublishedHistory() {
  await withdrawCandidates()
  next = (await latestPublished(lake.editor))!.number + 1
}

describe('attacks on the sign-off, each refused with nothing committed', () => {
  withSeededLake()
  beforeEach(startFromThePublishedHistory)

  it('the reviewer rewrites the candidate and approves it herself in one transaction', async () => {
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    const reviewer = await me(lake.legal)
    await expectRefused(
      () =>
        lake.legal
          .patch(candidate._id)
          .set({
            'sections[0].title.en': 'Rewritten by the reviewer',
            status: 'approved',
            approval: {userId: reviewer.id, name: reviewer.name, at: new Date().toISOString()},
          })
          .commit(),
      403,
      'reserved-for-signing-service',
      [candidate._id],
    )
  })

  it('the reviewer approves a candidate whose changed section she edited herself', async () => {
    const published = (await lake.editor.getDocument('section-links-to-other-sites'))!.title
    await reviseSection(lake.legal, 'links-to-other-sites', 'by the reviewer')
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    await expect(approveAsSite(lake.legal, next)).rejects.toMatchObject({
      statusCode: 403,
      response: {
        body: {
          error: expect.objectContaining({
            code: 'reviewer-authored-changes',
            params: {documents: 'section-links-to-other-sites'},
          }),
        },
      },
    })
    expect((await lake.editor.getDocument(candidate._id))?.status).toBe('candidate')
    // The editor's own edit to it afterwards does not make it hers to approve either…
    await reviseSection(lake.editor, 'links-to-other-sites', 'by the editor')
    await lake.editor.createOrReplace(await prepareCandidate(lake.editor, next))
    await expect(approveAsSite(lake.legal, next)).rejects.toMatchObject({statusCode: 403})
    // …but once the section is back to the published text, the version no longer changes it.
    await lake.editor.patch('section-links-to-other-sites').set({title: published}).commit()
    await lake.editor.createOrReplace(await prepareCandidate(lake.editor, next))
    await approveAsSite(lake.legal, next)
    expect((await lake.editor.getDocument(candidateDocumentId(next)))?.status).toBe('approved')
  })

  it('the editor writes approval fields, even copied from a real approval', async () => {
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    const reviewer = await me(lake.legal)
    const seal = approvalSeal(candidate, {
      approver: {userId: reviewer.id, name: reviewer.name, at: new Date().toISOString()},
      siteHosts: ['localhost:3000'],
      previousFingerprint: (await latestPublished(lake.editor))?.fingerprint ?? null,
      sign,
    })
    await expectRefused(
      () => lake.editor.patch(candidate._id).set(seal.fields).commit(),
      403,
      'reserved-for-signing-service',
      [candidate._id],
    )
    await expectRefused(
      () => lake.editor.patch(candidate._id).set({status: 'approved'}).commit(),
      403,
      'reserved-for-signing-service',
      [candidate._id],
    )
  })

  it('an approval signed with a key the site does not hold', async () => {
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    await expectRefused(
      () => approveAsSite(lake.legal, next, {sign: signerFor(generateSigningKey().key)}),
      409,
      'approval-signature-invalid',
      [candidate._id],
    )
  })

  it('publishing with a summary, a date or a link audit other than approved', async () => {
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    await approveAsSite(lake.legal, next)
    const unchanged = [candidate._id, `version-${next}`]
    await expectRefused(
      () =>
        publishAsSite(next, (doc) => ({
          ...doc,
          changeSummary: {...(doc.changeSummary as object), en: 'Other words.'},
        })),
      409,
      'record-differs-from-approval',
      unchanged,
    )
    await expectRefused(
      () => publishAsSite(next, (doc) => ({...doc, effectiveDate: '2099-01-01'})),
      409,
      'record-differs-from-approval',
      unchanged,
    )
    await expectRefused(
      () =>
        publishAsSite(next, (doc) => ({
          ...doc,
          linkAudit: {_type: 'linkAudit', siteHosts: [], links: []},
        })),
      409,
      'record-differs-from-approval',
      unchanged,
    )
    // Nor can the editor change the approved candidate's summary and keep the approval.
    await expectRefused(
      () => lake.editor.patch(candidate._id).set({'changeSummary.fr': 'Autres mots.'}).commit(),
      403,
      'reserved-for-signing-service',
      unchanged,
    )
  })

  it('publishing a candidate whose sections changed after it was prepared, unless the editor says the edits wait', async () => {
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    await approveAsSite(lake.legal, next)
    await reviseSection(lake.editor, 'cookies', 'after approval')
    await expect(publishAsSite(next)).rejects.toMatchObject({
      statusCode: 409,
      response: {
        body: {
          error: expect.objectContaining({code: 'candidate-stale', params: {sections: '#cookies'}}),
        },
      },
    })
    expect(await lake.editor.getDocument(`version-${next}`)).toBeUndefined()
    await publishAsSite(next, undefined, {staleAcknowledged: true})
    expect(await lake.anonymous.getDocument(`version-${next}`)).toMatchObject({
      publication: {staleAcknowledged: true},
    })
  })

  it('removing, replacing or adding a version in the chain behind the site', async () => {
    const history = await publishedHistory(lake.anonymous)
    const ids = history.map((version) => version._id)
    await expectRefused(() => lake.editor.delete('version-1'), 409, 'published-immutable', ids)
    await expectRefused(() => signer.delete('version-2'), 409, 'published-immutable', ids)
    await expectRefused(
      () =>
        lake.editor.createOrReplace({...history[1]!, organisationName: 'Autre'} as SanityDocument),
      409,
      'published-immutable',
      ids,
    )
    await expectRefused(
      () =>
        lake.editor.create({
          ...history.at(-1)!,
          _id: `version-${next}`,
          number: next,
        } as SanityDocument),
      409,
      'restored-version-unverified',
      ids,
    )
    await expectRefused(
      () =>
        signer.create({...history.at(-1)!, _id: `version-${next}`, number: next} as SanityDocument),
      409,
      'restored-version-unverified',
      ids,
    )
  })

  it('a candidate anyone can read, or one that skips a number', async () => {
    const candidate = await prepareCandidate(lake.editor, next + 1)
    await expectRefused(
      () => lake.editor.create({...candidate, _id: `version-${next}`, number: next}),
      409,
      'candidate-must-be-private',
      [],
    )
    await expectRefused(
      () => lake.editor.create({...candidate, number: next + 1}),
      409,
      'number-not-next',
      [],
    )
    await expectRefused(
      () => lake.editor.create({...candidate, _id: 'drafts.another-candidate'}),
      409,
      'candidate-id-invalid',
      [],
    )
  })

  it('an approval that slips in other changes, or a date in the past', async () => {
    const candidate = await prepareCandidate(lake.editor, next, {
      ...PROPOSAL,
      effectiveDate: '2020-01-01',
    } satisfies Proposal)
    await lake.editor.create(candidate)
    await expectRefused(() => approveAsSite(lake.legal, next), 409, 'effective-date-past', [
      candidateDocumentId(next),
    ])
    await lake.editor
      .patch(candidateDocumentId(next))
      .set({effectiveDate: organisationToday()})
      .commit()
    await expectRefused(
      () =>
        signer
          .transaction()
          .patch('section-cookies', (patch) => patch.set({'title.en': 'Slipped in'}))
          .commit(),
      403,
      'approval-changes-only-approval',
      ['section-cookies'],
    )
  })
})

describe('attacks that leave the reviewer’s own writes in the log, each refused', () => {
  withSeededLake()
  beforeEach(startFromThePublishedHistory)

  it('the reviewer rewrites the candidate, then has the site approve it, in two transactions', async () => {
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    // Its text cannot be changed in the editor's name…
    await expectRefused(
      () => lake.legal.patch(candidate._id).set({'sections[0].title.en': 'Rewritten'}).commit(),
      403,
      'prepared-by-mismatch',
      [candidate._id],
    )
    // …and touching it at all (here, its summary) means she may not approve it.
    await lake.legal
      .patch(candidate._id)
      .set({'changeSummary.en': 'Nothing of importance.'})
      .commit()
    await expectRefused(() => approveAsSite(lake.legal, next), 403, 'reviewer-authored-changes', [
      candidate._id,
    ])
  })

  it("someone rewrites what the checklist found, in the editor's name", async () => {
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    // The coverage legal reviews is part of what the editor prepared: rewriting it is preparing
    // again, which nobody does in another person's name.
    await expectRefused(
      () =>
        lake.legal
          .patch(candidate._id)
          .set({
            checklistCoverage: {
              _type: 'checklistCoverage',
              act: 'public-bodies',
              title: {_type: 'localeString', fr: 'Liste', en: 'Checklist'},
              items: [],
            },
          })
          .commit(),
      403,
      'prepared-by-mismatch',
      [candidate._id],
    )
  })

  it('the reviewer approves what she prepared, or someone who is not a legal reviewer approves', async () => {
    const own = await prepareCandidate(lake.legal, next)
    await lake.legal.create(own)
    await expectRefused(() => approveAsSite(lake.legal, next), 403, 'self-approval', [own._id])
    await lake.editor.delete(own._id)
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    await expectRefused(() => approveAsSite(lake.editor, next), 403, 'approver-not-reviewer', [
      candidate._id,
    ])
  })
})

describe('with the sign-off rules off, as on a hosted project', () => {
  it('accepts what the rules refuse, so the site’s own checks can be tried against it', async () => {
    const open = await startTestLake({seedFile: SEED_FILE, workflowRules: false})
    try {
      await open.editor.delete('version-1')
      await open.legal.patch('version-2').set({organisationName: 'Autre'}).commit()
      const history = await publishedHistory(open.anonymous)
      const result = verifyHistory(history, open.trustedKeys)
      expect(result.missing).toEqual([1])
      expect(result.verified).toBe(false)
    } finally {
      await open.stop()
    }
  })
})

/** The latest published version, renumbered: a version no candidate and no signature stands behind. */
async function forgedVersion(number: number | string, id = `version-${number}`) {
  const {_rev: _ignored, ...latest} = (await latestPublished(lake.editor))!
  return {...latest, _id: id, number} as unknown as SanityDocument
}

describe('whatever the path, what ends as a published version is judged as one', () => {
  withSeededLake()
  beforeEach(startFromThePublishedHistory)

  it('a document at a version’s id under another type, or a published version at another id', async () => {
    const id = `version-${next}`
    await expectRefused(
      () => lake.editor.create({_id: id, _type: 'note'}),
      409,
      'version-invalid',
      [id],
    )
    await expectRefused(
      () => lake.editor.createOrReplace({_id: id, _type: 'note'}),
      409,
      'version-invalid',
      [id],
    )
    const elsewhere = await forgedVersion(next, 'legacy-version')
    await expectRefused(() => lake.editor.createIfNotExists(elsewhere), 409, 'version-invalid', [
      'legacy-version',
    ])
    const inARelease = await forgedVersion(next, `versions.spring.version-${next}`)
    await expectRefused(() => lake.editor.create(inARelease), 409, 'version-invalid', [
      inARelease._id,
    ])
  })

  it('a version numbered far beyond the history, or numbered in text', async () => {
    for (const number of [3_000_000, 1_000_000_000]) {
      const far = await forgedVersion(number)
      await expectRefused(() => lake.editor.create(far), 409, 'version-invalid', [far._id])
      await expectRefused(() => signer.create(far), 409, 'version-invalid', [far._id])
    }
    const text = await forgedVersion(String(next))
    await expectRefused(() => lake.editor.createOrReplace(text), 409, 'version-invalid', [text._id])
    // The next number is where it was.
    await lake.editor.create(await prepareCandidate(lake.editor, next))
  })

  it('createIfNotExists, createOrReplace, and a version written in several steps of one transaction', async () => {
    const forged = await forgedVersion(next)
    const unchanged = [forged._id, 'section-new']
    await expectRefused(
      () => lake.editor.createIfNotExists(forged),
      409,
      'restored-version-unverified',
      unchanged,
    )
    await expectRefused(
      () => lake.editor.createOrReplace(forged),
      409,
      'restored-version-unverified',
      unchanged,
    )
    // Created under another type, then replaced as a published version: judged by where it ends.
    await expectRefused(
      () =>
        lake.editor
          .transaction()
          .create({_id: forged._id, _type: 'note'})
          .createOrReplace(forged)
          .commit(),
      409,
      'restored-version-unverified',
      unchanged,
    )
    await expectRefused(
      () =>
        lake.editor
          .transaction()
          .create({_id: 'section-new', _type: 'policySection'})
          .createOrReplace({_id: forged._id, _type: 'note'})
          .commit(),
      409,
      'version-invalid',
      unchanged,
    )
  })

  it('deleting a version and writing it again in one transaction, or publishing in the editor’s name', async () => {
    const history = await publishedHistory(lake.anonymous)
    const {_rev: _ignored, ...latest} = history.at(-1)!
    await expectRefused(
      () =>
        lake.editor
          .transaction()
          .delete(latest._id)
          .create({
            ...latest,
            changeSummary: {fr: 'Autre', en: 'Other'},
          } as unknown as SanityDocument)
          .commit(),
      409,
      'published-immutable',
      [latest._id],
    )
    await lake.editor.create(await prepareCandidate(lake.editor, next))
    await approveAsSite(lake.legal, next)
    await expectRefused(
      () => publishAsSite(next, undefined, {as: lake.editor}),
      403,
      'reserved-for-signing-service',
      [candidateDocumentId(next), `version-${next}`],
    )
  })

  it('patching a published version’s status, number or type', async () => {
    const id = (await latestPublished(lake.editor))!._id
    for (const set of [{status: 'draft'}, {number: next}, {'changeSummary.en': 'Other'}]) {
      await expectRefused(
        () => lake.editor.patch(id).set(set).commit(),
        409,
        'published-immutable',
        [id],
      )
    }
    const before = await revisions(id, 'section-cookies')
    await expect(lake.editor.patch(id).set({_type: 'note'}).commit()).rejects.toMatchObject({
      statusCode: 400,
    })
    await expect(
      lake.editor.patch('section-cookies').set({_type: 'policyVersion'}).commit(),
    ).rejects.toMatchObject({statusCode: 400})
    expect(await revisions(id, 'section-cookies')).toEqual(before)
  })

  it('the Actions API: publishing a candidate, replacing, editing, unpublishing or deleting a version', async () => {
    const candidate = await prepareCandidate(lake.editor, next)
    await lake.editor.create(candidate)
    const pair = {draftId: candidate._id, publishedId: `version-${next}`}
    const unchanged = [candidate._id, `version-${next}`]
    await expectRefused(
      () => lake.editor.action({actionType: 'sanity.action.document.publish', ...pair}),
      409,
      'candidate-must-be-private',
      unchanged,
    )
    await approveAsSite(lake.legal, next)
    // Approved, it still becomes a version only through the site.
    await expectRefused(
      () => lake.editor.action({actionType: 'sanity.action.document.publish', ...pair}),
      409,
      'candidate-must-be-private',
      unchanged,
    )
    const approved = (await lake.editor.getDocument(candidate._id))!
    const {_rev: _ignored, ...asPublished} = {...approved, status: 'published'}
    await expectRefused(
      () =>
        lake.editor.action({
          actionType: 'sanity.action.document.replaceDraft',
          publishedId: pair.publishedId,
          attributes: asPublished,
        }),
      403,
      'reserved-for-signing-service',
      unchanged,
    )
    await expectRefused(
      () =>
        lake.editor.action({
          actionType: 'sanity.action.document.version.create',
          publishedId: pair.publishedId,
          document: {...asPublished, _id: pair.publishedId},
        }),
      409,
      'restored-version-unverified',
      unchanged,
    )

    const published = (await latestPublished(lake.editor))!
    const ids = [published._id, `drafts.${published._id}`]
    await expectRefused(
      () =>
        lake.editor.action({
          actionType: 'sanity.action.document.version.replace',
          document: {...published, organisationName: 'Autre'},
        }),
      409,
      'published-immutable',
      ids,
    )
    await expectRefused(
      () =>
        lake.editor.action({
          actionType: 'sanity.action.document.edit',
          draftId: `drafts.${published._id}`,
          publishedId: published._id,
          patch: {set: {organisationName: 'Autre'}},
        }),
      403,
      'reserved-for-signing-service',
      ids,
    )
    await expectRefused(
      () =>
        lake.editor.action({
          actionType: 'sanity.action.document.unpublish',
          draftId: `drafts.${published._id}`,
          publishedId: published._id,
        }),
      409,
      'published-immutable',
      ids,
    )
    await expectRefused(
      () =>
        lake.editor.action({
          actionType: 'sanity.action.document.delete',
          publishedId: published._id,
          includeDrafts: [],
        }),
      409,
      'published-immutable',
      ids,
    )
    // Discarding the candidate is withdrawing it.
    await lake.editor.action({actionType: 'sanity.action.document.discard', draftId: candidate._id})
    expect(await lake.editor.getDocument(candidate._id)).toBeUndefined()
  })

  it('a Sanity import holding a version numbered in text, or far beyond the history', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lake-import-'))
    try {
      for (const forged of [await forgedVersion(String(next)), await forgedVersion(3_000_000)]) {
        const file = join(folder, 'import.ndjson')
        writeFileSync(file, `${JSON.stringify(forged)}\n`)
        const transaction = await lastTransaction()
        const error = await importDocuments(editorClient(lake), file).catch((e: unknown) => e)
        expect(String((error as Error).message)).toMatch(
          /would be left as a version that is not one/,
        )
        expect(await revisions(forged._id)).toEqual([])
        expect(await lastTransaction()).toBe(transaction)
      }
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})

describe('what a lake without its rules left behind, once the rules are on', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lake-anomalies-'))
  let warnedAtStart: string[] = []
  const left = [
    'version-3000000',
    'version-1000000000',
    'version-8',
    'version-4',
    'version-notes',
    'legacy-version',
  ]

  beforeAll(async () => {
    const open = await startTestLake({seedFile: SEED_FILE, workflowRules: false, dataDir})
    try {
      const {_rev: _ignored, ...latest} = (await latestPublished(open.editor))!
      await open.editor
        .transaction()
        .create({...latest, _id: 'version-3000000', number: 3_000_000})
        .create({...latest, _id: 'version-1000000000', number: 1_000_000_000})
        .create({...latest, _id: 'version-8', number: '8'})
        .create({_id: 'version-4', _type: 'note'})
        .create({_id: 'version-notes', _type: 'note'})
        .create({...latest, _id: 'legacy-version', number: 5})
        .commit()
    } finally {
      await open.stop()
    }
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      lake = await startTestLake({seedFile: SEED_FILE, dataDir, quiet: false})
      warnedAtStart = warn.mock.calls.map(([line]) => String(line))
    } finally {
      warn.mockRestore()
      log.mockRestore()
    }
    signer = lakeClient(lake.url, lake.users.find((user) => user.id === SITE_SIGNER.id)?.token)
    sign = signerFor(readPrivateKey(lake.signingKey))
  })
  afterAll(async () => {
    await lake.stop()
    rmSync(dataDir, {recursive: true, force: true})
  })

  it('says at start, in one line, what poses as a version', () => {
    expect(warnedAtStart).toHaveLength(1)
    expect(warnedAtStart[0]).toMatch(/^\[lake\] 6 documents pose as a published version/)
    expect(warnedAtStart[0]).toContain('version-8 (number)')
    expect(warnedAtStart[0]).toContain('an editor may delete them')
  })

  it('numbers the next version after the published history, whatever the others hold', async () => {
    await expectRefused(
      async () => lake.editor.create(await prepareCandidate(lake.editor, 3_000_001)),
      409,
      'number-not-next',
      [],
    )
    await expectRefused(
      async () => lake.editor.create(await prepareCandidate(lake.editor, 9)),
      409,
      'number-not-next',
      [],
    )
    await lake.editor.create(await prepareCandidate(lake.editor, 3))
    await approveAsSite(lake.legal, 3)
    await publishAsSite(3)
    expect(await lake.anonymous.getDocument('version-3')).toMatchObject({number: 3})
  })

  it('lets nobody change them into anything else, nor the signing service or a visitor remove them', async () => {
    // The attack seen in the wild: a document of another type replaced by a published version.
    await expectRefused(
      async () => lake.editor.createOrReplace(await forgedVersion(4)),
      409,
      'restored-version-unverified',
      left,
    )
    await expectRefused(
      async () =>
        lake.editor
          .transaction()
          .delete('version-4')
          .create(await forgedVersion(4))
          .commit(),
      409,
      'restored-version-unverified',
      left,
    )
    await expectRefused(
      () => lake.editor.patch('version-8').set({number: 8}).commit(),
      409,
      'restored-version-unverified',
      left,
    )
    await expectRefused(
      () => lake.editor.patch('version-notes').set({status: 'published'}).commit(),
      409,
      'version-invalid',
      left,
    )
    await expectRefused(
      () => lake.editor.patch('legacy-version').set({number: 3, status: 'candidate'}).commit(),
      409,
      'version-invalid',
      left,
    )
    await expectRefused(
      () => lake.editor.createOrReplace({_id: 'version-notes', _type: 'note', text: 'kept'}),
      409,
      'version-invalid',
      left,
    )
    await expectRefused(
      () => lake.editor.createOrReplace({_id: 'legacy-version', _type: 'note'}),
      409,
      'version-invalid',
      left,
    )
    await expectRefused(
      () => signer.delete('version-8'),
      403,
      'approval-changes-only-approval',
      left,
    )
    const before = await revisions(...left)
    await expect(lake.anonymous.delete('version-8')).rejects.toMatchObject({statusCode: 401})
    expect(await revisions(...left)).toEqual(before)
  })

  it('lets an editor remove each of them, and the history verifies again', async () => {
    expect(verifyHistory(await publishedHistory(lake.anonymous), lake.trustedKeys).verified).toBe(
      false,
    )
    for (const id of left) await lake.editor.delete(id)
    expect(await revisions(...left)).toEqual([])
    const history = await publishedHistory(lake.anonymous)
    expect(history.map((version) => version.number)).toEqual([1, 2, 3])
    expect(verifyHistory(history, lake.trustedKeys)).toMatchObject({verified: true, anomalies: []})
  })
})

describe('a lake whose versions are signed by a key it does not have', () => {
  it('says so at start, in one line, and that it made a new key when restored without it', async () => {
    expect(process.env.SIGNING_PRIVATE_KEY).toBeUndefined()
    const folder = mkdtempSync(join(tmpdir(), 'lake-key-'))
    const dataDir = join(folder, 'restored')
    const warned: string[] = []
    const start = async (options: {signingKey?: string} = {}) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation((line: string) => {
        warned.push(line)
      })
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
      try {
        const restarted = await startLake({
          port: 0,
          httpsPort: false,
          seedFile: SEED_FILE,
          dataDir,
          ...options,
        })
        await restarted.close()
      } finally {
        warn.mockRestore()
        log.mockRestore()
      }
      return warned.splice(0)
    }
    try {
      lake = await startTestLake({seedFile: SEED_FILE})
      signer = lakeClient(lake.url, lake.users.find((user) => user.id === SITE_SIGNER.id)?.token)
      sign = signerFor(readPrivateKey(lake.signingKey))
      const original = lake.signingKey
      const keyId = readPrivateKey(original).keyId
      await lake.editor.create(await prepareCandidate(lake.editor, 3))
      await approveAsSite(lake.legal, 3)
      await publishAsSite(3)
      const backup = join(folder, 'lake.backup')
      backupLake({dataDir: lake.dataDir, destination: backup})
      await lake.stop()

      // Restored without its key (the backup holds none): the lake makes a new one, and says
      // what that means.
      restoreLake({source: backup, dataDir})
      const [made, ...more] = await start()
      expect(more).toEqual([])
      expect(made).toContain(`made a new signing key (${join(dataDir, SIGNING_KEY_FILE)})`)
      expect(made).toContain(`version 3 is signed with a key this lake does not have (${keyId})`)
      expect(made).toContain('SIGNING_PRIVATE_KEY')
      expect(made).not.toContain('\n')

      // Started again with the key it made: the version still does not verify, and it says so.
      const [again, ...others] = await start()
      expect(others).toEqual([])
      expect(again).toMatch(/^\[lake\] version 3 is signed with a key this lake does not have/)

      // With the key that signed it, nothing to say.
      expect(await start({signingKey: original})).toEqual([])
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})
