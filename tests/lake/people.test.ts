import {EventEmitter} from 'node:events'
import {readFileSync, statSync} from 'node:fs'
import {request as httpRequest} from 'node:http'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import WebSocket from 'ws'

import {SITE_SIGNER} from '../../lib/localUsers'
import {
  malformedPeople,
  PeopleDirectory,
  PERSON_TYPE,
  tokenHash,
  type PeopleAnswer,
  type PeopleCommand,
} from '../../sanity/lake/auth'
import type {LakeDocument} from '../../sanity/lake/core'
import {
  OPERATOR_ACCOUNT_HEADER,
  OPERATOR_HEADER,
  operatorFile,
  type OperatorDoor,
} from '../../sanity/lake/http/peopleRoutes'
import {parseNdjson} from '../../sanity/lake/store'
import {API_VERSION, lakeClient, startTestLake, type TestLake} from './helpers'

/** The operator's command sent to the running lake, as `npm run lake:people` sends it. */
async function operate(
  lake: TestLake,
  command: PeopleCommand,
  secret?: string,
): Promise<{status: number; body: PeopleAnswer & {error?: unknown}}> {
  const door = JSON.parse(readFileSync(operatorFile(lake.dataDir), 'utf8')) as OperatorDoor
  const response = await fetch(`${door.url}/operator/people`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [OPERATOR_HEADER]: secret ?? door.secret,
      [OPERATOR_ACCOUNT_HEADER]: 'admin',
    },
    body: JSON.stringify(command),
  })
  return {status: response.status, body: (await response.json()) as PeopleAnswer}
}

async function add(lake: TestLake, name: string, email: string, role: string) {
  const {status, body} = await operate(lake, {command: 'add', name, email, role})
  expect(status).toBe(200)
  return {id: body.person!.id, token: body.token!}
}

/** An open listener: resolves once the lake ends it. */
function openListener(url: string, token: string): Promise<{ended: Promise<void>}> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}/v${API_VERSION}/data/listen/production?query=${encodeURIComponent('*')}`,
      {headers: {authorization: `Bearer ${token}`, accept: 'text/event-stream'}},
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`listen answered ${res.statusCode}`))
        res.resume()
        resolve({ended: new Promise((done) => res.once('close', () => done()))})
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('the organisation’s people, managed by the server’s operator', () => {
  let lake: TestLake
  beforeAll(async () => {
    lake = await startTestLake({siteOrigin: 'https://policy.example.test'})
  })
  afterAll(() => lake.stop())

  it('keeps the operator’s door in a file only its owner reads, and refuses a wrong secret', async () => {
    expect(statSync(operatorFile(lake.dataDir)).mode & 0o077).toBe(0)
    const {status} = await operate(lake, {command: 'list'}, 'not-the-secret-not-the-secret-not-the')
    expect(status).toBe(403)
  })

  it('adds a person whose token, shown once, is kept only as a hash, and who is named in the Studio', async () => {
    const anne = await add(lake, 'Anne Roy', 'anne.roy@example.org', 'legal-reviewer')
    expect(anne.token).toMatch(/^sk[A-Za-z0-9]{62}$/)
    const client = lakeClient(lake.url, anne.token)
    expect(await client.request({url: '/users/me'})).toMatchObject({
      id: anne.id,
      name: 'Anne Roy',
      roles: expect.arrayContaining([{name: 'legal-reviewer', title: 'Legal reviewer'}]),
    })
    expect(await lake.editor.request({url: `/users/${anne.id}`})).toMatchObject({
      displayName: 'Anne Roy',
    })
    // A member of the project, with her role: what the site checks before it lets her approve.
    const project = await lake.editor.request<{members: {id: string; roles: {name: string}[]}[]}>({
      url: '/projects/local',
    })
    expect(project.members.find((member) => member.id === anne.id)?.roles).toContainEqual({
      name: 'legal-reviewer',
      title: 'Legal reviewer',
    })
    // Nowhere in the lake is the token itself: only its SHA-256.
    const stored = JSON.stringify(await lake.editor.fetch('*[_id in path("_.people.**")]'))
    expect(stored).not.toContain(anne.token)
    expect(stored).toContain('Anne Roy')
  })

  it('records every change in the lake’s history, credited to the operator', async () => {
    const bea = await add(lake, 'Béatrice Lavoie', 'bea@example.org', 'editor')
    await operate(lake, {command: 'role', person: 'bea@example.org', role: 'viewer'})
    const body = await lake.editor.request<string>({
      url: `/data/history/production/transactions/_.people.${bea.id}?excludeContent=true`,
    })
    const transactions = parseNdjson(body) as {author?: string}[]
    expect(transactions.map((entry) => entry.author)).toEqual(['operator:admin', 'operator:admin'])
    expect(await lake.editor.request({url: '/users/operator:admin'})).toMatchObject({
      displayName: 'Server operator (admin)',
    })
  })

  it('lets a viewer read drafts and write nothing', async () => {
    const viewer = await add(lake, 'Vic Viewer', 'vic@example.org', 'viewer')
    const client = lakeClient(lake.url, viewer.token).withConfig({perspective: 'raw'})
    // What only a signed-in person reads: the people themselves.
    expect(await client.fetch('count(*[_id in path("_.people.**")])')).toBeGreaterThan(0)
    await expect(
      client.create({_id: 'drafts.by-a-viewer', _type: 'policySection'}),
    ).rejects.toMatchObject({statusCode: 403})
    expect(await lake.editor.getDocument('drafts.by-a-viewer')).toBeUndefined()
    // Their Studio is told so, and shows everything read-only.
    expect(await client.request({url: '/projects/local/datasets/production/acl'})).toEqual([
      {filter: '_id in path("**")', permissions: ['read', 'history']},
    ])
  })

  it('refuses anyone who writes people through the API, the operator’s door aside', async () => {
    const before = await lake.editor.fetch('*[_id in path("_.people.**")]{_id, role, tokens}')
    const attempt = (client: typeof lake.editor) =>
      client.createOrReplace({
        _id: '_.people.pSneaky',
        _type: 'system.person',
        name: 'Sneaky',
        email: 'sneaky@example.org',
        role: 'legal-reviewer',
        tokens: [],
      })
    await expect(attempt(lake.editor)).rejects.toMatchObject({statusCode: 403})
    await expect(attempt(lake.legal)).rejects.toMatchObject({statusCode: 403})
    await expect(
      lake.editor.patch(before[0]._id).set({role: 'legal-reviewer'}).commit(),
    ).rejects.toMatchObject({statusCode: 403})
    expect(await lake.editor.fetch('*[_id in path("_.people.**")]{_id, role, tokens}')).toEqual(
      before,
    )
  })

  it('ends a revoked token’s access at once, its open event stream and presence socket included', async () => {
    const chloe = await add(lake, 'Chloé Martin', 'chloe@example.org', 'editor')
    const second = (await operate(lake, {command: 'token', person: chloe.id, label: 'phone'})).body
    const listener = await openListener(lake.url, chloe.token)
    const socket = new WebSocket(
      `${lake.url.replace('http', 'ws')}/v${API_VERSION}/socket/production`,
      {origin: 'https://policy.example.test'},
    )
    await new Promise((resolve) => socket.once('open', resolve))
    socket.send(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'authorization',
        params: {authorization: `Bearer ${chloe.token}`},
      }),
    )
    await new Promise((resolve) => socket.once('message', resolve))
    const socketClosed = new Promise<number>((resolve) => socket.once('close', resolve))

    const keys = (await operate(lake, {command: 'tokens', person: chloe.id})).body.person!.tokens
    const first = keys.find((token) => token.label === 'Studio')!
    expect(
      (await operate(lake, {command: 'revoke', person: chloe.id, token: first.key})).status,
    ).toBe(200)
    await listener.ended
    expect(await socketClosed).toBe(4001)
    await expect(lakeClient(lake.url, chloe.token).fetch('count(*)')).rejects.toMatchObject({
      statusCode: 401,
    })
    // Her other token still works: only the one revoked is refused.
    expect(await lakeClient(lake.url, second.token).fetch('count(*)')).toBeGreaterThan(0)
  })

  it('removes a person, every token of theirs refused at once, and still names them in the history', async () => {
    const dan = await add(lake, 'Dan Gagné', 'dan@example.org', 'editor')
    const listener = await openListener(lake.url, dan.token)
    const {body} = await operate(lake, {command: 'remove', person: 'dan@example.org'})
    expect(body.person).toMatchObject({removed: true, tokens: []})
    await listener.ended
    await expect(lakeClient(lake.url, dan.token).fetch('count(*)')).rejects.toMatchObject({
      statusCode: 401,
    })
    expect(await lake.editor.request({url: `/users/${dan.id}`})).toMatchObject({
      displayName: 'Dan Gagné',
    })
    const project = await lake.editor.request<{members: {id: string}[]}>({url: '/projects/local'})
    expect(project.members.map((member) => member.id)).not.toContain(dan.id)
    const again = await operate(lake, {command: 'token', person: dan.id})
    expect(again.status).toBe(400)
  })

  it('answers bad commands with a 4xx and changes nothing', async () => {
    const before = (await operate(lake, {command: 'list'})).body.people
    for (const command of [
      {command: 'add', name: 'X', email: 'not-an-address', role: 'editor'},
      {command: 'add', name: 'X', email: 'x@example.org', role: 'administrator'},
      {command: 'add', name: 'Anne again', email: 'ANNE.ROY@example.org', role: 'editor'},
      {command: 'role', person: 'nobody@example.org', role: 'editor'},
      {command: 'frob'},
    ] as PeopleCommand[]) {
      const {status} = await operate(lake, command)
      expect(status).toBeGreaterThanOrEqual(400)
      expect(status).toBeLessThan(500)
    }
    expect((await operate(lake, {command: 'list'})).body.people).toEqual(before)
  })

  it('lets nobody in as the signing service through the public path', async () => {
    const signer = lake.users.find((user) => user.id === SITE_SIGNER.id)!
    const forwarded = (await fetch(`${lake.url}/v${API_VERSION}/users/me`, {
      headers: {authorization: `Bearer ${signer.token}`, 'x-forwarded-for': '203.0.113.9'},
    })) as Response
    expect(forwarded.status).toBe(401)
    // On the server itself, the site still writes with it.
    expect(await lakeClient(lake.url, signer.token).request({url: '/users/me'})).toMatchObject({
      id: SITE_SIGNER.id,
    })
  })
})

describe.each([
  ['on', true],
  ['off, as on a hosted project', false],
])('people written any other way, with the sign-off rules %s', (_, workflowRules) => {
  let lake: TestLake
  let person: {id: string; token: string}
  const people = () => lake.editor.fetch('*[_id in path("_.people.**")]|order(_id)')
  beforeAll(async () => {
    lake = await startTestLake({workflowRules})
    person = await add(lake, 'Camille Martin', 'camille@example.org', 'editor')
  })
  afterAll(() => lake.stop())

  it('is refused on every path a document can take to a person’s place, and changes nothing', async () => {
    const before = await people()
    const stolen = 'x'.repeat(62)
    const forged = {
      _id: '_.people.pForged',
      _type: 'system.person',
      name: 'Forged',
      email: 'forged@example.org',
      role: 'legal-reviewer',
      tokens: [{_key: 'k', label: 'Studio', sha256: tokenHash(stolen), issuedAt: '2026-01-01'}],
    }
    const asPerson = {...forged, _type: 'note'}
    const personId = `_.people.${person.id}`
    // A draft at a person's path, with a type of its own, is not a person…
    await lake.editor.createOrReplace({...asPerson, _id: 'drafts._.people.pForged'})
    const attempts: [string, () => Promise<unknown>][] = [
      ['create', () => lake.editor.create(asPerson)],
      ['createIfNotExists', () => lake.editor.createIfNotExists(asPerson)],
      ['createOrReplace', () => lake.editor.createOrReplace(asPerson)],
      ['createOrReplace of a person', () => lake.legal.createOrReplace({...forged, _id: personId})],
      ['patch', () => lake.editor.patch(personId).set({role: 'legal-reviewer'}).commit()],
      [
        'patch by query',
        () =>
          lake.editor
            .mutate([
              {patch: {query: '*[_id in path("_.people.**")]', set: {role: 'legal-reviewer'}}},
            ])
            .then((result) => result),
      ],
      ['delete', () => lake.editor.delete(personId)],
      // …and publishing it would put it at one
      [
        'publish action',
        () =>
          lake.editor.action({
            actionType: 'sanity.action.document.publish',
            draftId: 'drafts._.people.pForged',
            publishedId: '_.people.pForged',
          }),
      ],
    ]
    for (const [path, attempt] of attempts) {
      const outcome = await attempt().then(
        (result) => ({path, result}),
        (error: {statusCode?: number}) => ({path, statusCode: error.statusCode}),
      )
      expect(outcome).toEqual({path, statusCode: 403})
    }
    expect(await people()).toEqual(before)
    // The hash in the draft lets nobody in
    await expect(lakeClient(lake.url, stolen).request({url: '/users/me'})).rejects.toMatchObject({
      statusCode: 401,
    })
    // The person the operator added is still who they were
    expect(await lakeClient(lake.url, person.token).request({url: '/users/me'})).toMatchObject({
      id: person.id,
      roles: expect.arrayContaining([expect.objectContaining({name: 'editor'})]),
    })
  })
})

describe('the people directory, reading what the dataset holds', () => {
  const token = 'a'.repeat(62)
  const whole = {
    _id: '_.people.pWhole',
    _type: PERSON_TYPE,
    _rev: 'r1',
    _createdAt: '2026-01-01T00:00:00Z',
    _updatedAt: '2026-01-01T00:00:00Z',
    name: 'Whole Person',
    email: 'whole@example.org',
    role: 'editor',
    tokens: [{_key: 't1', label: 'Studio', sha256: tokenHash(token), issuedAt: '2026-01-01'}],
  }
  const broken = (id: string, change: Record<string, unknown>) =>
    ({...whole, ...change, _id: `_.people.${id}`}) as unknown as LakeDocument

  it('lets nobody in through a person document that is not whole, and names them at start', () => {
    const otherToken = 'b'.repeat(62)
    const other = [{_key: 't2', label: 'x', sha256: tokenHash(otherToken), issuedAt: '2026'}]
    const docs = [
      whole as LakeDocument,
      broken('pNoTokens', {tokens: undefined}),
      broken('pTokensText', {tokens: 'everything'}),
      broken('pBadRole', {role: 'administrator', tokens: other}),
      broken('pBadHash', {tokens: [{...other[0], sha256: 'not-a-hash'}]}),
      broken('pNoName', {name: 42, tokens: other}),
      // A draft is not at a person's place: it is not a person, and not reported
      {...whole, _id: 'drafts._.people.pDraft', tokens: other} as LakeDocument,
    ]
    const directory = new PeopleDirectory({all: () => docs})
    expect(directory.identify(token)).toMatchObject({id: 'pWhole', role: 'editor'})
    expect(directory.identify(otherToken)).toBeUndefined()
    expect(directory.present().map((user) => user.id)).toEqual(['pWhole'])
    expect(malformedPeople(docs)).toEqual([
      '_.people.pNoTokens',
      '_.people.pTokensText',
      '_.people.pBadRole',
      '_.people.pBadHash',
      '_.people.pNoName',
    ])
  })

  it('reads again only the people a transaction touched', () => {
    const directory = new PeopleDirectory({all: () => [whole as LakeDocument]})
    const commits = new EventEmitter()
    directory.follow({
      on: (event, listener) => commits.on(event, listener),
      transact: () => Promise.reject(new Error('not used')),
    })
    let changes = 0
    directory.on('change', () => changes++)
    commits.emit('commit', {changes: [{id: 'policy', after: null}]})
    expect(changes).toBe(0)
    // The token replaced by a document that is not whole: the person is gone, and their token too
    commits.emit('commit', {changes: [{id: whole._id, after: broken('pWhole', {tokens: 1})}]})
    expect(directory.identify(token)).toBeUndefined()
    expect(directory.findById('pWhole')).toBeUndefined()
    commits.emit('commit', {changes: [{id: whole._id, after: whole}]})
    expect(directory.identify(token)).toMatchObject({id: 'pWhole'})
    expect(changes).toBe(2)
  })
})
