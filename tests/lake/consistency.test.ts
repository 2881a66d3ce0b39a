import type {MutationEvent, SanityDocument} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {API_VERSION, startTestLake, type TestLake} from './helpers'

/**
 * The lake keeps a document in four places: SQLite (what `/data/doc` and the history read), the
 * query workers' copies (what GROQ reads), and what listeners are told. After every write,
 * accepted or refused, all of them must tell the same story: a refused write leaves no trace
 * anywhere, an accepted one is everywhere before it is acknowledged.
 */

const IDS = ['note-1', 'note-2', 'note-deep', 'note-big', 'marker']
const deeplyNested = (levels: number): unknown => {
  let value: unknown = 'bottom'
  for (let i = 0; i < levels; i++) value = [value]
  return value
}

describe('after any write, accepted or refused, the document API, GROQ, the history and a listener agree', () => {
  let lake: TestLake
  /** What the listener has been told: each document's last state (null once gone). */
  const told = new Map<string, SanityDocument | null>()
  const seenTransactions = new Set<string>()
  let stopListening: () => void
  let markers = 0

  beforeAll(async () => {
    lake = await startTestLake({limits: {maxDocumentBytes: 50_000}})
    let welcomed: () => void
    const welcome = new Promise<void>((resolve) => (welcomed = resolve))
    const subscription = lake.editor
      .listen('*', {}, {events: ['welcome', 'mutation'], includeResult: true})
      .subscribe((event) => {
        if (event.type === 'welcome') return welcomed()
        const mutation = event as MutationEvent
        told.set(mutation.documentId, (mutation.result as SanityDocument | undefined) ?? null)
        seenTransactions.add(mutation.transactionId)
      })
    stopListening = () => subscription.unsubscribe()
    await welcome
  })
  afterAll(async () => {
    stopListening?.()
    await lake.stop()
  })

  async function transactionCount(): Promise<number> {
    const response = await fetch(
      `${lake.url}/v${API_VERSION}/data/history/production/transactions`,
      {headers: {authorization: `Bearer ${lake.users[0]!.token}`}},
    )
    return (await response.text()).split('\n').filter(Boolean).length
  }

  /**
   * Waits until the listener has heard of a transaction written after the one under test:
   * events arrive in commit order, so anything the tested write caused has arrived by then.
   */
  async function settle(): Promise<void> {
    // A document's revision is the id of the transaction that wrote it
    const {_rev: transactionId} = await lake.editor.createOrReplace({
      _id: 'marker',
      _type: 'marker',
      n: ++markers,
    })
    while (!seenTransactions.has(transactionId)) await new Promise((r) => setTimeout(r, 10))
  }

  async function expectAllAgree(): Promise<void> {
    const fromDocumentApi = await lake.editor.getDocuments(IDS)
    const fromGroq = await lake.editor.fetch<SanityDocument[]>(
      '*[_id in $ids]',
      {ids: IDS},
      {perspective: 'raw'},
    )
    const fromHistory = await lake.editor.request<{documents: SanityDocument[]}>({
      url: `/data/history/production/documents/${IDS.join(',')}?lastRevision=true`,
    })
    const byId = (docs: (SanityDocument | null | undefined)[]) =>
      Object.fromEntries(
        IDS.map((id) => [id, docs.find((doc) => doc?._id === id) ?? null] as const),
      )
    const stored = byId(fromDocumentApi)
    expect(byId(fromGroq)).toEqual(stored)
    expect(byId(IDS.map((id) => told.get(id)))).toEqual(stored)
    // The history keeps a deleted document's last state; it holds nothing that was refused
    for (const id of IDS) {
      const last = fromHistory.documents.find((doc) => doc._id === id)
      if (stored[id]) expect(last).toEqual(stored[id])
    }
  }

  type Write = [label: string, outcome: 'accepted' | 'refused', write: () => Promise<unknown>]
  const writes: Write[] = [
    ['a new note', 'accepted', () => lake.editor.create({_id: 'note-1', _type: 'note', n: 1})],
    [
      'a note nested 2,000 levels deep',
      'refused',
      () =>
        lake.editor.createOrReplace({_id: 'note-deep', _type: 'note', body: deeplyNested(2_000)}),
    ],
    [
      'a note nested 21 levels deep, one past the limit',
      'refused',
      () => lake.editor.createOrReplace({_id: 'note-deep', _type: 'note', body: deeplyNested(20)}),
    ],
    [
      'a note nested 20 levels deep, at the limit',
      'accepted',
      () => lake.editor.createOrReplace({_id: 'note-deep', _type: 'note', body: deeplyNested(19)}),
    ],
    [
      'a note over the size limit',
      'refused',
      () => lake.editor.createOrReplace({_id: 'note-big', _type: 'note', text: 'x'.repeat(60_000)}),
    ],
    [
      'a patch growing a note past the size limit',
      'refused',
      () =>
        lake.editor
          .patch('note-1')
          .set({text: 'x'.repeat(60_000)})
          .commit(),
    ],
    [
      'a patch changing the type',
      'refused',
      () => lake.editor.patch('note-1').set({_type: 'policyVersion'}).commit(),
    ],
    [
      'a patch removing the type',
      'refused',
      () => lake.editor.patch('note-1').unset(['_type']).commit(),
    ],
    ['inc on text', 'refused', () => lake.editor.patch('note-1').inc({_type: 1}).commit()],
    [
      'a patch with a broken path',
      'refused',
      () => lake.editor.mutate([{patch: {id: 'note-1', set: {'n[': 2}}}] as never),
    ],
    [
      'set: null',
      'refused',
      () => lake.editor.mutate([{patch: {id: 'note-1', set: null}}] as never),
    ],
    [
      'a good create followed by a bad patch, in one transaction',
      'refused',
      () =>
        lake.editor.mutate([
          {create: {_id: 'note-2', _type: 'note'}},
          {patch: {id: 'note-1', inc: {n: 'one'}}},
        ] as never),
    ],
    ['a good patch', 'accepted', () => lake.editor.patch('note-1').inc({n: 1}).commit()],
    ['deleting a note', 'accepted', () => lake.editor.delete('note-1')],
  ]

  it.each(writes)('%s (%s)', async (_label, outcome, write) => {
    const before = await transactionCount()
    if (outcome === 'accepted') {
      await write()
    } else {
      const refusal = (await write().then(
        () => ({statusCode: 200}),
        (error: unknown) => error,
      )) as {statusCode?: number}
      expect(refusal.statusCode).toBeGreaterThanOrEqual(400)
      expect(refusal.statusCode).toBeLessThan(500)
    }
    expect(await transactionCount()).toBe(before + (outcome === 'accepted' ? 1 : 0))
    await settle()
    await expectAllAgree()
  })

  it('records nothing for a write that changes nothing', async () => {
    await lake.editor.create({_id: 'note-2', _type: 'note'})
    const before = await transactionCount()
    await lake.editor.createIfNotExists({_id: 'note-2', _type: 'note'})
    await lake.editor.mutate([{delete: {id: 'never-existed'}}])
    await lake.editor.mutate([{patch: {query: '*[_id == "nothing-here"]', set: {n: 1}}}])
    expect(await transactionCount()).toBe(before)
    await settle()
    await expectAllAgree()
  })
})
