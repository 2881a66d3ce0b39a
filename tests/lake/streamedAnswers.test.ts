import {once} from 'node:events'
import {mkdtempSync, rmSync} from 'node:fs'
import {createServer, get as httpGet, type IncomingMessage, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {connect as netConnect, type Socket} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {LakeDocument} from '../../sanity/lake/core'
import {sendError} from '../../sanity/lake/http/messages'
import type {TransactionsSpec} from '../../sanity/lake/http/ndjsonAnswers'
import {NdjsonStreams} from '../../sanity/lake/http/ndjsonStreams'
import {DatasetStore} from '../../sanity/lake/store'
import {rawRequest, startTestLake, type TestLake} from './helpers'

/**
 * The transaction log with effects and the export are made in workers and piped to the client a
 * chunk at a time: what a client reads is what the Studio and Sanity's tools expect, a client that
 * does not read holds a chunk, and a worker that dies ends its answers instead of leaving them
 * hanging.
 */

interface LogLine {
  id: string
  author: string
  timestamp: string
  documentIDs: string[]
  mutations?: unknown[]
  effects?: Record<string, {apply: [0, Record<string, unknown> | null]; revert: [0, unknown]}>
}

/** Text whose characters take 2 and 3 bytes, so that chunks of bytes would cut through them. */
const ACCENTED = 'é✓ '.repeat(4000)

/** The body as bytes decoded once: a multi-byte character split across packets stays whole. */
async function read(lake: TestLake, path: string, token?: string) {
  const answer = await fetch(`${lake.url}${path}`, {
    headers: token ? {authorization: `Bearer ${token}`} : {},
  })
  return {
    status: answer.status,
    type: answer.headers.get('content-type'),
    text: await answer.text(),
  }
}

function parse<T = LogLine>(text: string): T[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T)
}

function withoutRev(doc: LakeDocument): Record<string, unknown> {
  const {_rev: _ignored, ...rest} = doc
  return rest
}

describe('an editor reads the transaction log with effects, made in a worker', () => {
  let lake: TestLake
  let editorToken: string
  let legalId: string
  /** The transactions on `a`, oldest first, and the one that touched `a` and `b` together. */
  const log: string[] = []
  let both: string
  let middle: string

  beforeAll(async () => {
    lake = await startTestLake({limits: {maxStreamedAnswersPerClient: 4}})
    editorToken = lake.users.find((user) => user.role === 'editor')!.token
    legalId = lake.users.find((user) => user.role === 'legal-reviewer')!.id
    log.push((await lake.editor.create({_id: 'a', _type: 'note', n: 0, text: ACCENTED}))._rev)
    for (let n = 1; n <= 30; n++) {
      const client = n % 3 === 0 ? lake.legal : lake.editor
      log.push((await client.patch('a').set({n}).commit())._rev)
      if (n === 15) {
        // The log's times are in whole seconds
        await new Promise((resolve) => setTimeout(resolve, 1100))
        middle = new Date().toISOString()
        await new Promise((resolve) => setTimeout(resolve, 1100))
      }
    }
    const {transactionId} = await lake.editor
      .transaction()
      .patch('a', (patch) => patch.set({n: 31}))
      .create({_id: 'b', _type: 'note', n: 0})
      .commit()
    both = transactionId
    log.push(both)
    // A log too long to fit in the sockets' buffers: a stream of it stays open while unread
    await lake.editor.create({_id: 'huge', _type: 'huge', n: 0, text: 'x'.repeat(2_000_000)})
    for (let n = 1; n <= 12; n++) await lake.editor.patch('huge').set({n}).commit()
  })
  afterAll(() => lake.stop())

  const history = (query: string, ids = 'a') =>
    read(lake, `/v1/data/history/production/transactions/${ids}?${query}`, editorToken)

  it('lists the transactions oldest first, or newest first, within the bounds asked for', async () => {
    const all = await history('effectFormat=mendoza')
    expect(all.status).toBe(200)
    expect(all.type).toBe('application/x-ndjson; charset=utf-8')
    expect(parse(all.text).map((line) => line.id)).toEqual(log)
    const newest = parse((await history('reverse=true&limit=5')).text)
    expect(newest.map((line) => line.id)).toEqual(log.slice(-5).reverse())
    const between = parse(
      (await history(`fromTransaction=${log[5]}&toTransaction=${log[9]}&reverse=true`)).text,
    )
    expect(between.map((line) => line.id)).toEqual(log.slice(5, 10).reverse())
    const before = parse((await history(`toTime=${middle}`)).text)
    const after = parse((await history(`fromTime=${middle}`)).text)
    expect(before.map((line) => line.id)).toEqual(log.slice(0, 16))
    expect(after.map((line) => line.id)).toEqual(log.slice(16))
    const legal = parse((await history(`authors=${legalId}`)).text)
    expect(legal.map((line) => line.id)).toEqual(log.filter((_, n) => n > 0 && n % 3 === 0))
  })

  it('names the documents asked for, or all a transaction touched, with or without its mutations', async () => {
    const lineOf = (lines: LogLine[]) => lines.find((line) => line.id === both)!
    const every = lineOf(parse((await history('')).text))
    expect(every.documentIDs).toEqual(['a', 'b'])
    expect(every.mutations).toHaveLength(2)
    const asked = lineOf(
      parse((await history('includeIdentifiedDocumentsOnly=true&effectFormat=mendoza')).text),
    )
    expect(asked.documentIDs).toEqual(['a'])
    expect(Object.keys(asked.effects!)).toEqual(['a'])
    const bare = parse((await history('excludeContent=true')).text)
    expect(bare).toHaveLength(log.length)
    expect(bare.every((line) => line.mutations === undefined && line.effects === undefined)).toBe(
      true,
    )
  })

  it('gives each transaction’s effects: the document after it, and before it to revert', async () => {
    const lines = parse((await history('effectFormat=mendoza', 'a,b')).text)
    expect(lines[0]!.effects!.a!.revert).toEqual([0, null])
    for (const [index, line] of lines.entries()) {
      const apply = line.effects!.a!.apply[1]!
      expect(apply.n).toBe(index)
      expect(apply.text).toBe(ACCENTED)
      if (index > 0) expect(line.effects!.a!.revert).toEqual(lines[index - 1]!.effects!.a!.apply)
    }
    const current = await lake.editor.getDocument('a')
    expect(lines.at(-1)!.effects!.a!.apply).toEqual([0, withoutRev(current as LakeDocument)])
    expect(lines.at(-1)!.effects!.b).toEqual({
      apply: [0, expect.objectContaining({_id: 'b', _type: 'note', n: 0})],
      revert: [0, null],
    })
  })

  it('exports every document the caller may read, sorted by id, of the types asked for', async () => {
    const all = (await lake.editor.fetch('*', {}, {perspective: 'raw'})) as LakeDocument[]
    const byId = (x: {_id: string}, y: {_id: string}) => (x._id < y._id ? -1 : 1)
    const editor = parse<LakeDocument>(
      (await read(lake, '/v1/data/export/production', editorToken)).text,
    )
    expect(editor).toEqual([...all].sort(byId))
    const anonymous = parse<LakeDocument>((await read(lake, '/v1/data/export/production')).text)
    expect(anonymous).toEqual(all.filter((doc) => !doc._id.includes('.')).sort(byId))
    const notes = parse<LakeDocument>(
      (await read(lake, '/v1/data/export/production?types=note')).text,
    )
    expect(notes.map((doc) => doc._id)).toEqual(['a', 'b'])
  })

  it('answers the site while four such logs are read, and refuses a fifth from the same editor', async () => {
    const path = '/v1/data/history/production/transactions/a?effectFormat=mendoza'
    let reading = true
    const logs = Promise.all(Array.from({length: 4}, () => read(lake, path, editorToken))).finally(
      () => (reading = false),
    )
    const site: number[] = []
    do {
      const answer = await rawRequest(lake.url, {
        path: `/v2025-02-19/data/query/production?query=${encodeURIComponent('*[_type == "note"]._id')}`,
        headers: {authorization: `Bearer ${lake.siteToken}`},
        timeoutMs: 30_000,
      })
      site.push(answer.status)
    } while (reading)
    expect(site.every((status) => status === 200)).toBe(true)
    for (const answer of await logs) expect(parse(answer.text)).toHaveLength(log.length)

    const huge = '/v1/data/history/production/transactions/huge?effectFormat=mendoza'
    const held = await Promise.all(
      Array.from({length: 4}, () => unreadRequest(lake.url, huge, editorToken)),
    )
    // Once their sockets' buffers are full, the lake holds the rest of each
    await waitFor(() => lake.clients.heldBytes() > 0)
    try {
      const fifth = await rawRequest(lake.url, {
        path,
        headers: {authorization: `Bearer ${editorToken}`},
      })
      expect(fifth.status).toBe(429)
      expect(fifth.body).toContain('already being made for this client')
      const legalToken = lake.users.find((user) => user.role === 'legal-reviewer')!.token
      expect((await read(lake, path, legalToken)).status).toBe(200)
    } finally {
      for (const socket of held) socket.destroy()
    }
  })
})

describe('a client that reads a long log slowly', () => {
  let lake: TestLake
  let token: string
  beforeAll(async () => {
    lake = await startTestLake()
    token = lake.users.find((user) => user.role === 'editor')!.token
    await lake.editor.create({_id: 'big', _type: 'big', n: 0, text: 'x'.repeat(300_000)})
    for (let n = 1; n <= 20; n++) await lake.editor.patch('big').set({n}).commit()
  })
  afterAll(() => lake.stop())

  it('makes the lake hold a chunk or two of it, and still gets it all', async () => {
    const path = '/v1/data/history/production/transactions/big?effectFormat=mendoza'
    const socket = await unreadRequest(lake.url, path, token)
    // The socket's buffers fill up, then the lake holds what is left to send...
    await waitFor(() => lake.clients.heldBytes() > 0)
    // ...for long enough for an answer made regardless of its reader to pile up in the lake
    await new Promise((resolve) => setTimeout(resolve, 1000))
    // Each line holds the document twice (600 KB); the whole answer is 12.6 MB
    expect(lake.clients.heldBytes()).toBeLessThan(2_000_000)
    let bytes = 0
    socket.on('data', (chunk: Buffer) => (bytes += chunk.length))
    const ended = once(socket, 'end')
    socket.resume()
    await ended
    expect(bytes).toBeGreaterThan(12_000_000)
    socket.destroy()
  })
})

describe('the workers that make the answers', () => {
  let dir: string
  let store: DatasetStore
  let streams: NdjsonStreams
  let server: Server
  let url: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lake-streams-'))
    store = DatasetStore.open(dir, 'production')
    let before: LakeDocument | null = null
    for (let n = 0; n < 40; n++) {
      const after: LakeDocument = {
        _id: 'big',
        _type: 'big',
        _rev: `r${n}`,
        _createdAt: '2026-01-01T00:00:00Z',
        _updatedAt: '2026-01-01T00:00:00Z',
        n,
        text: 'x'.repeat(100_000),
      }
      store.commit({
        id: `tx${n}`,
        timestamp: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
        author: 'p-editor',
        kind: 'mutate',
        request: {},
        mutations: [{patch: {id: 'big', set: {n}}}],
        changes: [{id: 'big', before, after, mutations: []}],
      })
      before = after
    }
    streams = new NdjsonStreams({maxStreamedAnswers: 8, maxStreamedAnswersPerClient: 8})
    server = createServer((req, res) => {
      const file = req.url === '/missing' ? join(dir, 'missing.sqlite') : store.file
      const spec: TransactionsSpec = {
        kind: 'transactions',
        ids: ['big'],
        reverse: false,
        identifiedOnly: false,
        withContent: true,
        withEffects: true,
      }
      streams.stream(res, 'someone', file, spec).catch((error: unknown) => sendError(res, error))
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await streams.close()
    server.close()
    store.close()
    rmSync(dir, {recursive: true, force: true})
  })

  it('end an answer, cut, when its worker dies in the middle of it; the next answer is whole', async () => {
    const cut = await readUntilFirstChunk(`${url}/log`, () => {
      for (const worker of streams.workers()) void worker.terminate()
    })
    expect(cut.complete).toBe(false)
    const whole = await readUntilFirstChunk(`${url}/log`, () => undefined)
    expect(whole.complete).toBe(true)
    // Forty lines, each but the first with the 100 KB document twice
    expect(whole.bytes).toBeGreaterThan(39 * 200_000)
    expect(cut.bytes).toBeLessThan(whole.bytes)
  })

  it('answer a failure before anything was written as a JSON 500', async () => {
    const answer = await rawRequest(url, {path: '/missing'})
    expect(answer.status).toBe(500)
    expect(JSON.parse(answer.body)).toMatchObject({error: {type: 'internalError'}})
  })

  it('stop when the lake closes, ending the answers they were making', async () => {
    const cut = await readUntilFirstChunk(`${url}/log`, () => void streams.close())
    expect(cut.complete).toBe(false)
    await streams.close()
    expect(streams.workers()).toEqual([])
    const refused = await rawRequest(url, {path: '/log'})
    expect(refused.status).toBe(503)
  })
})

async function waitFor(check: () => boolean): Promise<void> {
  const deadline = performance.now() + 20_000
  while (!check()) {
    if (performance.now() > deadline) throw new Error('Still waiting after 20 s')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Reads an answer, calling `onFirst` at its first chunk; resolves once the connection is done. */
function readUntilFirstChunk(
  address: string,
  onFirst: () => void,
): Promise<{complete: boolean; bytes: number}> {
  return new Promise((resolve, reject) => {
    httpGet(address, (res: IncomingMessage) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => {
        if (bytes === 0) onFirst()
        bytes += chunk.length
      })
      res.on('error', () => undefined)
      res.on('close', () => resolve({complete: res.complete, bytes}))
    }).on('error', reject)
  })
}

/** A request whose answer is not read (the socket is paused) until the test resumes it. */
function unreadRequest(base: string, path: string, token: string): Promise<Socket> {
  const {hostname, port} = new URL(base)
  return new Promise((resolve, reject) => {
    const socket = netConnect({host: hostname, port: Number(port)}, () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`,
      )
      socket.pause()
      resolve(socket)
    })
    socket.on('error', () => undefined)
    socket.once('error', reject)
  })
}
