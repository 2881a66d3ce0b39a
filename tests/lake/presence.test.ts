import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import WebSocket from 'ws'

import {startTestLake, type TestLake} from './helpers'

const STUDIO_ORIGIN = 'http://localhost:3000'

interface Message {
  id?: string | number
  method?: string
  result?: unknown
  params?: {subscription: string; result: Record<string, unknown>}
}

/**
 * A Studio's presence connection, speaking as `@sanity/bifur-client` does: it authorizes,
 * subscribes to `presence` and then announces, calls the roll and leaves.
 */
class Studio {
  readonly received: Message[] = []
  private nextId = 0
  private waiting: (() => void)[] = []

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString()
      if (text === '♥') return
      this.received.push(JSON.parse(text) as Message)
      for (const wake of this.waiting.splice(0)) wake()
    })
  }

  static async open(
    lake: TestLake,
    token: string,
    dataset = 'production',
    base = lake.url.replace('http', 'ws'),
  ): Promise<Studio> {
    const socket = new WebSocket(`${base}/v2022-06-30/socket/${dataset}`, {
      origin: STUDIO_ORIGIN,
      // The lake's own certificate, made for this test
      rejectUnauthorized: false,
    })
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const studio = new Studio(socket)
    expect(await studio.call('authorization', {authorization: `Bearer ${token}`})).toBe(true)
    return studio
  }

  /** A call and its answer. */
  async call(method: string, params: Record<string, unknown>): Promise<unknown> {
    const id = `r${this.nextId++}`
    this.socket.send(
      JSON.stringify({jsonrpc: '2.0', method, params: {...params, apiVersion: 'v1'}, id}),
    )
    const answer = await this.until((message) => message.id === id)
    return answer.result
  }

  /** The first message received that matches, waiting for it. */
  async until(matches: (message: Message) => boolean): Promise<Message> {
    for (;;) {
      const found = this.received.find(matches)
      if (found) return found
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('No such message came')), 2_000)
        this.waiting.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** The presence events received so far. */
  events(): Record<string, unknown>[] {
    return this.received
      .filter((message) => message.method === 'presence_subscription')
      .map((message) => message.params!.result)
  }
}

const HERE = [
  {
    type: 'document',
    documentId: 'section-cookies',
    path: ['body', 'fr'],
    lastActiveAt: '2026-12-06T12:00:00.000Z',
  },
]

describe('presence, relayed as Sanity’s presence service does', () => {
  let lake: TestLake
  let editor: string
  let reviewer: string

  beforeAll(async () => {
    lake = await startTestLake({siteOrigin: STUDIO_ORIGIN})
    editor = lake.users[0]!.token
    reviewer = lake.users[1]!.token
  })
  afterAll(() => lake.stop())

  it('two people on one document see where the other is, who calls the roll, and when the other leaves', async () => {
    const [first, second] = await Promise.all([
      Studio.open(lake, editor),
      Studio.open(lake, reviewer),
    ])
    const subscription = await second.call('presence_subscribe', {})
    expect(typeof subscription).toBe('string')
    await first.call('presence_subscribe', {})

    expect(
      await first.call('presence_announce', {data: {sessionId: 'session-a', locations: HERE}}),
    ).toBe(true)
    const state = await second.until((message) => message.params?.result.type === 'state')
    expect(state.params).toEqual({
      subscription,
      result: {type: 'state', i: lake.users[0]!.id, m: {sessionId: 'session-a', locations: HERE}},
    })
    // Nobody is told about themselves.
    expect(first.events()).toEqual([])

    expect(await second.call('presence_rollcall', {session: 'session-b'})).toBe(true)
    expect((await first.until((m) => m.params?.result.type === 'rollCall')).params!.result).toEqual(
      {
        type: 'rollCall',
        i: lake.users[1]!.id,
        session: 'session-b',
      },
    )

    // Closing the tab is leaving.
    first.socket.close()
    expect(
      (await second.until((m) => m.params?.result.type === 'disconnect')).params!.result,
    ).toEqual({
      type: 'disconnect',
      i: lake.users[0]!.id,
      m: {session: 'session-a'},
    })
    second.socket.close()
  })

  it('someone who arrives later is told where the others already are', async () => {
    const first = await Studio.open(lake, editor)
    expect(
      await first.call('presence_announce', {data: {sessionId: 'early', locations: HERE}}),
    ).toBe(true)
    const late = await Studio.open(lake, reviewer)
    const subscription = await late.call('presence_subscribe', {})
    const state = await late.until((message) => message.params?.result.type === 'state')
    expect(state.params).toEqual({
      subscription,
      result: {type: 'state', i: lake.users[0]!.id, m: {sessionId: 'early', locations: HERE}},
    })
    first.socket.close()
    late.socket.close()
  })

  it('keeps datasets apart, and refuses an announcement that is not one', async () => {
    const [production, other] = await Promise.all([
      Studio.open(lake, editor),
      Studio.open(lake, reviewer, 'staging'),
    ])
    await other.call('presence_subscribe', {})
    await production.call('presence_subscribe', {})
    expect(
      await production.call('presence_announce', {data: {sessionId: 'x', locations: HERE}}),
    ).toBe(true)
    expect(
      await production.call('presence_announce', {data: {sessionId: '../../', locations: HERE}}),
    ).toBe(false)
    expect(
      await production.call('presence_announce', {data: {sessionId: 'y', locations: 'here'}}),
    ).toBe(false)
    // A round trip on the other socket: anything relayed to it would have come first.
    await other.call('presence_rollcall', {session: 'z'})
    expect(other.events()).toEqual([])
    production.socket.close()
    other.socket.close()
  })
})

describe('the presence socket on the Studio’s TLS port', () => {
  let lake: TestLake
  beforeAll(async () => {
    // Bounds short enough to pass within the test
    lake = await startTestLake({
      siteOrigin: STUDIO_ORIGIN,
      httpsPort: 0,
      limits: {headersTimeoutMs: 300},
    })
  })
  afterAll(() => lake.stop())

  it('stays open past the time a connection has to send its request', async () => {
    const token = lake.users.find((user) => user.role === 'editor')!.token
    const studio = await Studio.open(
      lake,
      token,
      'production',
      lake.httpsUrl!.replace('https', 'wss'),
    )
    let closed = false
    studio.socket.once('close', () => (closed = true))
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(closed).toBe(false)
    expect(typeof (await studio.call('presence_subscribe', {channel: 'presence'}))).toBe('string')
    studio.socket.close()
  })
})
