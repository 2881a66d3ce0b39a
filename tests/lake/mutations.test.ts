import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startTestLake, type TestLake} from './helpers'

describe('an editor changes content through the mutation API', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('creates a document, gets it back with a revision equal to the transaction id', async () => {
    const result = await lake.editor.create(
      {
        _id: 'section-retention',
        _type: 'policySection',
        title: {fr: 'Conservation', en: 'Retention'},
      },
      {returnDocuments: false},
    )
    const doc = await lake.editor.getDocument('section-retention')
    expect(doc?._rev).toBe(result.transactionId)
    expect(doc?._createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    await expect(
      lake.editor.create({_id: 'section-retention', _type: 'policySection'}),
    ).rejects.toMatchObject({statusCode: 409, message: expect.stringContaining('already exists')})
  })

  it('creates with a generated id when none is given', async () => {
    const doc = await lake.editor.create({
      _type: 'policySection',
      title: {fr: 'Sans id', en: 'No id'},
    })
    expect(doc._id).toMatch(/^[A-Za-z0-9]{22}$/)
    const draft = await lake.editor.create({_id: 'drafts.', _type: 'policySection'})
    expect(draft._id).toMatch(/^drafts\.[A-Za-z0-9]{22}$/)
  })

  it('replaces with createOrReplace and leaves existing documents alone with createIfNotExists', async () => {
    await lake.editor.createOrReplace({
      _id: 'section-rights',
      _type: 'policySection',
      title: {fr: 'Droits', en: 'Rights'},
    })
    await lake.editor.createIfNotExists({
      _id: 'section-rights',
      _type: 'policySection',
      title: {fr: 'Autre', en: 'Other'},
    })
    expect((await lake.editor.getDocument('section-rights'))?.title).toEqual({
      fr: 'Droits',
      en: 'Rights',
    })
    await lake.editor.createOrReplace({
      _id: 'section-rights',
      _type: 'policySection',
      title: {fr: 'Vos droits', en: 'Your rights'},
    })
    expect((await lake.editor.getDocument('section-rights'))?.title).toEqual({
      fr: 'Vos droits',
      en: 'Your rights',
    })
  })

  it('applies every patch operation', async () => {
    await lake.editor.createOrReplace({
      _id: 'section-patched',
      _type: 'policySection',
      title: {fr: 'Bonjour le monde', en: 'Hello'},
      order: 5,
      tags: ['a', 'c'],
      obsolete: true,
    })
    await lake.editor
      .patch('section-patched')
      .set({'title.en': 'Hello world'})
      .setIfMissing({summary: 'kept'})
      .unset(['obsolete'])
      .inc({order: 3})
      .insert('after', 'tags[0]', ['b'])
      .diffMatchPatch({'title.fr': '@@ -1,7 +1,7 @@\n-Bonjour\n+Bonsoir\n  le \n'})
      .commit()
    await lake.editor
      .patch('section-patched')
      .dec({order: 1})
      .setIfMissing({summary: 'replaced'})
      .commit()
    const doc = await lake.editor.getDocument('section-patched')
    expect(doc).toMatchObject({
      title: {fr: 'Bonsoir le monde', en: 'Hello world'},
      order: 7,
      tags: ['a', 'b', 'c'],
      summary: 'kept',
    })
    expect(doc).not.toHaveProperty('obsolete')
  })

  it('inserts into a list the same patch makes when it is missing, as the Studio does', async () => {
    await lake.editor.createOrReplace({_id: 'section-listless', _type: 'policySection'})
    await lake.editor
      .patch('section-listless')
      .setIfMissing({tags: []})
      .insert('after', 'tags[-1]', ['first'])
      .commit()
    expect((await lake.editor.getDocument('section-listless'))?.tags).toEqual(['first'])
  })

  it('refuses a patch based on a stale revision with 409 and changes nothing', async () => {
    const doc = await lake.editor.createOrReplace({
      _id: 'section-locked',
      _type: 'policySection',
      n: 1,
    })
    await lake.editor.patch('section-locked').ifRevisionId(doc._rev).set({n: 2}).commit()
    await expect(
      lake.editor.patch('section-locked').ifRevisionId(doc._rev).set({n: 3}).commit(),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('unexpected revision'),
    })
    expect((await lake.editor.getDocument('section-locked'))?.n).toBe(2)
  })

  it('applies a transaction whole or not at all', async () => {
    const before = await lake.editor.fetch('count(*)', {}, {perspective: 'raw'})
    await expect(
      lake.editor
        .transaction()
        .create({_id: 'section-half', _type: 'policySection'})
        .patch('section-rights', (p) => p.set({'title.en': 'Changed'}))
        .patch('section-that-does-not-exist', (p) => p.set({x: 1}))
        .commit(),
    ).rejects.toMatchObject({statusCode: 404})
    expect(await lake.editor.getDocument('section-half')).toBeUndefined()
    expect((await lake.editor.getDocument('section-rights'))?.title.en).toBe('Your rights')
    expect(await lake.editor.fetch('count(*)', {}, {perspective: 'raw'})).toBe(before)
  })

  it('gives every document touched by a transaction the same new revision', async () => {
    const result = await lake.editor
      .transaction()
      .createOrReplace({_id: 'section-a', _type: 'policySection'})
      .createOrReplace({_id: 'section-b', _type: 'policySection'})
      .commit({transactionId: 'tx-editor-pair'})
    expect(result.transactionId).toBe('tx-editor-pair')
    expect(result.results.map((r) => r.id)).toEqual(['section-a', 'section-b'])
    const revs = await lake.editor.fetch('*[_id in ["section-a", "section-b"]]._rev')
    expect(revs).toEqual(['tx-editor-pair', 'tx-editor-pair'])
    await expect(
      lake.editor
        .transaction()
        .createOrReplace({_id: 'section-c', _type: 'policySection'})
        .commit({transactionId: 'tx-editor-pair'}),
    ).rejects.toMatchObject({statusCode: 409})
  })

  it('deletes by id and by query, and patches by query', async () => {
    await lake.editor
      .transaction()
      .createOrReplace({_id: 'tmp-1', _type: 'scratch', n: 1})
      .createOrReplace({_id: 'tmp-2', _type: 'scratch', n: 2})
      .createOrReplace({_id: 'tmp-3', _type: 'scratch', n: 3})
      .commit()
    await lake.editor
      .patch({query: '*[_type == "scratch" && n > $min]', params: {min: 1}})
      .set({big: true})
      .commit()
    expect(await lake.editor.fetch('*[_type == "scratch" && big]._id | order(@)')).toEqual([
      'tmp-2',
      'tmp-3',
    ])
    await lake.editor.delete('tmp-1')
    await lake.editor.delete({query: '*[_type == "scratch" && big]'})
    expect(await lake.editor.fetch('count(*[_type == "scratch"])')).toBe(0)
  })

  it('returns the documents when asked and writes nothing on a dry run', async () => {
    const docs = await lake.editor.mutate(
      [{createOrReplace: {_id: 'section-dry', _type: 'policySection'}}],
      {dryRun: true, returnDocuments: true},
    )
    expect(docs).toEqual([expect.objectContaining({_id: 'section-dry', _type: 'policySection'})])
    expect(await lake.editor.getDocument('section-dry')).toBeUndefined()
  })
})

describe('a published policy version is part of the legal record', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('cannot be patched, replaced or deleted, and the whole transaction is refused', async () => {
    const original = await lake.editor.getDocument('version-2')
    await expect(
      lake.editor.patch('version-2').set({'changeSummary.en': 'Rewritten'}).commit(),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('Version 2 is published and can no longer be changed'),
    })
    await expect(
      lake.editor
        .transaction()
        .createOrReplace({_id: 'section-side-effect', _type: 'policySection'})
        .delete('version-2')
        .commit(),
    ).rejects.toMatchObject({statusCode: 409})
    await expect(
      lake.editor.createOrReplace({...original!, status: 'draft'}),
    ).rejects.toMatchObject({statusCode: 409})
    expect(await lake.editor.getDocument('version-2')).toEqual(original)
    expect(await lake.editor.getDocument('section-side-effect')).toBeUndefined()
  })

  it('cannot be overwritten by publishing a draft over it', async () => {
    await expect(
      lake.editor.createOrReplace({
        _id: 'drafts.version-1',
        _type: 'policyVersion',
        number: 1,
        status: 'published',
        changeSummary: {fr: 'x', en: 'x'},
      }),
    ).rejects.toMatchObject({statusCode: 403})
    await expect(
      lake.editor.action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.version-1',
        publishedId: 'version-1',
      }),
    ).rejects.toMatchObject({statusCode: expect.any(Number)})
    expect((await lake.editor.getDocument('version-1'))?.changeSummary.fr).toBe('Première version')
  })

  it('keeps a version that is not published private, and never lets Sanity’s own publish make it public', async () => {
    // Approving and publishing go through the site, which signs: see versionRules.test.ts
    await lake.editor.create({
      _id: 'drafts.version-4',
      _type: 'policyVersion',
      number: 4,
      status: 'candidate',
      preparedBy: {userId: 'p-editor', name: 'Camille Tremblay', at: new Date().toISOString()},
    })
    await lake.editor.patch('drafts.version-4').set({effectiveDate: '2026-01-01'}).commit()
    expect(await lake.anonymous.getDocument('drafts.version-4')).toBeUndefined()
    await expect(
      lake.editor.action({
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.version-4',
        publishedId: 'version-4',
      }),
    ).rejects.toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('must stay private'),
    })
    expect(await lake.editor.getDocument('version-4')).toBeUndefined()
    await lake.editor.delete('drafts.version-4')
    expect(await lake.editor.getDocument('drafts.version-4')).toBeUndefined()
  })
})
