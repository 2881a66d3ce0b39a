import {readFileSync} from 'node:fs'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {
  prepareCandidate,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {checkSignature} from '@/lib/policy/signingKeys'
import {approvalStatement, storedSignature} from '@/lib/policy/statements'
import {candidateDocument} from '@/lib/policy/workflow'
import {SEED_FILE} from '@/sanity/seed/build'

// Next's navigation helpers need a request to redirect in; these tests call the server code alone.
vi.mock('next/navigation', () => ({redirect: vi.fn(), notFound: vi.fn()}))

/**
 * The site against a hosted Sanity project, `abc` (configured in setup.ts), with Sanity's HTTP
 * API played by a fake `fetch`: what the site sends is what Sanity's documentation asks for.
 */

interface Call {
  url: URL
  method: string
  authorization: string | null
  body: unknown
}

type Answer = (url: URL, call: Call) => Response | undefined

let calls: Call[] = []

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'content-type': 'application/json'},
  })
}

/** Sanity's API, as far as a test needs it: each answer handles the requests it recognises. */
function fakeSanity(...answers: Answer[]) {
  vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init)
    const text = init?.body ?? (input instanceof Request ? await input.text() : undefined)
    const call: Call = {
      url: new URL(request.url),
      method: request.method,
      authorization: new Headers(init?.headers ?? request.headers).get('authorization'),
      body: typeof text === 'string' && text ? JSON.parse(text) : undefined,
    }
    calls.push(call)
    for (const answer of answers) {
      const response = answer(call.url, call)
      if (response) return response
    }
    return json({error: 'Not found'}, 404)
  })
}

const seed = readFileSync(SEED_FILE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Record<string, unknown> & {_id: string; _type: string})

const published = seed.filter((doc) => doc._type === 'policyVersion')
const working = {
  policy: seed.find((doc) => doc._id === 'policy') as unknown as PolicyDocument,
  sections: seed.filter(
    (doc) => doc._type === 'policySection',
  ) as unknown as PolicySectionDocument[],
}

function candidate() {
  const {content} = prepareCandidate(working.policy, working.sections)
  return {
    ...candidateDocument({
      number: 3,
      content,
      preparedBy: {userId: 'pEditor123', name: 'Camille Tremblay', at: '2026-11-30T15:00:00.000Z'},
      proposal: {
        effectiveDate: '2099-01-01',
        changeSummary: {fr: 'Révision annuelle.', en: 'Yearly review.'},
      },
    }),
    _rev: 'rev-read-by-the-reviewer',
  }
}

const REVIEWER = {
  id: 'pReviewer456',
  name: 'Me Sophie Gagnon',
  email: 'sophie.gagnon@example.org',
  // A Growth plan: no custom role; she is a reviewer by the list the site is configured with.
  roles: [{name: 'editor', title: 'Editor'}],
}

const me =
  (user: object): Answer =>
  (url) =>
    url.pathname === '/v2025-02-19/users/me' ? json(user) : undefined

const signoffState =
  (state: object): Answer =>
  (url) =>
    url.pathname === '/v2025-02-19/data/query/production' &&
    url.searchParams.get('query')?.includes('"candidate"')
      ? json({result: state, ms: 1, query: ''})
      : undefined

const history =
  (transactions: object[]): Answer =>
  (url) =>
    url.pathname.startsWith('/v2025-02-19/data/history/production/transactions/')
      ? new Response(transactions.map((line) => JSON.stringify(line)).join('\n'), {
          headers: {'content-type': 'application/x-ndjson'},
        })
      : undefined

const mutate: Answer = (url) =>
  url.pathname === '/v2025-02-19/data/mutate/production'
    ? json({transactionId: 'tx-approval', results: []})
    : undefined

function approveRequest(token: string | undefined, body: object) {
  return new Request('https://policy.example.org/api/versions/approve', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? {authorization: `Bearer ${token}`} : {}),
    },
    body: JSON.stringify(body),
  })
}

beforeEach(() => {
  calls = []
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the public site reads a hosted project', () => {
  it('asks the project’s API host for published content only, with no credentials', async () => {
    fakeSanity((url) =>
      url.pathname === '/v2025-02-19/data/query/production'
        ? json({result: [], ms: 1, query: ''})
        : undefined,
    )
    const {fetchPublishedVersions} = await import('@/sanity/lib/fetch')
    await fetchPublishedVersions()
    expect(calls).toHaveLength(1)
    const [call] = calls
    expect(call!.url.origin).toBe('https://abc.api.sanity.io')
    expect(call!.url.searchParams.get('perspective')).toBe('published')
    expect(call!.authorization).toBeNull()
  })

  it('reads drafts for previews with the server’s read token only', async () => {
    fakeSanity((url) =>
      url.pathname === '/v2025-02-19/data/query/production'
        ? json({result: null, ms: 1, query: ''})
        : undefined,
    )
    const {previewClient} = await import('@/sanity/lib/preview')
    await previewClient!.fetch('*[_id == "policy"][0]', {}, {perspective: 'drafts'})
    expect(calls[0]!.url.origin).toBe('https://abc.api.sanity.io')
    expect(calls[0]!.url.searchParams.get('perspective')).toBe('drafts')
    expect(calls[0]!.authorization).toBe('Bearer sk-read-token-of-the-site')
  })

  it('answers a rate limit or a plan over quota like an unreachable source, not as an error page', async () => {
    for (const status of [429, 402]) {
      fakeSanity(() =>
        json({error: 'Too many requests', message: 'Slow down', statusCode: status}, status),
      )
      const {fetchPublishedVersions, ContentUnavailableError} = await import('@/sanity/lib/fetch')
      await expect(fetchPublishedVersions()).rejects.toBeInstanceOf(ContentUnavailableError)
    }
  }, 30_000)

  it('refuses an unsigned or forged webhook with 401', async () => {
    fakeSanity()
    const {POST} = await import('@/app/api/revalidate/route')
    const body = JSON.stringify({_id: 'version-2', _type: 'policyVersion'})
    const unsigned = await POST(
      new Request('https://policy.example.org/api/revalidate', {method: 'POST', body}) as never,
    )
    expect(unsigned.status).toBe(401)
    const forged = await POST(
      new Request('https://policy.example.org/api/revalidate', {
        method: 'POST',
        body,
        headers: {'sanity-webhook-signature': `t=${Date.now()},v1=Zm9yZ2Vk`},
      }) as never,
    )
    expect(forged.status).toBe(401)
  })
})

describe('the approve endpoint on a hosted project', () => {
  it('asks Sanity who the caller is with her own token, checks the history’s authors, then writes with its own token, signed', async () => {
    const read = candidate()
    fakeSanity(
      me(REVIEWER),
      signoffState({candidate: read, published, ...working}),
      history([
        {
          id: 'tx-prepare',
          timestamp: '2026-11-30T15:00:00Z',
          author: 'pEditor123',
          documentIDs: ['drafts.version-3'],
        },
      ]),
      mutate,
    )
    const {approveCandidate} = await import('@/sanity/lib/signoff')
    const response = await approveCandidate(
      approveRequest('sk-session-of-the-reviewer', {id: read._id, revision: read._rev}),
    )
    expect(response.status, await response.clone().text()).toBe(200)

    const [identify, state, log, write] = calls
    expect(identify!.url.origin + identify!.url.pathname).toBe(
      'https://abc.api.sanity.io/v2025-02-19/users/me',
    )
    expect(identify!.authorization).toBe('Bearer sk-session-of-the-reviewer')
    expect(state!.url.origin).toBe('https://abc.api.sanity.io')
    expect(state!.url.searchParams.get('perspective')).toBe('raw')
    expect(state!.authorization).toBe('Bearer sk-write-token-of-the-site')
    expect(log!.url.pathname).toBe(
      `/v2025-02-19/data/history/production/transactions/${['drafts.version-3', 'version-3'].join(
        ',',
      )}`,
    )
    expect(log!.url.searchParams.get('fromTime')).toBe('2026-09-15T14:00:00Z')
    expect(log!.authorization).toBe('Bearer sk-write-token-of-the-site')

    expect(write!.method).toBe('POST')
    expect(write!.url.pathname).toBe('/v2025-02-19/data/mutate/production')
    expect(write!.authorization).toBe('Bearer sk-write-token-of-the-site')
    const [mutation] = (
      write!.body as {
        mutations: {patch: {id: string; ifRevisionID: string; set: Record<string, unknown>}}[]
      }
    ).mutations
    expect(mutation!.patch).toMatchObject({id: 'drafts.version-3', ifRevisionID: read._rev})
    const approval = mutation!.patch.set.approval as Record<string, unknown>
    expect(approval).toMatchObject({userId: REVIEWER.id, name: REVIEWER.name})
    const {trustedKeys} = await import('@/sanity/lib/signingKeys')
    const approved = {...read, ...mutation!.patch.set}
    expect(
      checkSignature(approvalStatement(approved), storedSignature(approval), trustedKeys()),
    ).toBe('valid')
  })

  it('refuses a reviewer who wrote part of what the candidate brings, from the history’s authors, and writes nothing', async () => {
    const read = candidate()
    fakeSanity(
      me(REVIEWER),
      signoffState({candidate: read, published, ...working}),
      history([
        {
          id: 'tx-her-summary',
          timestamp: '2026-11-30T16:00:00Z',
          author: REVIEWER.id,
          documentIDs: ['drafts.version-3'],
        },
      ]),
      mutate,
    )
    const {approveCandidate} = await import('@/sanity/lib/signoff')
    const response = await approveCandidate(
      approveRequest('sk-session-of-the-reviewer', {id: read._id, revision: read._rev}),
    )
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({
      error: {code: 'reviewer-authored-changes', params: {documents: 'version-3'}},
    })
    expect(calls.some((call) => call.url.pathname.includes('/data/mutate/'))).toBe(false)
  })

  it('refuses someone Sanity does not recognise, and someone not on the reviewers’ list', async () => {
    fakeSanity(me({}))
    const {approveCandidate} = await import('@/sanity/lib/signoff')
    const body = {id: 'drafts.version-3', revision: 'r'}
    expect((await approveCandidate(approveRequest('sk-expired', body))).status).toBe(401)
    expect((await approveCandidate(approveRequest(undefined, body))).status).toBe(401)
    vi.unstubAllGlobals()
    fakeSanity(me({...REVIEWER, id: 'pSomeoneElse', email: 'someone@example.org'}))
    const response = await approveCandidate(approveRequest('sk-someone', body))
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({error: {code: 'not-a-reviewer'}})
  })
})
