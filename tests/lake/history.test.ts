import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {parseNdjson} from '../../sanity/lake/store'
import {startTestLake, type TestLake} from './helpers'

describe('a legal reviewer reads the record of how the policy changed', () => {
  let lake: TestLake
  const revs: string[] = []
  beforeAll(async () => {
    lake = await startTestLake()
    revs.push((await lake.editor.getDocument('section-cookies'))!._rev)
    for (const en of ['Cookies v2', 'Cookies v3']) {
      revs.push((await lake.editor.patch('section-cookies').set({'title.en': en}).commit())._rev)
    }
  })
  afterAll(() => lake.stop())

  it('lists every transaction on a document, oldest first, with author and effects', async () => {
    const body = await lake.legal.request<string>({
      url: '/data/history/production/transactions/section-cookies?effectFormat=mendoza&excludeContent=false',
    })
    const lines = parseNdjson(body) as unknown as {
      id: string
      author: string
      documentIDs: string[]
      mutations: unknown[]
      effects: Record<string, {apply: [number, {title: {en: string}}]}>
    }[]
    expect(lines.map((tx) => tx.id)).toEqual(revs)
    expect(lines.map((tx) => tx.author)).toEqual(['system', 'p-editor', 'p-editor'])
    expect(lines[2]?.mutations).toEqual([
      {patch: {id: 'section-cookies', set: {'title.en': 'Cookies v3'}}},
    ])
    expect(lines[2]?.effects['section-cookies']?.apply[1].title.en).toBe('Cookies v3')
  })

  it('returns the document as it was at an earlier revision and at an earlier time', async () => {
    const atRevision = await lake.legal.request<{documents: {title: {en: string}; _rev: string}[]}>(
      {
        url: `/data/history/production/documents/section-cookies?revision=${revs[1]}`,
      },
    )
    expect(atRevision.documents).toEqual([
      expect.objectContaining({_rev: revs[1], title: expect.objectContaining({en: 'Cookies v2'})}),
    ])
    const atTime = await lake.legal.request<{documents: unknown[]}>({
      url: '/data/history/production/documents/section-cookies?time=2000-01-01T00:00:00Z',
    })
    expect(atTime.documents).toEqual([])
  })

  it('describes publishing and discarding as document events for the Studio', async () => {
    await lake.editor.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.policy',
      publishedId: 'policy',
      patch: {set: {organisationName: 'Exemple SA'}},
    })
    const {transactionId} = await lake.editor.action({
      actionType: 'sanity.action.document.publish',
      draftId: 'drafts.policy',
      publishedId: 'policy',
    })
    const response = await lake.legal.request<{
      events: Record<string, {type: string; revisionId?: string; author: string}[]>
    }>({
      url: '/data/history/production/events/documents/policy',
    })
    const events = response.events.policy ?? []
    expect(events[0]).toMatchObject({
      type: 'publishDocumentVersion',
      revisionId: transactionId,
      author: 'p-editor',
    })
    expect(events.map((e) => e.type)).toContain('createDocumentVersion')
  })

  it('exports the dataset as NDJSON, drafts only for authenticated readers', async () => {
    const visitor = parseNdjson(
      await lake.anonymous.request<string>({url: '/data/export/production'}),
    )
    const editor = parseNdjson(await lake.editor.request<string>({url: '/data/export/production'}))
    expect(visitor.some((doc) => String(doc._id).startsWith('drafts.'))).toBe(false)
    expect(editor.some((doc) => doc._id === 'drafts.section-cookies')).toBe(true)
    expect(editor.find((doc) => doc._id === 'section-cookies')).toMatchObject({_rev: revs[2]})
  })

  it('keeps the history private', async () => {
    await expect(
      lake.anonymous.request({url: '/data/history/production/transactions/section-cookies'}),
    ).rejects.toMatchObject({statusCode: 401})
  })
})

describe('after a publish, the Studio reviews the changes since the last published version', () => {
  let lake: TestLake
  let seedRev: string
  let draftRev: string
  const publishTx = 'tx-publish-organisation'
  beforeAll(async () => {
    lake = await startTestLake()
    seedRev = (await lake.editor.getDocument('policy'))!._rev
    for (const name of ['Exemple SA', 'Exemple société anonyme']) {
      await lake.editor.action({
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.policy',
        publishedId: 'policy',
        patch: {set: {organisationName: name}},
      })
    }
    draftRev = (await lake.editor.getDocument('drafts.policy'))!._rev
    await lake.editor.action(
      {
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.policy',
        publishedId: 'policy',
      },
      {transactionId: publishTx},
    )
  })
  afterAll(() => lake.stop())

  type Documents = {documents: {_id: string; _rev: string; organisationName: string}[]}
  const documentsAt = (ids: string, query: string) =>
    lake.legal.request<Documents>({url: `/data/history/production/documents/${ids}?${query}`})

  it('finds, from the draft’s side, the published version it compares with', async () => {
    // The Studio's events for the draft name each publish by the draft revision it published,
    // or by the published revision when no draft was involved (here, the seed import).
    const {events} = await lake.legal.request<{
      events: Record<string, {type: string; revisionId: string; versionRevisionId?: string}[]>
    }>({url: '/data/history/production/events/documents/drafts.policy'})
    const publishes = (events['drafts.policy'] ?? [])
      .filter((event) => event.type === 'publishDocumentVersion')
      .map((event) => event.versionRevisionId ?? event.revisionId)
    expect(publishes).toEqual([draftRev, seedRev])

    const latest = await documentsAt('drafts.policy', `revision=${draftRev}`)
    expect(latest.documents).toEqual([
      expect.objectContaining({_rev: draftRev, organisationName: 'Exemple société anonyme'}),
    ])
    // "Since" is the published policy as the seed import left it
    const since = await documentsAt('drafts.policy', `revision=${seedRev}`)
    expect(since.documents).toEqual([
      expect.objectContaining({_id: 'policy', _rev: seedRev, organisationName: 'Exemple inc.'}),
    ])
  })

  it('answers for the draft at the revision that published it, and at a time after', async () => {
    const atPublish = await documentsAt('drafts.policy', `revision=${publishTx}`)
    expect(atPublish.documents).toEqual([
      expect.objectContaining({
        _id: 'policy',
        _rev: publishTx,
        organisationName: 'Exemple société anonyme',
      }),
    ])
    const now = await documentsAt('drafts.policy', `time=${new Date().toISOString()}`)
    expect(now.documents.map((doc) => doc._rev)).toEqual([publishTx])
  })

  it('answers each half once when both are asked for', async () => {
    const both = await documentsAt('policy,drafts.policy', `revision=${seedRev}`)
    expect(both.documents.map((doc) => [doc._id, doc._rev])).toEqual([['policy', seedRev]])
    const whileEditing = await documentsAt('policy,drafts.policy', `revision=${draftRev}`)
    expect(whileEditing.documents.map((doc) => [doc._id, doc._rev])).toEqual([
      ['policy', seedRev],
      ['drafts.policy', draftRev],
    ])
  })

  it('gives a deleted draft as it last was, for restoring it', async () => {
    const last = await documentsAt('drafts.policy', 'lastRevision=true')
    expect(last.documents).toEqual([
      expect.objectContaining({_id: 'drafts.policy', _rev: draftRev}),
    ])
    await expect(
      documentsAt('drafts.policy', `revision=${seedRev}&time=2020-01-01`),
    ).rejects.toMatchObject({
      statusCode: 400,
    })
  })
})
