import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import WebSocket from 'ws'

import {readLakeEnv} from '../../lib/env'
import {rawRequest, startTestLake, type TestLake} from './helpers'

/**
 * Any web page an editor has open can make their browser call the lake. Only the product's own
 * origins (the site, whose /studio is the Studio, and those configured) get answers they can read
 * or a presence socket, and never credentials; everything else is refused before it does work.
 */

const SITE = 'http://localhost:4310'
const EXTRA = 'https://studio.example.org'

describe('the lake answers browsers on the product’s own origins only', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake({
      siteOrigin: SITE,
      corsOrigins: [EXTRA],
      limits: {socketAuthorizationMs: 500, maxSocketMessageBytes: 16 * 1024},
    })
  })
  afterAll(() => lake.stop())

  const query = '/v1/data/query/production?query=count(*)'

  it.each([SITE, 'http://127.0.0.1:4310', EXTRA])(
    'lets %s read answers, with credentials',
    async (origin) => {
      const answer = await rawRequest(lake.url, {path: query, headers: {origin}})
      expect(answer.status).toBe(200)
      expect(answer.headers['access-control-allow-origin']).toBe(origin)
      expect(answer.headers['access-control-allow-credentials']).toBe('true')
    },
  )

  it.each(['https://evil.example', 'null', 'http://localhost:4311', 'http://localhost'])(
    'refuses %s outright, without CORS headers',
    async (origin) => {
      for (const method of ['GET', 'OPTIONS']) {
        const answer = await rawRequest(lake.url, {
          method,
          path: query,
          headers: {origin, 'access-control-request-method': 'POST'},
        })
        expect(answer.status).toBe(403)
        expect(answer.headers['access-control-allow-origin']).toBeUndefined()
        expect(answer.headers['access-control-allow-credentials']).toBeUndefined()
        expect(JSON.parse(answer.body)).toMatchObject({
          statusCode: 403,
          error: 'Forbidden',
          message: expect.stringContaining('CORS origin not allowed'),
        })
      }
    },
  )

  it('refuses what another site makes a browser fetch, but lets a person open the lake’s page', async () => {
    const image = await rawRequest(lake.url, {
      path: query,
      headers: {'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors'},
    })
    expect(image.status).toBe(403)
    const opened = await rawRequest(lake.url, {
      path: '/',
      headers: {'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate'},
    })
    expect(opened.status).toBe(200)
    const typed = await rawRequest(lake.url, {path: query, headers: {'sec-fetch-site': 'none'}})
    expect(typed.status).toBe(200)
  })

  it('answers the Studio’s preflight for its Authorization header', async () => {
    const answer = await rawRequest(lake.url, {
      method: 'OPTIONS',
      path: '/v1/data/mutate/production',
      headers: {
        origin: SITE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    })
    expect(answer.status).toBe(204)
    expect(answer.headers['access-control-allow-headers']).toBe('authorization, content-type')
  })

  describe('the presence socket', () => {
    const socketUrl = () => `${lake.url.replace('http', 'ws')}/v1/socket/production`
    const authorization = (token: string) =>
      JSON.stringify({
        jsonrpc: '2.0',
        id: 'auth',
        method: 'authorization',
        params: {authorization: `Bearer ${token}`, apiVersion: 'v1'},
      })

    /** Opens a socket and resolves with how it ended: an HTTP refusal or a close code. */
    function attempt(
      origin: string | undefined,
      messages: (string | Buffer)[] = [],
    ): Promise<{refused?: number; closed?: number; replies: unknown[]}> {
      return new Promise((resolve) => {
        const replies: unknown[] = []
        const socket = new WebSocket(socketUrl(), {origin})
        socket.on('unexpected-response', (_req, res) => resolve({refused: res.statusCode, replies}))
        socket.on('error', () => undefined)
        socket.on('open', () => {
          for (const message of messages) socket.send(message)
        })
        socket.on('message', (data) => replies.push(JSON.parse(data.toString())))
        socket.on('close', (code) => resolve({closed: code, replies}))
      })
    }

    it('refuses a page of another origin, or a client that names none', async () => {
      expect((await attempt('https://evil.example')).refused).toBe(403)
      expect((await attempt(undefined)).refused).toBe(403)
    })

    it('closes a socket that does not authorize in time, or with a wrong token', async () => {
      expect((await attempt(SITE)).closed).toBe(4001)
      expect((await attempt(SITE, [authorization('sk-not-a-token')])).closed).toBe(4001)
      const early = await attempt(SITE, [
        JSON.stringify({jsonrpc: '2.0', id: 1, method: 'presence_subscribe', params: {}}),
      ])
      expect(early).toEqual({closed: 4001, replies: []})
    })

    it('answers the Studio once it has authorized, and closes on an oversized or binary message', async () => {
      const token = lake.users[0]!.token
      const big = await attempt(SITE, [authorization(token), 'x'.repeat(64 * 1024)])
      expect(big.replies).toEqual([{jsonrpc: '2.0', id: 'auth', result: true}])
      expect(big.closed).toBe(1009)
      expect((await attempt(SITE, [authorization(token), Buffer.from([1, 2, 3])])).closed).toBe(
        1003,
      )
    })
  })
})

describe('LAKE_CORS_ORIGINS', () => {
  it('takes origins separated by commas, and stops the lake with one line for anything else', () => {
    expect(
      readLakeEnv({LAKE_CORS_ORIGINS: 'https://studio.example.org, http://localhost:4000'})
        .corsOrigins,
    ).toEqual(['https://studio.example.org', 'http://localhost:4000'])
    expect(readLakeEnv({}).corsOrigins).toEqual([])
    for (const bad of ['studio.example.org', 'https://studio.example.org/path', '*']) {
      expect(() => readLakeEnv({LAKE_CORS_ORIGINS: bad})).toThrow(/LAKE_CORS_ORIGINS/)
    }
  })
})
