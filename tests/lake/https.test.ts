import {readFileSync} from 'node:fs'
import {connect, type ClientHttp2Session} from 'node:http2'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import WebSocket from 'ws'

import {API_VERSION, startTestLake, type TestLake} from './helpers'

const STUDIO_ORIGIN = 'http://localhost:3000'

describe('the Studio reaches the lake over HTTP/2 with TLS from the site’s origin', () => {
  let lake: TestLake
  let session: ClientHttp2Session
  let ca: string
  let token: string

  beforeAll(async () => {
    lake = await startTestLake({httpsPort: 0, siteOrigin: STUDIO_ORIGIN})
    ca = readFileSync(lake.certificateFile!, 'utf8')
    token = lake.users[0]!.token
    session = connect(lake.httpsUrl!, {ca})
  })
  afterAll(async () => {
    session?.close()
    await lake.stop()
  })

  function request(
    headers: Record<string, string>,
  ): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
    return new Promise((resolve, reject) => {
      const stream = session.request(headers)
      let body = ''
      let responseHeaders: Record<string, unknown> = {}
      stream.on('response', (h) => (responseHeaders = h))
      stream.on('data', (chunk: Buffer) => (body += chunk.toString()))
      stream.on('end', () =>
        resolve({status: Number(responseHeaders[':status']), headers: responseHeaders, body}),
      )
      stream.on('error', reject)
      stream.end()
    })
  }

  it('serves a certificate for localhost and answers over HTTP/2', async () => {
    expect(lake.httpsUrl).toMatch(/^https:\/\/localhost:\d+$/)
    const response = await request({
      ':path': `/v${API_VERSION}/users/me`,
      authorization: `Bearer ${token}`,
      origin: STUDIO_ORIGIN,
    })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({id: 'p-editor'})
    expect(response.headers['access-control-allow-origin']).toBe(STUDIO_ORIGIN)
    expect(response.headers['access-control-allow-credentials']).toBe('true')
  })

  it('greets a person who just accepted the certificate, in French and English, and sends them back to the Studio', async () => {
    const page = await request({':path': '/'})
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(page.body).toContain('<html lang="fr">')
    expect(page.body).toContain('Certificat accepté')
    expect(page.body).toContain('<section lang="en">')
    expect(page.body).toContain('Your browser now trusts its certificate')
    expect(page.body).toContain('“Check again”')
    const links = [...page.body.matchAll(/href="([^"]+)"/g)].map((match) => match[1])
    expect(links).toEqual([`${STUDIO_ORIGIN}/studio`, `${STUDIO_ORIGIN}/studio`])
    // Nothing is loaded from elsewhere: no scripts, images, fonts or style sheets
    expect(page.body).not.toMatch(/<script|<img|<link|src=|@import|url\(/)
  })

  it('on the plain port, points to the secure address to open first', async () => {
    const response = await fetch(`${lake.url}/`)
    const body = await response.text()
    expect(response.status).toBe(200)
    expect(body).toContain('Serveur de contenu local')
    expect(body).toContain(`<a href="${lake.httpsUrl}/">${lake.httpsUrl}</a>`)
    expect(body).toContain(`href="${STUDIO_ORIGIN}/studio"`)
    expect((await fetch(`${lake.url}/v1`)).status).toBe(404)
  })

  it('answers CORS preflights for the Authorization header', async () => {
    const response = await request({
      ':method': 'OPTIONS',
      ':path': `/v${API_VERSION}/data/actions/production`,
      origin: STUDIO_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    })
    expect(response.status).toBe(204)
    expect(String(response.headers['access-control-allow-headers'])).toContain('authorization')
    expect(String(response.headers['access-control-allow-methods'])).toContain('POST')
  })

  it('keeps many event streams open on one connection and still answers a document fetch', async () => {
    const streams = Array.from({length: 12}, () =>
      session.request({
        ':path': `/v${API_VERSION}/data/listen/production?query=${encodeURIComponent('*')}&effectFormat=mendoza`,
        authorization: `Bearer ${token}`,
      }),
    )
    await Promise.all(
      streams.map((stream) => new Promise<void>((resolve) => stream.once('data', () => resolve()))),
    )
    const doc = await request({':path': `/v${API_VERSION}/data/doc/production/policy`})
    expect(JSON.parse(doc.body).documents[0]._id).toBe('policy')
    for (const stream of streams) stream.close()
  })

  it('accepts the Studio’s presence socket and its authorization call', async () => {
    const socket = new WebSocket(
      `${lake.httpsUrl!.replace('https', 'wss')}/v${API_VERSION}/socket/production`,
      {ca, origin: STUDIO_ORIGIN},
    )
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const reply = new Promise<unknown>((resolve) =>
      socket.once('message', (data) => resolve(JSON.parse(data.toString()))),
    )
    // What the Studio's socket client (@sanity/bifur-client) sends first
    socket.send(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'authorization',
        params: {authorization: `Bearer ${token}`, apiVersion: 'v1'},
      }),
    )
    expect(await reply).toEqual({jsonrpc: '2.0', id: 1, result: true})
    socket.close()
  })
})
