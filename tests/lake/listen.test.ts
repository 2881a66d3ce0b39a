import type {MutationEvent} from '@sanity/client'
import {applyPatch} from 'mendoza'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {IncomingMessage} from 'node:http'

import {rawRequest, startTestLake, type TestLake} from './helpers'

type Event = {type: string} & Partial<MutationEvent> & {
    effects?: {apply: unknown[]; revert: unknown[]}
  }

/** Subscribes and resolves once `count` mutation events have arrived. */
function collect(lake: TestLake, query: string, count: number, client = lake.editor) {
  const events: Event[] = []
  let resolveDone: (events: Event[]) => void
  const done = new Promise<Event[]>((resolve) => (resolveDone = resolve))
  let resolveWelcome: () => void
  const welcomed = new Promise<void>((resolve) => (resolveWelcome = resolve))
  const subscription = client
    .listen(
      query,
      {},
      {events: ['welcome', 'mutation'], effectFormat: 'mendoza', includePreviousRevision: true},
    )
    .subscribe((event) => {
      if (event.type === 'welcome') return resolveWelcome()
      events.push(event as Event)
      if (events.length === count) resolveDone(events)
    })
  return {welcomed, done, stop: () => subscription.unsubscribe()}
}

describe('the Studio follows changes through the listener', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('gets each change in order, with revisions chaining from the document it had', async () => {
    const initial = await lake.editor.getDocument('section-cookies')
    const listener = collect(lake, '*[_type == "policySection"]', 4)
    await listener.welcomed

    const first = await lake.editor
      .patch('section-cookies')
      .set({'title.en': 'Cookies and trackers'})
      .commit()
    const second = await lake.editor
      .patch('section-cookies')
      .set({'title.fr': 'Témoins et traceurs'})
      .commit()
    await lake.editor.createOrReplace({_id: 'ignored-note', _type: 'note'})
    const publish = await lake.editor.action(
      {
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.section-cookies',
        publishedId: 'section-cookies',
      },
      {transactionId: 'tx-publish-cookies'},
    )
    const events = await listener.done
    listener.stop()

    expect(events.map((e) => [e.documentId, e.transition, e.transactionId])).toEqual([
      ['section-cookies', 'update', first._rev],
      ['section-cookies', 'update', second._rev],
      ['section-cookies', 'update', publish.transactionId],
      ['drafts.section-cookies', 'disappear', 'tx-publish-cookies'],
    ])
    expect(events[0]?.previousRev).toBe(initial?._rev)
    expect(events[1]?.previousRev).toBe(first._rev)
    expect(events[2]?.previousRev).toBe(second._rev)
    for (const event of events) expect(event.resultRev).toBe(event.transactionId)
    expect(events[2]).toMatchObject({
      transactionTotalEvents: 2,
      transactionCurrentEvent: 1,
      identity: 'p-editor',
    })
    expect(events[2]?.mutations).toEqual([
      expect.objectContaining({createOrReplace: expect.anything()}),
    ])
  })

  it('sends mendoza effects that turn the previous document into the new one', async () => {
    const listener = collect(lake, '*[_id == "section-effects"]', 3)
    await listener.welcomed
    await lake.editor.create({_id: 'section-effects', _type: 'policySection', n: 1})
    await lake.editor.patch('section-effects').inc({n: 1}).commit()
    await lake.editor.delete('section-effects')
    const [created, updated, deleted] = await listener.done
    listener.stop()

    expect(created).toMatchObject({transition: 'appear', effects: {revert: [0, null]}})
    const afterCreate = applyPatch(null, created!.effects!.apply)
    expect(afterCreate).toMatchObject({_id: 'section-effects', n: 1})
    const afterUpdate = applyPatch(afterCreate, updated!.effects!.apply)
    expect(afterUpdate).toMatchObject({n: 2})
    expect(applyPatch(afterUpdate, updated!.effects!.revert)).toEqual(afterCreate)
    expect(deleted).toMatchObject({transition: 'disappear', effects: {apply: [0, null]}})
    expect(applyPatch(null, deleted!.effects!.revert)).toEqual(afterUpdate)
  })

  it('gives each of many listeners of one filter the event its own options ask for', async () => {
    const query = '*[_id == "section-shared"]'
    const listen = (options: Record<string, unknown>) => {
      const events: Event[] = []
      let welcomed: () => void
      const welcome = new Promise<void>((resolve) => (welcomed = resolve))
      const subscription = lake.editor
        .listen(query, {}, {events: ['welcome', 'mutation'], ...options})
        .subscribe((event) => {
          if (event.type === 'welcome') welcomed()
          else events.push(event as Event)
        })
      return {events, welcome, stop: () => subscription.unsubscribe()}
    }
    // Three alike (their events share what they have in common), and two that ask for other parts
    const alike = Array.from({length: 3}, () => listen({}))
    const bare = listen({includeMutations: false})
    const everything = listen({includePreviousRevision: true, effectFormat: 'mendoza'})
    const all = [...alike, bare, everything]
    await Promise.all(all.map((listener) => listener.welcome))
    await lake.editor.create({_id: 'section-shared', _type: 'policySection', n: 1})
    await lake.editor.patch('section-shared').inc({n: 1}).commit()
    await expect.poll(() => all.map((listener) => listener.events.length)).toEqual([2, 2, 2, 2, 2])
    for (const listener of all) listener.stop()

    for (const {events} of alike) {
      expect(events[1]).toMatchObject({result: {n: 2}, mutations: [{patch: expect.anything()}]})
      expect(events[1]).not.toHaveProperty('previous')
      expect(events[1]).not.toHaveProperty('effects')
    }
    expect(alike[1]!.events).toEqual(alike[0]!.events)
    expect(bare.events[1]).not.toHaveProperty('mutations')
    expect(bare.events[1]).toMatchObject({transition: 'update', result: {n: 2}})
    expect(everything.events[1]).toMatchObject({previous: {n: 1}, result: {n: 2}})
    // Effects leave the revision out, as Sanity's do
    const {_rev: _revision, ...changed} = everything.events[1]!.result as Record<string, unknown>
    expect(
      applyPatch(everything.events[1]!.previous, everything.events[1]!.effects!.apply),
    ).toEqual(changed)
  })

  it('sees its draft disappear on publish, with the publishing transaction as result revision', async () => {
    await lake.editor.action({
      actionType: 'sanity.action.document.edit',
      draftId: 'drafts.policy',
      publishedId: 'policy',
      patch: {set: {organisationName: 'Exemple SA'}},
    })
    const draft = await lake.editor.getDocument('drafts.policy')
    const listener = collect(lake, '*[_id == "drafts.policy"]', 1)
    await listener.welcomed
    await lake.editor.action(
      {
        actionType: 'sanity.action.document.publish',
        draftId: 'drafts.policy',
        publishedId: 'policy',
      },
      {transactionId: 'tx-publish-policy'},
    )
    const [gone] = await listener.done
    listener.stop()

    // The Studio drops an event without a result revision and would keep showing the draft
    expect(gone).toMatchObject({
      documentId: 'drafts.policy',
      transition: 'disappear',
      transactionId: 'tx-publish-policy',
      previousRev: draft?._rev,
      resultRev: 'tx-publish-policy',
      effects: {apply: [0, null]},
    })
    expect(await lake.editor.getDocument('policy')).toMatchObject({
      _rev: 'tx-publish-policy',
      organisationName: 'Exemple SA',
    })
  })

  it('does not tell a visitor about drafts', async () => {
    const anonymous = collect(lake, '*[_type == "policySection"]', 1, lake.anonymous)
    await anonymous.welcomed
    await lake.editor.createOrReplace({_id: 'drafts.section-hidden', _type: 'policySection'})
    await lake.editor.createOrReplace({_id: 'section-visible', _type: 'policySection'})
    const [event] = await anonymous.done
    anonymous.stop()
    expect(event?.documentId).toBe('section-visible')
  })
})

describe('listeners without a token cannot hold up the lake or the Studio', () => {
  let lake: TestLake
  const open: IncomingMessage[] = []
  beforeAll(async () => {
    lake = await startTestLake({limits: {maxAnonymousStreams: 3, listenerFilterTimeoutMs: 200}})
  })
  afterAll(async () => {
    for (const stream of open) stream.destroy()
    await lake.stop()
  })

  const listen = (filter: string, headers: Record<string, string> = {}) =>
    rawRequest(lake.url, {
      path: `/v1/data/listen/production?query=${encodeURIComponent(filter)}`,
      headers,
      keepStream: (stream) => open.push(stream),
    })

  it('refuses a filter that cannot be read before any stream opens', async () => {
    const answer = await listen('*[_type == ')
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({error: {type: 'queryParseError'}})
  })

  it('cuts off a listener whose filter is too slow, and still tells the Studio at once', async () => {
    const slowFilter = `*[${Array.from({length: 200}, (_, i) => `title.en match "w${i}*"`).join(' || ')}]`
    const slow = await listen(slowFilter)
    expect(slow.status).toBe(200)
    const stream = open[open.length - 1]!
    let told = ''
    const cutOff = new Promise<void>((resolve) => {
      stream.on('data', (chunk: Buffer) => (told += chunk.toString()))
      stream.on('end', () => resolve())
      stream.on('close', () => resolve())
    })
    const studio = collect(lake, '*[_type == "note"]', 20)
    await studio.welcomed
    // Long titles, so that the filter takes several times its 0.2 s on any machine, however fast
    await lake.editor.mutate(
      Array.from({length: 20}, (_, i) => ({
        createOrReplace: {
          _id: `note-${i}`,
          _type: 'note',
          title: {en: `a long title ${i} `.repeat(400)},
        },
      })),
    )
    await cutOff
    expect(told).toContain('event: channelError')
    expect(told).toContain('took longer than 0.2 s')
    expect((await studio.done).map((event) => event.documentId)).toEqual(
      Array.from({length: 20}, (_, i) => `note-${i}`),
    )
    studio.stop()
  })

  it('holds no more anonymous streams than allowed, while signed-in clients still listen', async () => {
    const answers = []
    for (let i = 0; i < 4; i++) answers.push((await listen('*[_type == "policy"]')).status)
    expect(answers.filter((status) => status === 429).length).toBeGreaterThanOrEqual(1)
    const refused = await listen('*')
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toBeDefined()
    const studio = collect(lake, '*[_id == "note-0"]', 1)
    await studio.welcomed
    studio.stop()
  })
})
