import type {LiveEvent} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {startTestLake, type TestLake} from './helpers'

/** Collects live events until `until` says enough. */
function watch(lake: TestLake, includeDrafts: boolean, until: (events: LiveEvent[]) => boolean) {
  const events: LiveEvent[] = []
  let resolveDone: (events: LiveEvent[]) => void
  const done = new Promise<LiveEvent[]>((resolve) => (resolveDone = resolve))
  const subscription = lake.editor.live.events({includeDrafts}).subscribe((event) => {
    events.push(event)
    if (until(events)) resolveDone(events)
  })
  return {events, done, stop: () => subscription.unsubscribe()}
}

describe('the Live Content API the Presentation tool uses', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('welcomes a client, then tells it to fetch again after a commit', async () => {
    const stream = watch(lake, true, (events) => events.some((event) => event.type === 'restart'))
    await expect.poll(() => stream.events.map((event) => event.type)).toContain('welcome')

    await lake.editor.createOrReplace({
      _id: 'drafts.section-cookies',
      _type: 'policySection',
      title: {fr: 'Témoins (brouillon)', en: 'Cookies (draft)'},
    })
    const events = await stream.done
    stream.stop()
    expect(events.map((event) => event.type)).toEqual(['welcome', 'restart'])
  })

  it('asks for a token before it streams changes to drafts', async () => {
    const response = await fetch(
      `${lake.url}/v2025-02-19/data/live/events/production?includeDrafts=true`,
    )
    expect(response.status).toBe(401)
  })
})
