import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {lakeClient, rawRequest, startTestLake, type TestLake} from './helpers'

/**
 * The site's own credentials: a token with which the site reads exactly what any reader may (and
 * is served on a lane of its own), and a read-only one for previews, so the site no longer holds
 * an editor's token. Per-client shares are counted by the address a trusted proxy forwards.
 */

/** A query that runs until the lake stops it (filler × filler × filler documents). */
const SLOW_QUERY = `count(*[_type == "filler"]{"a": count(*[_type == "filler"]{"b": count(*[_type == "filler" && _id > ^._id])})})`

async function addFillers(lake: TestLake, count: number): Promise<void> {
  await lake.editor.mutate(
    Array.from({length: count}, (_, i) => ({
      create: {_id: `filler-${i}`, _type: 'filler', n: i},
    })),
  )
}

function query(lake: TestLake, groq: string, headers: Record<string, string> = {}) {
  return rawRequest(lake.url, {
    path: `/v2025-02-19/data/query/production?query=${encodeURIComponent(groq)}&perspective=raw`,
    headers,
    timeoutMs: 30_000,
  })
}

describe('the site’s and the previews’ own tokens', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake()
  })
  afterAll(() => lake.stop())

  it('lets the site read exactly what a reader without a token reads, never a draft', async () => {
    const site = lakeClient(lake.url, lake.siteToken)
    const everything = '*[_id in ["section-cookies", "drafts.section-cookies"]]._id'
    expect(await site.fetch(everything, {}, {perspective: 'raw'})).toEqual(['section-cookies'])
    expect(await lake.anonymous.fetch(everything, {}, {perspective: 'raw'})).toEqual([
      'section-cookies',
    ])
    const doc = await rawRequest(lake.url, {
      path: '/v1/data/doc/production/section-cookies,drafts.section-cookies',
      headers: {authorization: `Bearer ${lake.siteToken}`},
    })
    const answer = JSON.parse(doc.body) as {documents: {_id: string}[]; omitted: unknown[]}
    expect(answer.documents.map((d) => d._id)).toEqual(['section-cookies'])
    expect(answer.omitted).toEqual([{id: 'drafts.section-cookies', reason: 'permission'}])
    const exported = await rawRequest(lake.url, {
      path: '/v1/data/export/production',
      headers: {authorization: `Bearer ${lake.siteToken}`},
    })
    expect(exported.body).not.toContain('drafts.')
  })

  it('lets previews read drafts, and neither service write or read the history', async () => {
    const preview = lakeClient(lake.url, lake.previewToken)
    expect(
      await preview.fetch('*[_id == "drafts.section-cookies"][0]._id', {}, {perspective: 'raw'}),
    ).toBe('drafts.section-cookies')
    for (const token of [lake.previewToken, lake.siteToken]) {
      const write = await rawRequest(lake.url, {
        method: 'POST',
        path: '/v1/data/mutate/production',
        headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
        body: JSON.stringify({mutations: [{create: {_id: 'intruder', _type: 'policy'}}]}),
      })
      expect(write.status).toBe(403)
      const history = await rawRequest(lake.url, {
        path: '/v1/data/history/production/transactions/policy',
        headers: {authorization: `Bearer ${token}`},
      })
      expect(history.status).toBe(403)
    }
    expect(await lake.editor.getDocument('intruder')).toBeUndefined()
  })

  it('keeps the services’ tokens in the data folder, readable by its owner only, apart from people', async () => {
    const file = join(lake.dataDir, 'services.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const kept = JSON.parse(readFileSync(file, 'utf8')) as {services: {token: string}[]}
    expect(kept.services.map((service) => service.token).sort()).toEqual(
      [lake.siteToken, lake.previewToken].sort(),
    )
    const people = readFileSync(join(lake.dataDir, 'users.json'), 'utf8')
    expect(people).not.toContain(lake.siteToken)
    expect(people).not.toContain(lake.previewToken)
  })
})

describe('a token given by configuration', () => {
  it('is the one the lake recognises, and is not written down', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lake-services-'))
    const siteToken = `site${'x'.repeat(40)}`
    const lake = await startTestLake({dataDir, siteToken})
    try {
      expect(lake.siteToken).toBe(siteToken)
      expect(readFileSync(join(dataDir, 'services.json'), 'utf8')).not.toContain(siteToken)
      const answer = await query(lake, 'count(*)', {authorization: `Bearer ${siteToken}`})
      expect(answer.status).toBe(200)
    } finally {
      await lake.stop()
      rmSync(dataDir, {recursive: true, force: true})
    }
    await expect(startTestLake({siteToken: 'short'})).rejects.toThrow(/LAKE_SITE_TOKEN/)
  })
})

describe('per-client shares behind a reverse proxy', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake({
      trustedProxies: ['127.0.0.1'],
      queryTimeoutMs: 3000,
      // Two workers for clients without a token, each client's share being one query
      queryWorkers: 4,
      limits: {maxAnonymousQueriesPerClient: 1},
    })
    await addFillers(lake, 150)
  })
  afterAll(() => lake.stop())

  it('counts each forwarded client apart, and the site apart from all of them', async () => {
    const from = (address: string) => ({'x-forwarded-for': `203.0.113.9, ${address}`})
    // One client takes its whole share with slow queries…
    const slow = query(lake, SLOW_QUERY, from('198.51.100.1'))
    await new Promise((resolve) => setTimeout(resolve, 500))
    // …so its next is refused, while another client and the site are answered
    const refused = await query(lake, 'count(*)', from('198.51.100.1'))
    expect(refused.status).toBe(429)
    expect(refused.body).toContain('from this client')
    expect((await query(lake, 'count(*)', from('198.51.100.2'))).status).toBe(200)
    // The site reads from the server itself, never through the public path
    const site = {authorization: `Bearer ${lake.siteToken}`}
    expect((await query(lake, 'count(*)', site)).status).toBe(200)
    expect((await query(lake, 'count(*)', {...from('198.51.100.1'), ...site})).status).toBe(401)
    await slow
  })

  it('behind nginx and the site’s relay, counts the browser nginx saw, whatever it wrote itself', async () => {
    // What the browser wrote, then what nginx saw, then nginx itself as the relay saw it
    const via = (written: string, seen: string) => ({
      'x-forwarded-for': `${written}, ${seen}, 127.0.0.1`,
    })
    const slow = query(lake, SLOW_QUERY, via('203.0.113.9', '198.51.100.7'))
    await new Promise((resolve) => setTimeout(resolve, 500))
    const refused = await query(lake, 'count(*)', via('10.1.2.3', '198.51.100.7'))
    expect(refused.status).toBe(429)
    expect((await query(lake, 'count(*)', via('203.0.113.9', '198.51.100.8'))).status).toBe(200)
    await slow
  })
})

describe('a forwarded address from anyone but the trusted proxy', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake({queryTimeoutMs: 3000, limits: {maxAnonymousQueriesPerClient: 2}})
    await addFillers(lake, 150)
  })
  afterAll(() => lake.stop())

  it('is ignored: a client cannot make itself many by naming other addresses', async () => {
    const slow = [
      query(lake, SLOW_QUERY, {'x-forwarded-for': '198.51.100.1'}),
      query(lake, SLOW_QUERY, {'x-forwarded-for': '198.51.100.2'}),
    ]
    await new Promise((resolve) => setTimeout(resolve, 500))
    const refused = await query(lake, 'count(*)', {'x-forwarded-for': '198.51.100.3'})
    expect(refused.status).toBe(429)
    expect(refused.body).toContain('from this client')
    await Promise.all(slow)
  })
})
