import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {API_VERSION, rawRequest, startTestLake, type TestLake} from './helpers'

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

describe('every malformed request gets a 4xx in Sanity’s error shape, and nothing is stored', () => {
  let lake: TestLake
  let token: string
  beforeAll(async () => {
    lake = await startTestLake({queryTimeoutMs: 1_000})
    token = lake.users[0]!.token
  })
  afterAll(() => lake.stop())

  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(lake.url, {path, headers: {authorization: `Bearer ${token}`, ...headers}})
  const errorShape = {
    statusCode: expect.any(Number),
    error: expect.anything(),
  }

  it.each([
    '/v1/data/doc/production/%ZZ',
    '/v1/data/doc/%ZZ/policy',
    '/v1/data/query/%ZZ?query=*',
    '/v1/data/listen/%ZZ?query=*',
    '/v1/users/%ZZ',
    '/v1/data/history/production/documents/%E0%A4%A?lastRevision=true',
    '/v1/data/history/%ZZ/transactions',
  ])('answers a malformed escape in %s with 400', async (path) => {
    const answer = await get(path)
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({
      ...errorShape,
      message: expect.stringContaining('percent-encoding'),
    })
  })

  it.each(['//', '//v1/ping', '/v1//data/query/production?query=*', '*'])(
    'answers the odd path %s with a 4xx, never as another host',
    async (path) => {
      const answer = await get(path)
      expect(answer.status).toBeGreaterThanOrEqual(400)
      expect(answer.status).toBeLessThan(500)
      expect(JSON.parse(answer.body)).toMatchObject(errorShape)
    },
  )

  it('refuses an address longer than a GET query may be with 414', async () => {
    const answer = await get(`/v1/data/query/production?query=${'1%2B'.repeat(4_000)}1`)
    expect(answer.status).toBe(414)
    expect(JSON.parse(answer.body)).toMatchObject({error: 'URI Too Long'})
  })

  it('reads a JSON body only when it says it is JSON, so no web page can send one unasked', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const answer = await rawRequest(lake.url, {
        method: 'POST',
        path: '/v1/data/query/production',
        headers: contentType ? {'content-type': contentType} : {},
        body: JSON.stringify({query: 'count(*)'}),
      })
      expect(answer.status).toBe(415)
      expect(JSON.parse(answer.body)).toMatchObject({error: {type: 'unsupportedMediaType'}})
    }
    const ok = await rawRequest(lake.url, {
      method: 'POST',
      path: '/v1/data/query/production',
      headers: {'content-type': 'application/json; charset=utf-8'},
      body: JSON.stringify({query: 'count(*[_id == "policy"])'}),
    })
    expect(JSON.parse(ok.body)).toMatchObject({result: 1})
  })

  it('refuses parameters and bodies nested 100,000 levels deep without parsing them', async () => {
    const nested = '['.repeat(100_000) + ']'.repeat(100_000)
    const body = await rawRequest(lake.url, {
      method: 'POST',
      path: '/v1/data/query/production',
      headers: {'content-type': 'application/json'},
      body: `{"query": "$p", "params": {"p": ${nested}}}`,
    })
    expect(body.status).toBe(400)
    expect(body.ms).toBeLessThan(1_000)
    const inUrl = await get(
      `/v1/data/query/production?query=%24p&%24p=${'['.repeat(30)}${']'.repeat(30)}`,
    )
    expect(inUrl.status).toBe(400)
    expect(JSON.parse(inUrl.body)).toMatchObject({
      error: {description: expect.stringContaining('nests more than 20 levels')},
    })
  })

  it('does not take what every object inherits for a parameter someone provided', async () => {
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      await expect(lake.anonymous.fetch(`*[_id == $${name}]`)).rejects.toMatchObject({
        statusCode: 400,
        message: expect.stringContaining(`param $${name} referenced, but not provided`),
      })
    }
    expect(await lake.anonymous.fetch('$__proto__', {['__proto__']: {a: 1}} as never)).toEqual({
      a: 1,
    })
    const badName = await get('/v1/data/query/production?query=1&%241a=1')
    expect(badName.status).toBe(400)
  })

  it('stops a query whose parsing grows with the square of its length, in a worker, with a 4xx', async () => {
    const started = performance.now()
    const [quadratic, ping] = await Promise.all([
      lake.anonymous.fetch(`1${'+1'.repeat(5_000)}`).catch((error: unknown) => error),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 100))
        return get('/v1/ping')
      })(),
    ])
    expect(quadratic).toMatchObject({statusCode: 400})
    expect(ping.status).toBe(200)
    expect(ping.ms).toBeLessThan(200)
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  it('refuses a query over its size limit with 413', async () => {
    const answer = await rawRequest(lake.url, {
      method: 'POST',
      path: '/v1/data/query/production',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({query: `"${'x'.repeat(300 * 1024)}"`}),
    })
    expect(answer.status).toBe(413)
  })

  describe('patches that would not do what they say are refused whole', () => {
    beforeAll(async () => {
      await lake.editor.createOrReplace({
        _id: 'patch-target',
        _type: 'note',
        title: 'Notes',
        n: 1,
        sections: [{_key: 'k0', label: 'first'}],
      })
    })

    it.each([
      ['a broken path', {set: {'title[': 'x'}}, 'cannot be read'],
      ['an empty path', {set: {'': 'x'}}, 'cannot be read'],
      ['a path with an empty segment', {set: {'title..en': 'x'}}, 'cannot be read'],
      ['set: null', {set: null}, 'must be an object'],
      ['set with a list', {set: ['title']}, 'must be an object'],
      ['inc on text', {inc: {title: 1}}, 'holds a string'],
      ['inc by text', {inc: {n: 'one'}}, 'needs a number'],
      ['a set through a list', {set: {'sections.x': 1}}, 'cannot reach'],
      ['unset with a string', {unset: 'title'}, 'list of paths'],
      ['insert without a position', {insert: {items: [1]}}, 'exactly one of'],
      ['insert without items', {insert: {after: 'sections[-1]'}}, '"items"'],
      [
        'insert into a list that is not there',
        {insert: {after: 'tags[-1]', items: [1]}},
        'no list',
      ],
      ['insert after no element', {insert: {after: 'title', items: [1]}}, 'no list'],
      ['diffMatchPatch on a number', {diffMatchPatch: {title: 5}}, 'patch text'],
      ['no operation at all', {}, 'at least one of'],
      ['changing the type', {set: {_type: 'policyVersion'}}, 'cannot change or remove _type'],
      ['removing the type', {unset: ['_type']}, 'cannot change or remove _type'],
    ])('%s', async (_label, operations, message) => {
      const before = await lake.editor.getDocument('patch-target')
      await expect(
        lake.editor.mutate([{patch: {id: 'patch-target', ...operations}}] as never),
      ).rejects.toMatchObject({
        statusCode: 400,
        message: expect.stringContaining(message),
      })
      expect(await lake.editor.getDocument('patch-target')).toEqual(before)
    })

    it('still applies what editors and the Studio send', async () => {
      await lake.editor
        .patch('patch-target')
        .setIfMissing({'meta.tags': []})
        .set({title: 'Notes and more', 'sections[0].label': 'premier'})
        .inc({n: 2})
        .insert('after', 'sections[-1]', [{_key: 'k1', label: 'second'}])
        .commit()
      await lake.editor
        .patch('patch-target')
        .set({'sections[_key=="k1"].label': 'deuxième'})
        .diffMatchPatch({title: '@@ -1,5 +1,5 @@\n-Notes\n+Memos\n'})
        .unset(['sections[_key=="k0"]'])
        .commit()
      expect(await lake.editor.getDocument('patch-target')).toMatchObject({
        title: 'Memos and more',
        n: 3,
        meta: {tags: []},
        sections: [{_key: 'k1', label: 'deuxième'}],
      })
    })
  })
})
