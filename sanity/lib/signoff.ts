import 'server-only'
import path from 'node:path'
import type {SanityDocument} from 'next-sanity'
import {RETRY_AFTER_SECONDS} from '@/lib/delivery/unavailablePages'
import {env} from '@/lib/env'
import {checkCandidate} from '@/lib/policy/candidate'
import {rollbackFrom} from '@/lib/policy/checkpoint'
import {CHECKPOINT_FILE_NAME, readCheckpoint} from '@/lib/policy/checkpointFile'
import {organisationToday} from '@/lib/policy/dates'
import {linkAuditMatches, versionRecord} from '@/lib/policy/record'
import {
  REFUSAL_STATUS,
  RefusalError,
  refusalBody,
  refuse,
  type Refusal,
  type RefusalCode,
} from '@/lib/policy/refusals'
import {
  authorshipWindow,
  authorsOf,
  preparerOf,
  type AuthorshipSource,
} from '@/lib/policy/authorship'
import {readRecord} from '@/lib/policy/authorshipRecord'
import {POLICY_DOCUMENT_ID, publishedId} from '@/lib/policy/documentIds'
import {isReviewer, type ContentUser} from '@/lib/policy/reviewers'
import {isEditor, type ContentSource} from '@/lib/policy/roles'
import {
  approvalSeal,
  fingerprintSync,
  publishedVersionDocument,
  signerFor,
} from '@/lib/policy/signoff'
import {checkSignature} from '@/lib/policy/signingKeys'
import {approvalStatement, canonicalSite, storedSignature} from '@/lib/policy/statements'
import type {VersionActor} from '@/lib/policy/types'
import {verifyHistory} from '@/lib/policy/verification'
import {
  actor,
  candidateNumber,
  candidateStaleness,
  versionDocumentId,
  nextVersionNumber,
  proposalRefusals,
  separationOfDutiesScope,
  stalenessSummary,
  storedContent,
} from '@/lib/policy/workflow'
import type {PolicyDocument, PolicySectionDocument} from '@/lib/policy/candidate'
import {recordFile} from './authorshipListener'
import {client} from './client'
import {readHistoryLog} from './historyLog'
import {SIGNOFF_STATE_QUERY} from './queries'
import {asDomain} from './queryResult'
import {siteSigningKey, trustedKeys} from './signingKeys'

/**
 * The site's sign-off endpoints (docs/decisions/0007-signed-versions.md): the Studio posts the
 * person's own token; the site asks the content source who that is, checks every rule against
 * what the content source holds (its documents and its history's authors), then writes with its
 * own token and signs with its own key. The same code runs against the embedded lake and a
 * hosted Sanity project.
 */

type Json = Record<string, unknown>

interface SignoffState {
  candidate: SanityDocument | null
  published: SanityDocument[]
  policy: PolicyDocument | null
  sections: PolicySectionDocument[]
}

interface SignoffRequest {
  id: string
  revision: string
  acknowledgeStale: boolean
}

/** The content source did not answer: a 503 the Studio can retry, never a refusal. */
class SourceUnavailable extends Error {}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function statusOf(error: unknown): number | undefined {
  return isObject(error) && typeof error.statusCode === 'number' ? error.statusCode : undefined
}

/** A refusal the content source itself sent (the embedded lake's own rules), kept as it is. */
function sourceRefusal(error: unknown): Refusal | undefined {
  const body = isObject(error) && isObject(error.response) ? error.response.body : undefined
  const detail = isObject(body) && isObject(body.error) ? body.error : undefined
  const code = detail?.code
  if (typeof code !== 'string' || !(code in REFUSAL_STATUS)) return undefined
  return {
    code: code as RefusalCode,
    params: isObject(detail?.params) ? detail.params : {},
  } as Refusal
}

function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')
  return match?.[1]
}

async function readRequest(request: Request): Promise<SignoffRequest> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    refuse({code: 'bad-request', params: {detail: 'the body must be JSON'}})
  }
  if (!isObject(body) || typeof body.id !== 'string' || typeof body.revision !== 'string') {
    refuse({code: 'bad-request', params: {detail: 'give the candidate’s "id" and "revision"'}})
  }
  if (body.acknowledgeStale !== undefined && typeof body.acknowledgeStale !== 'boolean') {
    refuse({code: 'bad-request', params: {detail: '"acknowledgeStale" is true or false'}})
  }
  return {id: body.id, revision: body.revision, acknowledgeStale: body.acknowledgeStale === true}
}

/** Who the caller is, as the content source says: Sanity's `/users/me`, on the lake as on Sanity. */
async function identify(token: string | undefined): Promise<ContentUser & {name: string}> {
  if (!token) refuse({code: 'not-signed-in'})
  let user: unknown
  try {
    user = await client
      .withConfig({token, useCdn: false})
      .request({url: '/users/me', tag: 'signoff.identify'})
  } catch (error) {
    const status = statusOf(error)
    if (status === 401 || status === 403) refuse({code: 'not-signed-in'})
    throw new SourceUnavailable('The content source did not say who is asking', {cause: error})
  }
  if (!isObject(user) || typeof user.id !== 'string' || user.id === '') {
    refuse({code: 'not-signed-in'})
  }
  const roles = Array.isArray(user.roles)
    ? user.roles.filter(isObject).map((role) => ({name: String(role.name)}))
    : []
  const email = typeof user.email === 'string' ? user.email : undefined
  const name =
    (typeof user.name === 'string' && user.name) ||
    (typeof user.displayName === 'string' && user.displayName) ||
    email ||
    user.id
  return {id: user.id, name, email, roles}
}

function writer() {
  const {writeToken} = env().signoff
  if (!writeToken || !siteSigningKey()) refuse({code: 'signing-not-configured'})
  return client.withConfig({token: writeToken, perspective: 'raw', useCdn: false})
}

async function loadState(id: string): Promise<SignoffState> {
  try {
    return asDomain(await writer().fetch(SIGNOFF_STATE_QUERY, {id}, {cache: 'no-store'}))
  } catch (error) {
    if (error instanceof RefusalError) throw error
    throw new SourceUnavailable('The content source did not answer', {cause: error})
  }
}

/** Every transaction on `ids` since `fromTime`, oldest first, from the content source's history. */
async function historySource(ids: string[], fromTime: string | undefined) {
  const {signoff, sanity} = env()
  try {
    const writes = await readHistoryLog({
      urlFor: (uri) => client.getUrl(uri),
      dataset: sanity.dataset,
      token: signoff.writeToken ?? '',
      ids,
      fromTime,
    })
    return {source: 'history', writes} satisfies AuthorshipSource
  } catch (error) {
    throw new SourceUnavailable('The content source’s history could not be read', {cause: error})
  }
}

/** A member of the project as the content source describes them. */
interface Person {
  id: string
  name?: string
  roles: {name: string}[]
  isRobot: boolean
}

function contentSource(): ContentSource {
  return env().sanity.embeddedLake ? 'lake' : 'hosted'
}

/**
 * The project's members among `ids` (`/projects/:id` for their roles and whether they are a
 * robot, `/users/:ids` for their names), with the site's token. Anyone else is unknown.
 */
async function projectPeople(ids: readonly string[]): Promise<Map<string, Person>> {
  const reader = client.withConfig({token: env().signoff.writeToken, useCdn: false})
  const people = new Map<string, Person>()
  try {
    const project: unknown = await reader.request({
      url: `/projects/${reader.config().projectId}`,
      tag: 'signoff.members',
    })
    const members = isObject(project) && Array.isArray(project.members) ? project.members : []
    for (const member of members.filter(isObject)) {
      if (typeof member.id !== 'string' || !ids.includes(member.id)) continue
      const roles = Array.isArray(member.roles)
        ? member.roles.filter(isObject).map((role) => ({name: String(role.name)}))
        : []
      people.set(member.id, {id: member.id, roles, isRobot: member.isRobot !== false})
    }
    const named = [...people.keys()]
    if (named.length > 0) {
      const answer: unknown = await reader.request({
        url: `/users/${named.map(encodeURIComponent).join(',')}`,
        tag: 'signoff.people',
      })
      for (const user of (Array.isArray(answer) ? answer : [answer]).filter(isObject)) {
        const person = typeof user.id === 'string' ? people.get(user.id) : undefined
        if (person && typeof user.displayName === 'string') person.name = user.displayName.trim()
      }
    }
  } catch (error) {
    if (error instanceof RefusalError) throw error
    throw new SourceUnavailable('The content source did not say who its members are', {
      cause: error,
    })
  }
  return people
}

function isNamedPerson(person: Person | undefined): person is Person & {name: string} {
  return !!person && !person.isRobot && !!person.name
}

/** The site's own identity on the content source (its write token's user): the site's writes. */
let siteIdentity: Promise<string> | undefined
function siteUserId(): Promise<string> {
  siteIdentity ??= client
    .withConfig({token: env().signoff.writeToken, useCdn: false})
    .request<{id?: string}>({url: '/users/me', tag: 'signoff.site'})
    .then((me) => {
      if (typeof me?.id !== 'string' || me.id === '') throw new Error('No id for the site')
      return me.id
    })
    .catch((error: unknown) => {
      siteIdentity = undefined
      throw new SourceUnavailable('The content source did not say who the site is', {
        cause: error,
      })
    })
  return siteIdentity
}

/** An hour either way between the site's clock and the content source's. */
const CLOCK_MARGIN_MS = 60 * 60 * 1000

/**
 * Separation of duties (docs/decisions/0020-separation-of-duties-from-a-complete-history.md):
 * everything written to the candidate and to what it changes since the previous publication is
 * known (from the history, or the site's record where the history no longer reaches), written by
 * named people of the project, none of it by the approver; the candidate was prepared by the
 * editor it names, according to that record.
 */
async function checkDuties(
  user: ContentUser & {name: string},
  candidate: SanityDocument,
  latest: SanityDocument | undefined,
  state: SignoffState,
) {
  const scope = separationOfDutiesScope(candidate, latest ?? null, state.sections)
  const existing = new Set([
    candidate._id,
    ...(state.policy ? [POLICY_DOCUMENT_ID] : []),
    ...state.sections.map((section) => section._id),
  ])
  const anchors = latest
    ? [versionDocumentId(latest.number as number)]
    : scope.filter((id) => existing.has(id))
  const publishedAt = isObject(latest?.publication)
    ? Date.parse(String(latest.publication.at))
    : NaN
  const fromTime = Number.isNaN(publishedAt)
    ? undefined
    : new Date(publishedAt - CLOCK_MARGIN_MS).toISOString()
  const [history, site] = await Promise.all([
    historySource([...new Set([...scope, ...anchors])].sort(), fromTime),
    siteUserId(),
  ])
  const window = authorshipWindow([history, readRecord(recordFile(env()))], anchors, {
    firstVersion: !latest,
  })
  if (!window.covered) {
    refuse({
      code: 'authorship-not-covered',
      params: {number: (latest?.number as number | undefined) ?? 0},
    })
  }
  const authors = authorsOf(window.writes, scope)
  authors.delete(site)
  const preparer = preparerOf(window.writes, candidate._id)
  const people = await projectPeople([...new Set([...authors.keys(), user.id, preparer ?? ''])])
  if (!isNamedPerson(people.get(user.id))) refuse({code: 'not-a-reviewer'})

  const documents = (ids: string[]) => [...new Set(ids.map(publishedId))].sort().join(', ')
  const unknown = [...authors].filter(([id]) => id !== user.id && !isNamedPerson(people.get(id)))
  if (unknown.length > 0) {
    refuse({
      code: 'unidentified-authors',
      params: {
        authors: unknown.map(([id]) => id).join(', '),
        documents: documents(unknown.flatMap(([, ids]) => ids)),
      },
    })
  }
  const own = authors.get(user.id)
  if (own) refuse({code: 'reviewer-authored-changes', params: {documents: documents(own)}})

  const named = isObject(candidate.preparedBy) ? candidate.preparedBy : {}
  const preparing = preparer ? people.get(preparer) : undefined
  if (
    !preparer ||
    !isNamedPerson(preparing) ||
    named.userId !== preparer ||
    named.name !== preparing.name
  ) {
    refuse({code: 'prepared-by-mismatch'})
  }
  if (preparer === user.id) refuse({code: 'self-approval'})
  if (!isEditor(preparing, contentSource())) {
    refuse({code: 'preparer-not-an-editor', params: {name: preparing.name}})
  }
}

/**
 * The published history, which must verify before anything new is chained to it (fail closed):
 * every document that looks like a version is one, nothing is missing, every version verifies
 * with a key the site trusts and names this site, and the history extends the newest one the
 * site verified before (its checkpoint). The latest version is the highest verified one.
 */
function verifiedLatest(published: SanityDocument[]): SanityDocument | undefined {
  const {siteUrl, siteDataDir} = env()
  const history = verifyHistory(published, trustedKeys(), {site: canonicalSite(siteUrl)})
  const [anomaly] = history.anomalies
  if (anomaly) refuse({code: 'history-anomaly', params: {id: anomaly.id}})
  const rollback = rollbackFrom(checkpointOrRefuse(siteDataDir), history)
  if (rollback) refuse({code: 'history-rolled-back', params: {number: rollback.number}})
  const failing =
    history.missing[0] ?? history.versions.find((version) => !version.verified)?.number
  if (failing !== undefined) refuse({code: 'history-does-not-verify', params: {number: failing}})
  const latest = history.versions.at(-1)?.number
  return published.find((doc) => doc._id === (latest && versionDocumentId(latest)))
}

/** The site's checkpoint; one it cannot read stops sign-off rather than being ignored. */
function checkpointOrRefuse(siteDataDir: string) {
  try {
    return readCheckpoint(path.resolve(siteDataDir, CHECKPOINT_FILE_NAME))
  } catch (error) {
    console.error((error as Error).message)
    return refuse({code: 'history-rolled-back', params: {number: 0}})
  }
}

function checkNumber(id: string, candidate: SanityDocument, latest: SanityDocument | undefined) {
  const number = candidateNumber(id) as number
  const next = nextVersionNumber(latest ? [latest.number as number] : [])
  if (number !== next || candidate.number !== number) {
    if (number < next) refuse({code: 'chain-moved', params: {latest: next - 1}})
    refuse({code: 'number-not-next', params: {number, next}})
  }
}

function checkStaleness(state: SignoffState, candidate: SanityDocument, acknowledged: boolean) {
  const staleness = candidateStaleness(candidate, state)
  if (staleness.stale && !acknowledged) {
    refuse({code: 'candidate-stale', params: {sections: stalenessSummary(staleness)}})
  }
  return staleness.stale
}

function personActor(user: {id: string; name: string}): VersionActor {
  return actor(user)
}

/** Approves a candidate in the caller's name, if she may; answers what the Studio shows. */
async function approve(request: Request): Promise<Json> {
  const user = await identify(bearerToken(request))
  if (!isReviewer(user, env().signoff.reviewers)) refuse({code: 'not-a-reviewer'})
  const {id, revision, acknowledgeStale} = await readRequest(request)
  if (candidateNumber(id) === undefined) refuse({code: 'candidate-id-invalid', params: {id}})
  const state = await loadState(id)
  const candidate = state.candidate
  if (!candidate) return refuse({code: 'candidate-not-found', params: {id}})
  if (candidate.status === 'approved') refuse({code: 'already-approved'})
  if (candidate.status !== 'candidate') refuse({code: 'candidate-not-found', params: {id}})
  if (candidate._rev !== revision) refuse({code: 'candidate-changed'})
  const latest = verifiedLatest(state.published)
  checkNumber(id, candidate, latest)

  const {errors} = checkCandidate(storedContent(candidate))
  if (errors.length > 0) refuse({code: 'candidate-invalid', params: {count: errors.length}})
  const [proposal] = proposalRefusals(candidate, organisationToday())
  if (proposal) refuse(proposal)
  const preparedBy = isObject(candidate.preparedBy) ? candidate.preparedBy.userId : undefined
  if (preparedBy === user.id) refuse({code: 'self-approval'})

  await checkDuties(user, candidate, latest, state)
  checkStaleness(state, candidate, acknowledgeStale)

  const seal = approvalSeal(candidate, {
    approver: personActor(user),
    siteHosts: env().siteHosts,
    previousFingerprint: (latest?.fingerprint as string | undefined) ?? null,
    sign: signerFor(siteSigningKey()!),
    site: canonicalSite(env().siteUrl),
  })
  await commit(() => writer().patch(id).ifRevisionId(revision).set(seal.fields).commit())
  return {approved: true, number: candidate.number, fingerprint: seal.fingerprint}
}

/** Publishes an approved candidate as the next version, signed, in the caller's name. */
async function publish(request: Request): Promise<Json> {
  const user = await identify(bearerToken(request))
  if (!isEditor(user, contentSource())) refuse({code: 'not-a-publisher'})
  const {id, revision, acknowledgeStale} = await readRequest(request)
  if (candidateNumber(id) === undefined) refuse({code: 'candidate-id-invalid', params: {id}})
  const state = await loadState(id)
  const candidate = state.candidate
  if (!candidate) return refuse({code: 'candidate-not-found', params: {id}})
  if (candidate.status !== 'approved') refuse({code: 'not-approved'})
  if (candidate._rev !== revision) refuse({code: 'candidate-changed'})
  const latest = verifiedLatest(state.published)
  checkNumber(id, candidate, latest)

  const approval = isObject(candidate.approval) ? candidate.approval : {}
  const signature = storedSignature(approval)
  if (checkSignature(approvalStatement(candidate), signature, trustedKeys()) !== 'valid') {
    refuse({code: 'approval-signature-invalid'})
  }
  const record = versionRecord(candidate)
  if (approval.fingerprint !== fingerprintSync(record)) {
    refuse({code: 'record-differs-from-approval'})
  }
  if (!linkAuditMatches(record)) refuse({code: 'link-audit-mismatch'})
  if ((candidate.previousFingerprint ?? null) !== (latest?.fingerprint ?? null)) {
    refuse({code: 'chain-moved', params: {latest: (latest?.number as number | undefined) ?? 0}})
  }
  const preparedBy = isObject(candidate.preparedBy) ? candidate.preparedBy.userId : undefined
  if (approval.userId === preparedBy) refuse({code: 'self-approval'})
  const [proposal] = proposalRefusals(candidate, organisationToday())
  if (proposal) refuse(proposal)
  const stale = checkStaleness(state, candidate, acknowledgeStale)

  const published = publishedVersionDocument(candidate, {
    publisher: personActor(user),
    sign: signerFor(siteSigningKey()!),
    site: canonicalSite(env().siteUrl),
    staleAcknowledged: stale,
  })
  await commit(() =>
    writer()
      .transaction()
      .patch(id, (patch) => patch.ifRevisionId(revision).set({status: 'approved'}))
      .create(published)
      .delete(id)
      .commit(),
  )
  return {published: true, number: published.number, fingerprint: published.fingerprint}
}

/** Writes, turning the content source's refusals into the sign-off's. */
async function commit(write: () => Promise<unknown>): Promise<void> {
  try {
    await write()
  } catch (error) {
    const refusal = sourceRefusal(error)
    if (refusal) refuse(refusal)
    // A revision check that failed, or a version created meanwhile.
    if (statusOf(error) === 409) refuse({code: 'candidate-changed'})
    throw new SourceUnavailable('The content source did not take the write', {cause: error})
  }
}

/** Runs an endpoint: its answer, a refusal with its code, or a 503 to retry. */
async function answer(run: () => Promise<Json>): Promise<Response> {
  const headers = {'cache-control': 'no-store'}
  try {
    return Response.json(await run(), {headers})
  } catch (error) {
    if (error instanceof RefusalError) {
      return Response.json(refusalBody(error.refusal), {status: error.status, headers})
    }
    if (error instanceof SourceUnavailable) {
      console.error(error, error.cause)
      return Response.json(
        {error: {type: 'contentUnavailable', description: 'The content source did not answer.'}},
        {status: 503, headers: {...headers, 'retry-after': String(RETRY_AFTER_SECONDS)}},
      )
    }
    throw error
  }
}

export function approveCandidate(request: Request): Promise<Response> {
  return answer(() => approve(request))
}

export function publishCandidate(request: Request): Promise<Response> {
  return answer(() => publish(request))
}

/** What the Studio shows on its buttons: may the caller approve, may she publish. */
export function signoffPermissions(request: Request): Promise<Response> {
  return answer(async () => {
    const user = await identify(bearerToken(request))
    return {
      userId: user.id,
      reviewer: isReviewer(user, env().signoff.reviewers),
      publisher: isEditor(user, contentSource()),
      signing: Boolean(env().signoff.writeToken && siteSigningKey()),
    }
  })
}
