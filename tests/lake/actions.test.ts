import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startTestLake, type TestLake} from './helpers'

/** An action of the Actions API, e.g. `action('publish', {...})` for `sanity.action.document.publish`. */
const action = (name: string, rest: Record<string, unknown>) =>
  ({actionType: `sanity.action.document.${name}`, ...rest}) as never

describe('the Studio edits and publishes a section through the Actions API', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('creates a draft, refusing a second one unless told to ignore it', async () => {
    const result = await lake.editor.action(
      action('create', {
        publishedId: 'section-security',
        attributes: {
          _id: 'drafts.section-security',
          _type: 'policySection',
          title: {fr: 'Sécurité', en: 'Security'},
        },
        ifExists: 'fail',
      }),
      {transactionId: 'tx-create-security'},
    )
    expect(result.transactionId).toBe('tx-create-security')
    expect(await lake.editor.getDocument('drafts.section-security')).toMatchObject({
      _rev: 'tx-create-security',
    })
    await expect(
      lake.editor.action(
        action('create', {
          publishedId: 'section-security',
          attributes: {_id: 'drafts.section-security', _type: 'policySection'},
          ifExists: 'fail',
        }),
      ),
    ).rejects.toMatchObject({statusCode: 409})
    await lake.editor.action(
      action('create', {
        publishedId: 'section-security',
        attributes: {_id: 'drafts.section-security', _type: 'policySection'},
        ifExists: 'ignore',
      }),
    )
    expect((await lake.editor.getDocument('drafts.section-security'))?.title.fr).toBe('Sécurité')
  })

  it('edits a published section by first copying it into a draft', async () => {
    await lake.editor.action(
      action('edit', {
        draftId: 'drafts.policy',
        publishedId: 'policy',
        patch: {set: {'title.en': 'Our privacy policy'}},
      }),
    )
    const draft = await lake.editor.getDocument('drafts.policy')
    expect(draft).toMatchObject({
      _id: 'drafts.policy',
      title: {fr: 'Politique de confidentialité', en: 'Our privacy policy'},
      organisationName: 'Exemple inc.',
    })
    expect((await lake.anonymous.getDocument('policy'))?.title.en).toBe('Privacy policy')
  })

  it('publishes the draft over the published document and removes the draft', async () => {
    const published = await lake.editor.getDocument('policy')
    const draft = await lake.editor.getDocument('drafts.policy')
    await expect(
      lake.editor.action(
        action('publish', {
          draftId: 'drafts.policy',
          publishedId: 'policy',
          ifPublishedRevisionId: 'stale',
        }),
      ),
    ).rejects.toMatchObject({statusCode: 409})
    const {transactionId} = await lake.editor.action(
      action('publish', {
        draftId: 'drafts.policy',
        publishedId: 'policy',
        ifDraftRevisionId: draft?._rev,
        ifPublishedRevisionId: published?._rev,
      }),
    )
    expect(await lake.anonymous.getDocument('policy')).toMatchObject({
      _rev: transactionId,
      title: {en: 'Our privacy policy'},
    })
    expect(await lake.editor.getDocument('drafts.policy')).toBeUndefined()
  })

  it('unpublishes into a draft, and discards a draft', async () => {
    await lake.editor.action(
      action('unpublish', {draftId: 'drafts.section-cookies', publishedId: 'section-cookies'}),
    )
    expect(await lake.anonymous.getDocument('section-cookies')).toBeUndefined()
    expect((await lake.editor.getDocument('drafts.section-cookies'))?.title.fr).toBe(
      'Témoins (brouillon)',
    )
    await lake.editor.action(action('discard', {draftId: 'drafts.section-cookies'}))
    expect(await lake.editor.getDocument('drafts.section-cookies')).toBeUndefined()
    await expect(
      lake.editor.action(action('discard', {draftId: 'drafts.section-cookies'})),
    ).rejects.toMatchObject({statusCode: 409})
  })

  it('replaces a draft wholesale', async () => {
    await lake.editor.action(
      action('replaceDraft', {
        publishedId: 'section-security',
        attributes: {
          _id: 'drafts.section-security',
          _type: 'policySection',
          title: {fr: 'Sûreté', en: 'Safety'},
        },
      }),
    )
    expect((await lake.editor.getDocument('drafts.section-security'))?.title).toEqual({
      fr: 'Sûreté',
      en: 'Safety',
    })
  })

  it('deletes a document with its draft, and only when the draft is named', async () => {
    await lake.editor.action(
      action('publish', {draftId: 'drafts.section-security', publishedId: 'section-security'}),
    )
    await lake.editor.action(
      action('edit', {
        draftId: 'drafts.section-security',
        publishedId: 'section-security',
        patch: {set: {x: 1}},
      }),
    )
    await expect(
      lake.editor.action(action('delete', {publishedId: 'section-security', includeDrafts: []})),
    ).rejects.toMatchObject({statusCode: 409})
    await lake.editor.action(
      action('delete', {
        publishedId: 'section-security',
        includeDrafts: ['drafts.section-security'],
      }),
    )
    expect(await lake.editor.getDocuments(['section-security', 'drafts.section-security'])).toEqual(
      [null, null],
    )
  })

  it('applies several actions as one transaction, or none of them', async () => {
    await expect(
      lake.editor.action([
        action('create', {
          publishedId: 'section-x',
          attributes: {_id: 'drafts.section-x', _type: 'policySection'},
          ifExists: 'fail',
        }),
        action('publish', {draftId: 'drafts.section-missing', publishedId: 'section-missing'}),
      ]),
    ).rejects.toMatchObject({statusCode: 409, details: {type: 'actionError'}})
    expect(await lake.editor.getDocument('drafts.section-x')).toBeUndefined()
  })

  it('refuses an action type it does not know', async () => {
    await expect(
      lake.editor.action({
        actionType: 'sanity.action.document.teleport',
        publishedId: 'policy',
      } as never),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('Unsupported action type'),
    })
  })
})

describe('the Actions API refuses actions that would touch the wrong document', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  /** Sends one action and returns the lake's answer, which must be a 4xx in Sanity's shape. */
  async function refused(rest: Record<string, unknown> & {name: string}) {
    const {name, ...fields} = rest
    const error = (await lake.editor.action(action(name, fields)).then(
      () => undefined,
      (failure: unknown) => failure,
    )) as {statusCode?: number; response?: {body?: unknown}} | undefined
    expect(error?.statusCode).toBe(400)
    expect(error?.response?.body).toMatchObject({
      error: {type: 'actionError', items: [{error: {type: 'invalidAction'}}]},
      statusCode: 400,
    })
    return error
  }

  async function snapshot() {
    return lake.editor.getDocuments([
      'policy',
      'drafts.policy',
      'section-cookies',
      'drafts.section-cookies',
    ])
  }

  it('does not let discard delete a published document', async () => {
    const before = await snapshot()
    await refused({name: 'discard', draftId: 'policy'})
    await refused({name: 'discard', draftId: 'section-cookies'})
    await refused({name: 'version.discard', versionId: 'policy'})
    expect(await lake.anonymous.getDocument('policy')).toMatchObject({_id: 'policy'})
    expect(await snapshot()).toEqual(before)
  })

  it('does not edit one document’s draft from another’s published version', async () => {
    const before = await snapshot()
    await refused({
      name: 'edit',
      draftId: 'drafts.section-cookies',
      publishedId: 'policy',
      patch: {set: {organisationName: 'Hijacked'}},
    })
    await refused({
      name: 'edit',
      draftId: 'drafts.elsewhere',
      publishedId: 'policy',
      patch: {set: {organisationName: 'Hijacked'}},
    })
    expect(await snapshot()).toEqual(before)
  })

  it('does not publish one document’s draft over another, nor unpublish a mismatched pair', async () => {
    const before = await snapshot()
    await refused({name: 'publish', draftId: 'drafts.section-cookies', publishedId: 'policy'})
    await refused({name: 'unpublish', draftId: 'drafts.section-cookies', publishedId: 'policy'})
    await refused({name: 'unpublish', draftId: 'drafts.policy', publishedId: 'section-cookies'})
    expect(await snapshot()).toEqual(before)
  })

  it('creates and replaces only the draft of the document named', async () => {
    await refused({
      name: 'create',
      publishedId: 'section-new',
      attributes: {_id: 'section-new', _type: 'policySection'},
    })
    await refused({
      name: 'create',
      publishedId: 'section-new',
      attributes: {_id: 'drafts.policy', _type: 'policySection'},
    })
    await refused({
      name: 'replaceDraft',
      publishedId: 'section-cookies',
      attributes: {_id: 'drafts.policy', _type: 'policy'},
    })
    expect(await lake.editor.getDocuments(['section-new', 'drafts.section-new'])).toEqual([
      null,
      null,
    ])
  })

  it('refuses the whole transaction when one of its actions is refused', async () => {
    const before = await snapshot()
    const error = (await lake.editor
      .action([
        action('edit', {
          draftId: 'drafts.policy',
          publishedId: 'policy',
          patch: {set: {organisationName: 'Exemple SA'}},
        }),
        action('discard', {draftId: 'policy'}),
      ])
      .catch((failure: unknown) => failure)) as {statusCode?: number}
    expect(error.statusCode).toBe(400)
    expect(await snapshot()).toEqual(before)
  })
})
