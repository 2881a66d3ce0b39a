import {connect as http2Connect, type ClientHttp2Session} from 'node:http2'
import {connect as netConnect, type Socket} from 'node:net'
import {connect as tlsConnect} from 'node:tls'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'

import {rawRequest, startTestLake, type TestLake} from './helpers'
import type {LakeLimits} from '../../sanity/lake/core'

/**
 * One test per way a hostile client could stall the lake, starve the site's reads or hold the
 * lake's memory, each scaled down to run in seconds: the bound that applies holds (the request
 * is refused or cut), the site's query is answered meanwhile, and what the lake holds for its
 * clients (its own accounting, not the process's memory) returns to where it started.
 */

/** Attackers come from addresses of their own on the loopback network; the site from 127.0.0.1. */
const ATTACKER = '127.0.0.2'

/** Polls until `check` holds, or fails after `timeoutMs` (generous: a busy machine is slow). */
async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline)
      throw new Error(`Still waiting after ${timeoutMs} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

function siteQuery(lake: TestLake) {
  return rawRequest(lake.url, {
    path: `/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type == "policyVersion"]{_id, number}')}`,
    headers: {authorization: `Bearer ${lake.siteToken}`},
    timeoutMs: 30_000,
  })
}

function ping(lake: TestLake) {
  return rawRequest(lake.url, {path: '/v1/ping', timeoutMs: 30_000})
}

/**
 * A client that sends a request from `from` and reads nothing of the answer. Whether the lake cut
 * it is read from the lake's own accounting (the client paused cannot see the end of a stream);
 * `readRest` then reads what it had been sent, up to the end.
 */
interface UnreadRequest {
  socket: Socket
  readRest: () => Promise<number>
}

function unreadRequest(
  url: string,
  path: string,
  headers: Record<string, string> = {},
  from = ATTACKER,
): Promise<UnreadRequest> {
  const {hostname, port} = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = netConnect({host: hostname, port: Number(port), localAddress: from}, () => {
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
      socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\n${lines.join('')}\r\n`)
      socket.pause()
      resolve({
        socket,
        readRest: () =>
          new Promise((done) => {
            let bytes = 0
            socket.on('data', (chunk: Buffer) => (bytes += chunk.length))
            socket.once('close', () => done(bytes))
            socket.resume()
          }),
      })
    })
    socket.on('error', () => undefined)
    socket.once('error', reject)
  })
}

/** Waits until the lake has closed every connection of `address` and holds nothing for it. */
function cutByTheLake(lake: TestLake, address = ATTACKER): Promise<void> {
  return waitFor(
    `the lake cutting ${address}`,
    () => lake.clients.connectionsOf(address) === 0 && lake.clients.heldBytes(address) === 0,
  )
}

function query(
  lake: TestLake,
  groq: string,
  options: {token?: string; from?: string; params?: Record<string, unknown>} = {},
) {
  const params = Object.entries(options.params ?? {})
    .map(([name, value]) => `&$${name}=${encodeURIComponent(JSON.stringify(value))}`)
    .join('')
  const {hostname, port} = new URL(lake.url)
  return new Promise<{status: number; body: string}>((resolve, reject) => {
    const socket = netConnect(
      {host: hostname, port: Number(port), localAddress: options.from ?? '127.0.0.1'},
      () => {
        const auth = options.token ? `Authorization: Bearer ${options.token}\r\n` : ''
        socket.write(
          `GET /v2025-02-19/data/query/production?query=${encodeURIComponent(groq)}${params} HTTP/1.1\r\nHost: lake\r\nConnection: close\r\n${auth}\r\n`,
        )
      },
    )
    let text = ''
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0)
      resolve({status, body: text.slice(text.indexOf('\r\n\r\n') + 4)})
    })
    socket.on('error', reject)
  })
}

const FILLER_QUERY = `count(*[_type == "filler"][0...$n]{"a": count(*[_type == "filler"][0...$n]{"b": count(*[_type == "filler" && _id > ^._id])})})`

async function addFillers(lake: TestLake, count: number): Promise<void> {
  await lake.editor.mutate(
    Array.from({length: count}, (_, i) => ({create: {_id: `filler-${i}`, _type: 'filler', n: i}})),
  )
}

async function startHostileLake(limits: Partial<LakeLimits> = {}, queryTimeoutMs = 2000) {
  return startTestLake({queryTimeoutMs, limits: {unreadAnswerTimeoutMs: 1500, ...limits}})
}

describe('one id repeated in a /doc address', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startHostileLake()
  })
  afterAll(() => lake.stop())

  it('is answered once per id, and more different ids than Sanity’s client sends are refused', async () => {
    const repeated = Array.from({length: 1180}, () => 'policy').join(',')
    const answers = await Promise.all(
      Array.from({length: 8}, () =>
        rawRequest(lake.url, {path: `/v1/data/doc/production/${repeated}`, timeoutMs: 30_000}),
      ),
    )
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      const body = JSON.parse(answer.body) as {documents: {_id: string}[]}
      expect(body.documents.map((doc) => doc._id)).toEqual(['policy'])
    }
    const many = Array.from({length: 201}, (_, i) => `doc-${i}`).join(',')
    const refused = await rawRequest(lake.url, {path: `/v1/data/doc/production/${many}`})
    expect(refused.status).toBe(400)
    expect(refused.body).toContain('At most 200 different document ids')
    expect((await siteQuery(lake)).status).toBe(200)
    await waitFor('nothing held', () => lake.clients.heldBytes() === 0)
  })
})

describe('clients that ask for a large answer and never read it', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startHostileLake({maxAnswerBytes: 20_000_000, maxHeldBytesPerClient: 2_000_000})
    for (let i = 0; i < 4; i++) {
      await lake.editor.create({_id: `big-${i}`, _type: 'big', text: 'x'.repeat(3_500_000)})
    }
  })
  afterAll(() => lake.stop())

  it('are refused more once they hold their share, cut when they do not read, and leave nothing held', async () => {
    const path = `/v1/data/query/production?query=${encodeURIComponent('*[_type == "big"]')}`
    const unread = await unreadRequest(lake.url, path)
    await waitFor('the answer held for the attacker', () => lake.clients.heldBytes(ATTACKER) > 0)
    // Holding its share, the attacker is turned away; the site is not
    const more = await query(lake, '*[_type == "big"]', {from: ATTACKER})
    expect(more.status).toBe(429)
    expect((await siteQuery(lake)).status).toBe(200)
    // Reading nothing, it is cut, and the lake holds nothing more for it
    await cutByTheLake(lake)
    expect(await unread.readRest()).toBeLessThan(14_000_000)
    await waitFor('nothing held', () => lake.clients.heldBytes() === 0)
    // An answer larger than any may be is refused before the lake's thread ever holds it
    const tooLarge = await query(lake, '[*[_type == "big"], *[_type == "big"]]')
    expect(tooLarge.status).toBe(400)
    expect(tooLarge.body).toContain('queryResultTooLarge')
  })
})

describe('many slow queries without a token', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startHostileLake()
    await addFillers(lake, 150)
  })
  afterAll(() => lake.stop())

  it('fill the anonymous lane only: the site and signed-in people are answered, and never 429', async () => {
    const attackers = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'].flatMap((from) =>
      Array.from({length: 4}, () => query(lake, FILLER_QUERY, {from, params: {n: 150}})),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    const another = await query(lake, 'count(*)', {from: '127.0.0.6'})
    expect(another.status).toBe(429)
    for (let i = 0; i < 8; i++) expect((await siteQuery(lake)).status).toBe(200)
    expect(await lake.editor.fetch('count(*[_type == "filler"])')).toBe(150)
    const outcomes = await Promise.all(attackers)
    for (const outcome of outcomes) expect([400, 429]).toContain(outcome.status)
  })
})

describe('a slow query first run with a tiny parameter', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startHostileLake()
    await addFillers(lake, 150)
  })
  afterAll(() => lake.stop())

  it('earns no place on the signed-in people’s or the site’s worker', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await query(lake, FILLER_QUERY, {from: ATTACKER, params: {n: 1}})).status).toBe(200)
    }
    let attackersDone = false
    const attackers = Promise.all(
      Array.from({length: 4}, () => query(lake, FILLER_QUERY, {from: ATTACKER, params: {n: 150}})),
    ).then((outcomes) => {
      attackersDone = true
      return outcomes
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(await lake.editor.fetch('count(*[_type == "filler"])')).toBe(150)
    expect((await siteQuery(lake)).status).toBe(200)
    // Both were answered while the attackers' queries still held the anonymous lane
    expect(attackersDone).toBe(false)
    for (const outcome of await attackers) expect([400, 429]).toContain(outcome.status)
  })
})

describe('an editor’s request with thousands of patches on a large document', () => {
  const items = Array.from({length: 1000}, (_, i) => ({_key: `k${i}`, text: 'x'.repeat(1000)}))
  const mutations = Array.from({length: 6000}, (_, i) => ({
    patch: {id: 'large', set: {[`items[_key=="k${i % 1000}"].text`]: `y${i}`}},
  }))
  const send = (lake: TestLake, first: unknown[] = []) =>
    rawRequest(lake.url, {
      method: 'POST',
      path: '/v1/data/mutate/production',
      headers: {
        authorization: `Bearer ${lake.users.find((user) => user.role === 'editor')!.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({mutations: [...first, ...mutations]}),
      timeoutMs: 120_000,
    })
  let lake: TestLake
  let strict: TestLake
  beforeAll(async () => {
    lake = await startHostileLake({transactionTimeoutMs: 120_000})
    // Its seconds of work against a tenth of a second
    strict = await startHostileLake({transactionTimeoutMs: 100})
    for (const each of [lake, strict])
      await each.editor.create({_id: 'large', _type: 'large', items})
  })
  afterAll(() => Promise.all([lake.stop(), strict.stop()]))

  it('is applied in a query worker, while others are answered', async () => {
    let done = false
    const big = send(lake).then((answer) => {
      done = true
      return answer
    })
    let answeredMeanwhile = 0
    while (!done) {
      if ((await ping(lake)).status === 200 && !done) answeredMeanwhile += 1
      if (answeredMeanwhile === 1 && (await siteQuery(lake)).status === 200 && !done) {
        answeredMeanwhile += 1
      }
    }
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(2)
    expect((await big).status).toBe(200)
    expect((await lake.editor.getDocument('large'))?.items[999].text).toBe('y5999')
  })

  it('holds up no one else’s transactions, and is applied again when one changed what it read', async () => {
    await lake.editor.createOrReplace({_id: 'counter', _type: 'counter', n: 0})
    let done = false
    // The large transaction first adds one to a counter, which someone else changes meanwhile
    const big = send(lake, [{patch: {id: 'counter', inc: {n: 1}}}]).then((answer) => {
      done = true
      return answer
    })
    await lake.editor.patch('counter').inc({n: 10}).commit()
    const whileBuilding = !done
    const others: string[] = []
    while (!done && others.length < 3) {
      const {_id} = await lake.editor.create({_type: 'note', text: `written meanwhile`})
      if (!done) others.push(_id)
    }
    expect((await big).status).toBe(200)
    expect(whileBuilding).toBe(true)
    expect(others).toHaveLength(3)
    // Built first on a copy where the counter was 0, it was built again on the one where it was 10
    expect((await lake.editor.getDocument('counter'))?.n).toBe(11)
    expect((await lake.editor.getDocument('large'))?.items[999].text).toBe('y5999')
  })

  it('is refused whole past its time limit, and a request of a usual size goes through', async () => {
    const before = await strict.editor.getDocument('large')
    const answer = await send(strict)
    expect(answer.status).toBe(400)
    expect(answer.body).toContain('transactionTimeout')
    expect((await strict.editor.getDocument('large'))?._rev).toBe(before?._rev)
    await strict.editor.patch('large').set({'items[_key=="k1"].text': 'z'}).commit()
    expect((await strict.editor.getDocument('large'))?.items[1].text).toBe('z')
  })
})

describe('an editor’s transaction log with effects, asked for several times and not read', () => {
  let lake: TestLake
  let token: string
  beforeAll(async () => {
    lake = await startHostileLake()
    token = lake.users.find((user) => user.role === 'editor')!.token
    await lake.editor.create({_id: 'counted', _type: 'counted', n: 0, text: 'x'.repeat(20_000)})
    for (let i = 1; i <= 200; i++) await lake.editor.patch('counted').set({n: i}).commit()
  })
  afterAll(() => lake.stop())

  it('is streamed a slice at a time: little is held, others are answered, readers get it all', async () => {
    const path = '/v1/data/history/production/transactions/counted?effectFormat=mendoza'
    const unread = await Promise.all(
      Array.from({length: 4}, () =>
        unreadRequest(lake.url, path, {authorization: `Bearer ${token}`}),
      ),
    )
    expect((await ping(lake)).status).toBe(200)
    expect((await siteQuery(lake)).status).toBe(200)
    // Each unread stream holds at most a chunk or two, never the log
    expect(lake.clients.heldBytes()).toBeLessThan(4 * 256 * 1024)
    await cutByTheLake(lake)
    for (const request of unread) request.socket.destroy()
    const read = await rawRequest(lake.url, {
      path,
      headers: {authorization: `Bearer ${token}`},
      timeoutMs: 30_000,
    })
    const lines = read.body.trim().split('\n')
    expect(lines).toHaveLength(201)
    expect(JSON.parse(lines[200]!).effects.counted).toBeDefined()
  })
})

describe('exports of many documents by several clients at once', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startHostileLake()
    await addFillers(lake, 2000)
  })
  afterAll(() => lake.stop())

  it('are streamed from the store while others are answered', async () => {
    const exports = Array.from({length: 8}, () =>
      rawRequest(lake.url, {path: '/v1/data/export/production', timeoutMs: 60_000}),
    )
    expect((await ping(lake)).status).toBe(200)
    expect((await siteQuery(lake)).status).toBe(200)
    for (const answer of await Promise.all(exports)) {
      const lines = answer.body.trim().split('\n')
      expect(lines.filter((line) => line.includes('"filler"'))).toHaveLength(2000)
      expect(answer.body).not.toContain('drafts.')
    }
    await waitFor('nothing held', () => lake.clients.heldBytes() === 0)
  })
})

describe('listeners without a token on a large document that do not read', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startHostileLake()
    await lake.editor.create({_id: 'heavy', _type: 'heavy', n: 0, text: 'x'.repeat(1_000_000)})
  })
  afterAll(() => lake.stop())

  it('are cut, alone: a listener that reads gets every event', async () => {
    const path = `/v1/data/listen/production?query=${encodeURIComponent('*[_id == "heavy"]')}`
    const unread = await Promise.all(Array.from({length: 8}, () => unreadRequest(lake.url, path)))
    const events: string[] = []
    let reader: {destroy: () => void} | undefined
    await rawRequest(lake.url, {
      path,
      keepStream: (response) => {
        // Handed over with each chunk that follows the first event: taken once
        if (reader) return
        reader = response
        let buffer = ''
        // Text, as rawRequest reads it
        response.on('data', (chunk: string) => {
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            events.push(buffer.slice(0, end))
            buffer = buffer.slice(end + 2)
          }
        })
      },
    })
    // More than the sockets' buffers take, so that what is left would wait in the lake; the
    // reader reads each event before the next commit, as a Studio does
    const mutationEvents = () => events.filter((event) => event.includes('\nevent: mutation\n'))
    for (let i = 1; i <= 8; i++) {
      await lake.editor.patch('heavy').set({n: i}).commit()
      await waitFor(`the reader’s event ${i}`, () => mutationEvents().length === i)
    }
    expect((await siteQuery(lake)).status).toBe(200)
    await cutByTheLake(lake)
    for (const request of unread) request.socket.destroy()
    reader?.destroy()
    await waitFor('nothing held', () => lake.clients.heldBytes() === 0)
  })
})

describe('connections that are silent or slow, on both ports', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake({
      httpsPort: 0,
      limits: {headersTimeoutMs: 1000, requestTimeoutMs: 2000, idleTimeoutMs: 2000},
    })
  })
  afterAll(() => lake.stop())

  const plain = () => {
    const {hostname, port} = new URL(lake.url)
    return netConnect({host: hostname, port: Number(port)})
  }
  const secure = (protocol: string) => {
    const {port} = new URL(lake.httpsUrl!)
    return tlsConnect({
      host: '127.0.0.1',
      port: Number(port),
      rejectUnauthorized: false,
      ALPNProtocols: [protocol],
    })
  }
  const closedWithin = (socket: Socket, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms)
      socket.on('error', () => undefined)
      // Reading, so as to see the end of the connection
      socket.resume()
      socket.once('close', () => {
        clearTimeout(timer)
        resolve(true)
      })
    })
  /** Sends `text` a byte at a time, slower than any bound allows. */
  const drip = (socket: Socket, text: string) => {
    let at = 0
    const timer = setInterval(() => {
      if (at >= text.length || socket.destroyed) clearInterval(timer)
      else socket.write(text[at++]!)
    }, 200)
    socket.once('close', () => clearInterval(timer))
  }

  it('cuts idle connections and slow headers on the plain port', async () => {
    const idle = plain()
    const slow = plain()
    drip(slow, 'GET /v1/ping HTTP/1.1\r\nHost: lake\r\nX-Slow: ' + 'a'.repeat(200))
    expect(await Promise.all([closedWithin(idle, 15_000), closedWithin(slow, 15_000)])).toEqual([
      true,
      true,
    ])
  })

  it('cuts slow bodies on the plain port', async () => {
    const slow = plain()
    slow.write(
      'POST /v1/data/query/production HTTP/1.1\r\nHost: lake\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n',
    )
    drip(slow, '{"query": "' + 'a'.repeat(480))
    expect(await closedWithin(slow, 15_000)).toBe(true)
  })

  it('cuts silent connections, HTTP/1.1 slow headers and idle HTTP/2 sessions on the TLS port', async () => {
    const {port} = new URL(lake.httpsUrl!)
    const silent = netConnect({host: '127.0.0.1', port: Number(port)})
    const slowHeaders = secure('http/1.1')
    slowHeaders.once('secureConnect', () =>
      drip(slowHeaders, 'GET /v1/ping HTTP/1.1\r\nHost: lake\r\nX-Slow: ' + 'a'.repeat(200)),
    )
    const session: ClientHttp2Session = http2Connect(lake.httpsUrl!, {rejectUnauthorized: false})
    session.on('error', () => undefined)
    const sessionClosed = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 15_000)
      session.once('close', () => {
        clearTimeout(timer)
        resolve(true)
      })
    })
    expect(
      await Promise.all([
        closedWithin(silent, 15_000),
        closedWithin(slowHeaders, 15_000),
        sessionClosed,
      ]),
    ).toEqual([true, true, true])
  })

  it('cuts an HTTP/2 stream that sends its body slowly with a 408, and keeps serving its session', async () => {
    const session = http2Connect(lake.httpsUrl!, {rejectUnauthorized: false})
    session.on('error', () => undefined)
    const stream = session.request({
      ':method': 'POST',
      ':path': '/v1/data/query/production',
      'content-type': 'application/json',
    })
    stream.on('error', () => undefined)
    let status = 0
    stream.on('response', (headers) => (status = Number(headers[':status'])))
    let at = 0
    const body = '{"query": "' + 'a'.repeat(480)
    const timer = setInterval(() => {
      if (at < body.length && !stream.closed) stream.write(body[at++]!)
    }, 200)
    const ended = await new Promise<boolean>((resolve) => {
      const limit = setTimeout(() => resolve(false), 15_000)
      stream.once('close', () => {
        clearTimeout(limit)
        resolve(true)
      })
    })
    clearInterval(timer)
    expect(ended).toBe(true)
    expect(status).toBe(408)
    const pingStatus = await new Promise<number>((resolve) => {
      const request = session.request({':path': '/v1/ping'})
      request.on('response', (headers) => resolve(Number(headers[':status'])))
      request.on('error', () => resolve(0))
      request.resume()
    })
    expect(pingStatus).toBe(200)
    session.close()
  })
})

describe('thousands of connections held open by one client', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake({limits: {maxConnectionsPerClient: 50}})
  })
  afterAll(() => lake.stop())

  it('are capped per client, and the lake answers others meanwhile', async () => {
    const {hostname, port} = new URL(lake.url)
    const sockets = Array.from({length: 400}, () => {
      const socket = netConnect({host: hostname, port: Number(port), localAddress: ATTACKER})
      socket.on('error', () => undefined)
      return socket
    })
    await waitFor(
      'the connections over the cap closed',
      () =>
        sockets.filter((socket) => !socket.destroyed && socket.readyState === 'open').length <=
          50 && sockets.every((socket) => socket.readyState !== 'opening'),
    )
    expect(lake.clients.connectionsOf(ATTACKER)).toBeLessThanOrEqual(50)
    expect((await ping(lake)).status).toBe(200)
    expect((await siteQuery(lake)).status).toBe(200)
    for (const socket of sockets) socket.destroy()
    await waitFor(
      'the client’s connections counted out',
      () => lake.clients.connectionsOf(ATTACKER) === 0,
    )
  })
})

describe('a client that goes away before the lake is done with its request', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startHostileLake()
  })
  afterAll(() => lake.stop())

  it('is noted in one line for whoever debugs, not reported as an error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const notes = vi.spyOn(console, 'debug').mockImplementation(() => undefined)
    try {
      const {hostname, port} = new URL(lake.url)
      const socket = netConnect({host: hostname, port: Number(port)}, () => {
        socket.write(
          'POST /v1/data/query/production HTTP/1.1\r\nHost: lake\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query": ',
        )
        setTimeout(() => socket.destroy(), 200)
      })
      socket.on('error', () => undefined)
      await waitFor('the note', () => notes.mock.calls.length > 0)
      expect(String(notes.mock.calls[0]?.[0])).toMatch(/^\[lake\] client went away: [^\n]+$/)
      expect(errors).not.toHaveBeenCalled()
      expect((await ping(lake)).status).toBe(200)
    } finally {
      errors.mockRestore()
      notes.mockRestore()
    }
  })
})
