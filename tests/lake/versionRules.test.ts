import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {
  prepareCandidate,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {contentHash} from '@/lib/policy/contentHash'
import {organisationToday} from '@/lib/policy/dates'
import {SEED_FILE} from '@/sanity/seed/build'
import {
  actor,
  candidateDocument,
  versionContent,
  versionDocumentId,
} from '@/sanity/studio/versioning/workflow'
import {startTestLake, type TestLake} from './helpers'

interface Me {
  id: string
  name: string
}

const me = (client: SanityClient) => client.request<Me>({uri: '/users/me'})

/** What the Studio's "Prepare a new version" writes, built from the lake's published sections. */
async function prepare(client: SanityClient, number: number) {
  const {policy, sections} = await client.fetch<{
    policy: PolicyDocument
    sections: PolicySectionDocument[]
  }>(
    `{"policy": *[_id == "policy"][0], "sections": *[_type == "policySection"]}`,
    {},
    {
      perspective: 'published',
    },
  )
  const {content, check} = prepareCandidate(policy, sections)
  expect(check.errors).toEqual([])
  const draft = candidateDocument({
    id: versionDocumentId(number),
    content,
    contentHash: '',
    preparedBy: actor(await me(client)),
  })
  const hash = await contentHash(versionContent(draft)!)
  return {...draft, contentHash: hash}
}

async function approval(client: SanityClient, id: string) {
  const doc = await client.getDocument(id)
  const hash = await contentHash(versionContent(doc!)!)
  return {_type: 'versionApproval', ...actor(await me(client)), contentHash: hash}
}

function publication(number: number) {
  return {
    status: 'published',
    number,
    effectiveDate: organisationToday(),
    publishedAt: new Date().toISOString(),
    changeSummary: {_type: 'localeText', fr: 'Titre révisé.', en: 'Revised title.'},
  }
}

async function reviseCookies(client: SanityClient, stamp: string) {
  await client
    .patch('section-cookies')
    .set({'title.fr': `Témoins ${stamp}`, 'title.en': `Cookies ${stamp}`})
    .commit()
}

describe('a policy version goes from candidate to published only through legal approval', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake({seedFile: SEED_FILE})
  })
  afterAll(() => lake.stop())

  it('lets the editor prepare, the legal reviewer approve with her own access, and the editor publish version 3', async () => {
    await reviseCookies(lake.editor, 'v3')
    const candidate = await prepare(lake.editor, 3)
    await lake.editor.create(candidate)
    // Not published yet: readers see nothing of it.
    expect(
      await lake.anonymous.fetch(`*[_type == "policyVersion" && status == "published"].number`),
    ).toEqual([1, 2])

    await lake.legal
      .patch('version-3')
      .set({status: 'approved', approval: await approval(lake.legal, 'version-3')})
      .commit()
    await lake.editor.patch('version-3').set(publication(3)).commit()

    const read = await lake.anonymous.fetch(
      `*[_type == "policyVersion" && status == "published"] | order(number desc)[0]{
        number, "cookies": sections[key == "cookies"][0].title.en
      }`,
    )
    expect(read).toEqual({number: 3, cookies: 'Cookies v3'})
    // Published means frozen, approval included.
    await expect(
      lake.legal
        .patch('version-3')
        .set({approval: await approval(lake.legal, 'version-3')})
        .commit(),
    ).rejects.toMatchObject({statusCode: 409})
  })

  it('refuses an approval the editor writes in the legal reviewer’s name', async () => {
    await reviseCookies(lake.editor, 'forged')
    await lake.editor.createOrReplace(await prepare(lake.editor, 4))
    const reviewer = await me(lake.legal)
    const signed = await approval(lake.legal, 'version-4')
    await expect(
      lake.editor
        .patch('version-4')
        .set({status: 'approved', approval: {...signed, userId: reviewer.id, name: reviewer.name}})
        .commit(),
    ).rejects.toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('only be given by the person it names'),
    })
    // Nor in her own name: she is not a legal reviewer.
    await expect(
      lake.editor
        .patch('version-4')
        .set({status: 'approved', approval: await approval(lake.editor, 'version-4')})
        .commit(),
    ).rejects.toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('only a legal reviewer can approve'),
    })
    expect((await lake.editor.getDocument('version-4'))?.status).toBe('candidate')
  })

  it('refuses publishing in one step a version that no reviewer approved herself', async () => {
    const candidate = await prepare(lake.editor, 4)
    const reviewer = await me(lake.legal)
    await expect(
      lake.editor.createOrReplace({
        ...candidate,
        ...publication(4),
        approval: {
          userId: reviewer.id,
          name: reviewer.name,
          at: new Date().toISOString(),
          contentHash: candidate.contentHash,
        },
      }),
    ).rejects.toMatchObject({statusCode: 403})
    await expect(
      lake.editor.createOrReplace({...candidate, ...publication(4)}),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('has not approved this version yet'),
    })
  })

  it('does not let the legal reviewer approve a version she prepared, nor sign it as the editor', async () => {
    const ownCandidate = await prepare(lake.legal, 4)
    await lake.legal.createOrReplace(ownCandidate)
    await expect(
      lake.legal
        .patch('version-4')
        .set({status: 'approved', approval: await approval(lake.legal, 'version-4')})
        .commit(),
    ).rejects.toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('cannot also approve it'),
    })

    const editor = await me(lake.editor)
    await expect(
      lake.legal.createOrReplace({
        ...ownCandidate,
        preparedBy: {
          _type: 'versionActor',
          userId: editor.id,
          name: editor.name,
          at: new Date().toISOString(),
        },
      }),
    ).rejects.toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('prepared by the person signed in'),
    })
  })

  it('voids the approval when the content changes afterwards', async () => {
    await lake.editor.createOrReplace(await prepare(lake.editor, 4))
    await lake.legal
      .patch('version-4')
      .set({status: 'approved', approval: await approval(lake.legal, 'version-4')})
      .commit()

    // A word changed in an approved version: refused while it claims to be approved…
    await expect(
      lake.editor
        .patch('version-4')
        .set({'sections[0].title.en': 'Cookies, revised again'})
        .commit(),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('fingerprint no longer matches'),
    })
    // …and once it is a mere candidate again, it cannot be published on the old approval.
    await lake.editor
      .patch('version-4')
      .set({status: 'candidate', 'sections[0].title.en': 'Cookies, revised again'})
      .commit()
    await expect(lake.editor.patch('version-4').set(publication(4)).commit()).rejects.toMatchObject(
      {
        statusCode: 409,
        message: expect.stringContaining('cannot be published'),
      },
    )
  })

  it('publishes only with the next number, a date from today on and a summary in both languages, refusing the whole transaction otherwise', async () => {
    await lake.editor.createOrReplace(await prepare(lake.editor, 4))
    await lake.legal
      .patch('version-4')
      .set({status: 'approved', approval: await approval(lake.legal, 'version-4')})
      .commit()

    const attempt = (fields: Record<string, unknown>) =>
      lake.editor
        .transaction()
        .createOrReplace({_id: 'section-side-effect', _type: 'policySection'})
        .patch('version-4', (patch) => patch.set({...publication(4), ...fields}))
        .commit()

    await expect(attempt({number: 7})).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('must be published as version 4'),
    })
    await expect(attempt({effectiveDate: '2020-01-01'})).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('cannot come into force in the past'),
    })
    await expect(
      attempt({changeSummary: {_type: 'localeText', fr: 'Titre révisé.', en: ' '}}),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('summary of changes in English'),
    })
    expect(await lake.editor.getDocument('section-side-effect')).toBeUndefined()
    expect((await lake.editor.getDocument('version-4'))?.status).toBe('approved')

    await attempt({})
    expect(await lake.anonymous.getDocument('version-4')).toMatchObject({
      status: 'published',
      number: 4,
    })
  })
})
