import type {SanityClient, SanityDocument} from '@sanity/client'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'

import {SITE_SIGNER} from '@/lib/localUsers'
import {organisationToday} from '@/lib/policy/dates'
import {approvalSeal, publishedVersionDocument, signerFor, type Signer} from '@/lib/policy/signoff'
import {generateSigningKey, readPrivateKey} from '@/lib/policy/signingKeys'
import {verifyHistory} from '@/lib/policy/verification'
import {candidateDocumentId, type Proposal} from '@/lib/policy/workflow'
import {SEED_FILE} from '@/sanity/seed/build'
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
  const previous = await latestPublished(lake.editor)
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
  options: {staleAcknowledged?: boolean} = {},
) {
  const candidate = (await lake.editor.getDocument(candidateDocumentId(number)))!
  const editor = await me(lake.editor)
  const published = publishedVersionDocument(candidate, {
    publisher: {userId: editor.id, name: editor.name, at: new Date().toISOString()},
    sign,
    ...options,
  })
  return signer
    .transaction()
    .create(change(published) as SanityDocument)
    .delete(candidate._id)
    .commit()
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
  await expect(attempt()).rejects.toMatchObject({
    statusCode: status,
    response: {body: {error: expect.objectContaining({code})}},
  })
  expect(await revisions(...unchanged)).toEqual(before)
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
