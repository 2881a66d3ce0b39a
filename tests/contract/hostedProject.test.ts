import {readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {
  prepareCandidate,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {appendToRecord, AUTHORSHIP_RECORD_FILE_NAME} from '@/lib/policy/authorshipRecord'
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

function candidate(preparedBy = {userId: 'pEditor123', name: 'Camille Tremblay'}) {
  const {content} = prepareCandidate(working.policy, working.sections)
  return {
    ...candidateDocument({
      number: 3,
      content,
      preparedBy: {...preparedBy, at: '2026-11-30T15:00:00.000Z'},
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

const EDITOR = {id: 'pEditor123', name: 'Camille Tremblay', roles: [{name: 'editor'}]}

/** The site's own write token: a robot, as Sanity's API tokens are. */
const SITE_ROBOT = {id: 'pSiteRobot', name: 'Policy site', roles: [{name: 'editor'}]}

const me =
  (user: object): Answer =>
  (url, call) =>
    url.pathname === '/v2025-02-19/users/me'
      ? json(call.authorization === 'Bearer sk-write-token-of-the-site' ? SITE_ROBOT : user)
      : undefined

interface Member {
  id: string
  name: string
  roles: {name: string}[]
  isRobot?: boolean
}

/** The project's members (`/projects/abc`) and their names (`/users/:ids`), as Sanity answers. */
const members =
  (...people: Member[]): Answer =>
  (url) => {
    if (url.pathname === '/v2025-02-19/projects/abc') {
      return json({
        id: 'abc',
        members: people.map(({id, roles, isRobot}) => ({id, roles, isRobot: isRobot ?? false})),
      })
    }
    const ids = /^\/v2025-02-19\/users\/(.+)$/.exec(url.pathname)?.[1]
    if (!ids || ids === 'me') return undefined
    const found = decodeURIComponent(ids)
      .split(',')
      .flatMap((id) => people.filter((person) => person.id === id))
      .map(({id, name}) => ({id, displayName: name}))
    return json(found.length === 1 ? found[0] : found)
  }

const PEOPLE: Member[] = [EDITOR, REVIEWER, {...SITE_ROBOT, isRobot: true}]
const PROJECT = members(...PEOPLE)

const signoffState =
  (state: object): Answer =>
  (url) =>
    url.pathname === '/v2025-02-19/data/query/production' &&
    url.searchParams.get('query')?.includes('"candidate"')
      ? json({result: state, ms: 1, query: ''})
      : undefined

interface Transaction {
  id: string
  timestamp: string
  author: string
  documentIDs: string[]
  effects?: Record<string, {apply: unknown; revert: unknown}>
  mutations?: object[]
}

/** A transaction that creates `id` (mendoza: its revert is "nothing"), with `create`. */
function creating(
  id: string,
  transaction: Omit<Transaction, 'documentIDs'> & {documentIDs?: string[]},
): Transaction {
  return {
    documentIDs: [id],
    effects: {[id]: {apply: [0, {_id: id}], revert: [0, null]}},
    mutations: [{create: {_id: id}}],
    ...transaction,
  }
}

/** The site's publication of version 2, the start of the window for version 3. */
const PUBLISHED_2 = creating('version-2', {
  id: 'tx-publish-2',
  timestamp: '2026-09-15T14:00:01Z',
  author: SITE_ROBOT.id,
  documentIDs: ['drafts.version-2', 'version-2'],
})

const PREPARED_3 = creating('drafts.version-3', {
  id: 'tx-prepare',
  timestamp: '2026-11-30T15:00:00Z',
  author: EDITOR.id,
})

/**
 * Sanity's history API: the transactions on the ids asked for, oldest first, from `fromTime`
 * and from `fromTransaction` (itself included), at most `limit` of them, as NDJSON. A plan's
 * retention is played by leaving the oldest transactions out of the list.
 */
const history =
  (transactions: Transaction[]): Answer =>
  (url) => {
    const prefix = '/v2025-02-19/data/history/production/transactions/'
    if (!url.pathname.startsWith(prefix)) return undefined
    const ids = decodeURIComponent(url.pathname.slice(prefix.length)).split(',')
    const search = url.searchParams
    let lines = transactions.filter((tx) => tx.documentIDs.some((id) => ids.includes(id)))
    const fromTime = search.get('fromTime')
    if (fromTime) lines = lines.filter((tx) => Date.parse(tx.timestamp) >= Date.parse(fromTime))
    const from = search.get('fromTransaction')
    if (from) lines = lines.slice(lines.findIndex((tx) => tx.id === from))
    lines = lines.slice(0, Number(search.get('limit') ?? Infinity))
    return new Response(lines.map((line) => JSON.stringify(line)).join('\n'), {
      headers: {'content-type': 'application/x-ndjson'},
    })
  }

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
      history([PUBLISHED_2, PREPARED_3]),
      PROJECT,
      mutate,
    )
    const {approveCandidate} = await import('@/sanity/lib/signoff')
    const response = await approveCandidate(
      approveRequest('sk-session-of-the-reviewer', {id: read._id, revision: read._rev}),
    )
    expect(response.status, await response.clone().text()).toBe(200)

    const [identify, state] = calls
    const log = calls.find((call) => call.url.pathname.includes('/data/history/'))
    const write = calls.find((call) => call.url.pathname.includes('/data/mutate/'))
    expect(identify!.url.origin + identify!.url.pathname).toBe(
      'https://abc.api.sanity.io/v2025-02-19/users/me',
    )
    expect(identify!.authorization).toBe('Bearer sk-session-of-the-reviewer')
    expect(state!.url.origin).toBe('https://abc.api.sanity.io')
    expect(state!.url.searchParams.get('perspective')).toBe('raw')
    expect(state!.authorization).toBe('Bearer sk-write-token-of-the-site')
    // The candidate's ids, and the previous version's, whose creation opens the window.
    expect(log!.url.pathname).toBe(
      `/v2025-02-19/data/history/production/transactions/${[
        'drafts.version-3',
        'version-2',
        'version-3',
      ].join(',')}`,
    )
    // An hour before version 2's signed publication, for clocks that disagree.
    expect(log!.url.searchParams.get('fromTime')).toBe('2026-09-15T13:00:00.000Z')
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
        PUBLISHED_2,
        PREPARED_3,
        {
          id: 'tx-her-summary',
          timestamp: '2026-11-30T16:00:00Z',
          author: REVIEWER.id,
          documentIDs: ['drafts.version-3'],
        },
      ]),
      PROJECT,
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

describe('separation of duties on a hosted project, from a complete history', () => {
  const recordFile = path.join(process.env.SITE_DATA_DIR!, AUTHORSHIP_RECORD_FILE_NAME)
  afterEach(() => rmSync(recordFile, {force: true}))

  /** The reviewer's second token: a robot, which any Administrator of a hosted project can make. */
  const HER_ROBOT: Member = {
    id: 'pRobotMadeBySophie',
    name: 'Import script',
    roles: [{name: 'editor'}],
    isRobot: true,
  }

  async function approveAs(transactions: Transaction[], read = candidate(), ...more: Member[]) {
    fakeSanity(
      me(REVIEWER),
      signoffState({candidate: read, published, ...working}),
      history(transactions),
      members(...PEOPLE, ...more),
      mutate,
    )
    const {approveCandidate} = await import('@/sanity/lib/signoff')
    const response = await approveCandidate(
      approveRequest('sk-session-of-the-reviewer', {id: read._id, revision: read._rev}),
    )
    return {status: response.status, body: (await response.json()) as Record<string, unknown>}
  }

  const wrote = (id: string, author: string, timestamp: string): Transaction => ({
    id: `tx-${author}-${timestamp}`,
    timestamp,
    author,
    documentIDs: ['drafts.version-3'],
    mutations: [{patch: {id: 'drafts.version-3', set: {'changeSummary.en': 'Reworded.'}}}],
  })

  const written = () => calls.some((call) => call.url.pathname.includes('/data/mutate/'))

  it('reads the history page after page to its end, and refuses words a robot token wrote, even on the last page', async () => {
    const edits = Array.from({length: 250}, (_, index) =>
      wrote(
        'drafts.version-3',
        EDITOR.id,
        new Date(Date.UTC(2026, 10, 30, 16, index)).toISOString(),
      ),
    )
    const robot = wrote('drafts.version-3', HER_ROBOT.id, '2026-12-01T09:00:00.000Z')
    const answer = await approveAs(
      [PUBLISHED_2, PREPARED_3, ...edits, robot],
      candidate(),
      HER_ROBOT,
    )
    expect(answer.status, JSON.stringify(answer.body)).toBe(403)
    expect(answer.body).toMatchObject({
      error: {
        code: 'unidentified-authors',
        params: {authors: HER_ROBOT.id, documents: 'version-3'},
      },
    })
    const pages = calls.filter((call) => call.url.pathname.includes('/data/history/'))
    expect(pages.length).toBeGreaterThanOrEqual(3)
    expect(pages.slice(1).every((call) => call.url.searchParams.has('fromTransaction'))).toBe(true)
    expect(written()).toBe(false)
  })

  it('refuses an approval made with a robot token, even one listed as a reviewer', async () => {
    const read = candidate()
    fakeSanity(
      me(REVIEWER),
      signoffState({candidate: read, published, ...working}),
      history([PUBLISHED_2, PREPARED_3]),
      members(EDITOR, {...REVIEWER, isRobot: true}, {...SITE_ROBOT, isRobot: true}),
      mutate,
    )
    const {approveCandidate} = await import('@/sanity/lib/signoff')
    const response = await approveCandidate(
      approveRequest('sk-robot-named-like-a-reviewer', {id: read._id, revision: read._rev}),
    )
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({error: {code: 'not-a-reviewer'}})
    expect(written()).toBe(false)
  })

  it('refuses words by an author the project does not know, and names them', async () => {
    const answer = await approveAs([
      PUBLISHED_2,
      PREPARED_3,
      wrote('drafts.version-3', 'pFormerMember', '2026-11-30T17:00:00Z'),
    ])
    expect(answer.status).toBe(403)
    expect(answer.body).toMatchObject({
      error: {code: 'unidentified-authors', params: {authors: 'pFormerMember'}},
    })
    expect(written()).toBe(false)
  })

  it('never signs a candidate that names as its preparer someone other than its author: “Jean Dupont (DPO)”, who does not exist', async () => {
    for (const preparedBy of [
      {userId: 'pJeanDupont', name: 'Jean Dupont (DPO)'},
      {userId: EDITOR.id, name: 'Jean Dupont (DPO)'},
    ]) {
      calls = []
      const answer = await approveAs([PUBLISHED_2, PREPARED_3], candidate(preparedBy))
      expect(answer.status, JSON.stringify(answer.body)).toBe(403)
      expect(answer.body).toMatchObject({error: {code: 'prepared-by-mismatch'}})
      expect(written()).toBe(false)
      vi.unstubAllGlobals()
    }
  })

  it('refuses, naming why, when the history no longer reaches back to the previous publication and the site kept no record', async () => {
    // A Growth plan keeps 90 days: version 2's publication has left the history.
    const answer = await approveAs([PREPARED_3])
    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({
      error: {code: 'authorship-not-covered', params: {number: 2}},
    })
    expect(written()).toBe(false)
  })

  it('approves from the site’s own record where the history has expired, and refuses a write only the record saw', async () => {
    const change = (
      tx: string,
      documentId: string,
      author: string,
      timestamp: string,
      transition: 'appear' | 'update',
    ) => ({
      transactionId: tx,
      documentId,
      author,
      timestamp,
      transition,
      whole: transition === 'appear',
    })
    appendToRecord(recordFile, [
      {listening: '2026-09-01T00:00:00.000Z'},
      change('tx-publish-2', 'version-2', SITE_ROBOT.id, '2026-09-15T14:00:01Z', 'appear'),
      change('tx-publish-2', 'drafts.version-2', SITE_ROBOT.id, '2026-09-15T14:00:01Z', 'update'),
      change('tx-prepare', 'drafts.version-3', EDITOR.id, '2026-11-30T15:00:00Z', 'appear'),
    ])
    const approved = await approveAs([PREPARED_3])
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)

    calls = []
    vi.unstubAllGlobals()
    appendToRecord(recordFile, [
      change('tx-robot', 'drafts.version-3', HER_ROBOT.id, '2026-11-30T16:00:00Z', 'update'),
    ])
    const refused = await approveAs([PREPARED_3], candidate(), HER_ROBOT)
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({error: {code: 'unidentified-authors'}})
  })

  it('does not trust a record that was interrupted since the previous publication', async () => {
    appendToRecord(recordFile, [
      {listening: '2026-09-01T00:00:00.000Z'},
      {
        transactionId: 'tx-publish-2',
        documentId: 'version-2',
        author: SITE_ROBOT.id,
        timestamp: '2026-09-15T14:00:01Z',
        transition: 'appear',
        whole: true,
      },
      {interrupted: '2026-10-01T00:00:00.000Z'},
      {listening: '2026-10-02T00:00:00.000Z'},
    ])
    const answer = await approveAs([PREPARED_3])
    expect(answer.status).toBe(409)
    expect(answer.body).toMatchObject({error: {code: 'authorship-not-covered'}})
  })

  it('lets no Contributor publish (“can write but not publish”), nor prepare a version legal approves', async () => {
    const CONTRIBUTOR: Member = {
      id: 'pContributor',
      name: 'Alex Martin',
      roles: [{name: 'contributor'}],
    }
    fakeSanity(me(CONTRIBUTOR))
    const {publishCandidate, signoffPermissions} = await import('@/sanity/lib/signoff')
    const publish = await publishCandidate(
      new Request('https://policy.example.org/api/versions/publish', {
        method: 'POST',
        headers: {authorization: 'Bearer sk-contributor', 'content-type': 'application/json'},
        body: JSON.stringify({id: 'drafts.version-3', revision: 'r'}),
      }),
    )
    expect(publish.status).toBe(403)
    expect(await publish.json()).toMatchObject({error: {code: 'not-a-publisher'}})
    const permissions = await signoffPermissions(
      new Request('https://policy.example.org/api/versions/approve', {
        headers: {authorization: 'Bearer sk-contributor'},
      }),
    )
    expect(await permissions.json()).toMatchObject({publisher: false, reviewer: false})
    vi.unstubAllGlobals()

    const theirs = creating('drafts.version-3', {
      id: 'tx-prepared-by-contributor',
      timestamp: '2026-11-30T15:00:00Z',
      author: CONTRIBUTOR.id,
    })
    const answer = await approveAs(
      [PUBLISHED_2, theirs],
      candidate({userId: CONTRIBUTOR.id, name: CONTRIBUTOR.name}),
      CONTRIBUTOR,
    )
    expect(answer.status).toBe(403)
    expect(answer.body).toMatchObject({
      error: {code: 'preparer-not-an-editor', params: {name: 'Alex Martin'}},
    })
  })
})
