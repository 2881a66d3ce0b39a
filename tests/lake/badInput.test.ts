import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {API_VERSION, startTestLake, type TestLake} from './helpers'

describe('the lake refuses bad input clearly and applies nothing', () => {
  let lake: TestLake
  let token: string
  let countBefore: number
  beforeAll(async () => {
    lake = await startTestLake({queryTimeoutMs: 1_000})
    token = lake.users[0]!.token
    const filler = Array.from({length: 300}, (_, i) => ({
      createOrReplace: {_id: `filler-${i}`, _type: 'filler', n: i},
    }))
    await lake.editor.mutate(filler as never)
    countBefore = await lake.editor.fetch('count(*)', {}, {perspective: 'raw'})
  })
  afterAll(() => lake.stop())

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${lake.url}/v${API_VERSION}${path}`, {
      method: 'POST',
      headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers},
      body,
    })

  it('answers malformed JSON with 400', async () => {
    const response = await post('/data/mutate/production', '{"mutations": [')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: {description: expect.stringContaining('not valid JSON')},
    })
  })

  it('answers an unknown mutation type with 400 naming it', async () => {
    await expect(
      lake.editor.mutate([
        {createOrReplace: {_id: 'ok-1', _type: 'x'}},
        {upsert: {_id: 'x'}},
      ] as never),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('Unknown mutation type "upsert"'),
    })
    await expect(
      lake.editor.mutate([{patch: {id: 'filler-1', explode: {n: 1}}}] as never),
    ).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('Unknown patch operation "explode"'),
    })
  })

  it('refuses a body over 4 MB with 413', async () => {
    const huge = JSON.stringify({
      mutations: [{create: {_type: 'blob', data: 'x'.repeat(5 * 1024 * 1024)}}],
    })
    const response = await post('/data/mutate/production', huge)
    expect(response.status).toBe(413)
  })

  it('refuses ids with illegal characters', async () => {
    for (const _id of ['has space', 'slash/id', 'é-accent', '.leading', 'a'.repeat(200)]) {
      await expect(
        lake.editor.mutate([{createOrReplace: {_id, _type: 'x'}}]),
      ).rejects.toMatchObject({
        statusCode: 400,
        message: expect.stringContaining('is not valid'),
      })
    }
  })

  it('stops a runaway query with a 4xx and keeps answering', async () => {
    const started = Date.now()
    await expect(lake.editor.fetch('*[_type != ""]{"x": *[]{"y": *[]}}')).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('took longer than'),
    })
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(await lake.anonymous.fetch('count(*[_type == "filler"])')).toBe(300)
  })

  it('refuses a query with a missing parameter or a bad perspective', async () => {
    await expect(lake.anonymous.fetch('*[_id == $id]')).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining('param $id referenced, but not provided'),
    })
    const response = await fetch(
      `${lake.url}/v${API_VERSION}/data/query/production?query=*&perspective=sideways`,
    )
    expect(response.status).toBe(400)
  })

  it('answers unknown endpoints with 404 and wrong methods with 405', async () => {
    expect((await fetch(`${lake.url}/v${API_VERSION}/data/teleport/production`)).status).toBe(404)
    expect((await fetch(`${lake.url}/v${API_VERSION}/data/mutate/production`)).status).toBe(405)
  })

  it('has applied none of the refused writes', async () => {
    expect(await lake.editor.fetch('count(*)', {}, {perspective: 'raw'})).toBe(countBefore)
    expect(await lake.editor.getDocument('ok-1')).toBeUndefined()
  })
})
