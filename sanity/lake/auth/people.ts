import {createHash, timingSafeEqual} from 'node:crypto'
import {EventEmitter} from 'node:events'

import {
  isPersonRole,
  PERSON_ROLES,
  ROLES,
  type LocalRole,
  type PersonRole,
} from '../../../lib/localUsers'
import {badRequest, type LakeDocument, notFound, randomId, transactionError} from '../core'
import {newToken, type LocalUser} from './users'

/**
 * The organisation's people: added, given a role, removed, and given or refused access by the
 * server's operator (`npm run lake:people`, sanity/lake/peopleCli.ts). Each person is a document
 * of the production dataset (`_.people.<id>`, Sanity's prefix for what is not content), so every
 * change is a transaction of the lake's log, credited to the operator who made it, and travels
 * with the backups. A token is shown once, when it is made; only its SHA-256 is kept (a token is
 * 62 random characters: its hash gives nothing away). The services' credentials (the site's
 * signing service) are configuration, kept apart in users.json (./users.ts).
 */

export const PEOPLE_PREFIX = '_.people.'
export const PERSON_TYPE = 'system.person'
/** Authors of the operator's changes: `operator:<account on the server>`. */
export const OPERATOR_PREFIX = 'operator:'

export interface PersonToken {
  _key: string
  label: string
  sha256: string
  issuedAt: string
}

export interface PersonDocument extends LakeDocument {
  _type: typeof PERSON_TYPE
  name: string
  email: string
  role: PersonRole
  tokens: PersonToken[]
  /** Set when the person was removed: kept, so that the history still names them. */
  removedAt?: string
}

/** What the operator may ask (the body of `POST /operator/people`). */
export type PeopleCommand =
  | {command: 'add'; name: string; email: string; role: string; label?: string}
  | {command: 'role'; person: string; role: string}
  | {command: 'remove'; person: string}
  | {command: 'token'; person: string; label?: string}
  | {command: 'revoke'; person: string; token: string}
  | {command: 'list'}
  | {command: 'tokens'; person: string}

/** A person as the operator sees them: never a token or its hash. */
export interface PersonSummary {
  id: string
  name: string
  email: string
  role: PersonRole
  removed: boolean
  tokens: {key: string; label: string; issuedAt: string}[]
}

export interface PeopleAnswer {
  person?: PersonSummary
  people?: PersonSummary[]
  /** A token just made: shown once, then only its hash is kept. */
  token?: string
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

function summary(doc: PersonDocument): PersonSummary {
  return {
    id: doc._id.slice(PEOPLE_PREFIX.length),
    name: doc.name,
    email: doc.email,
    role: doc.role,
    removed: doc.removedAt !== undefined,
    tokens: doc.tokens.map((token) => ({
      key: token._key,
      label: token.label,
      issuedAt: token.issuedAt,
    })),
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/

function isPersonToken(value: unknown): value is PersonToken {
  if (value === null || typeof value !== 'object') return false
  const token = value as Record<string, unknown>
  return (
    typeof token._key === 'string' &&
    typeof token.label === 'string' &&
    typeof token.sha256 === 'string' &&
    SHA256_HEX.test(token.sha256) &&
    typeof token.issuedAt === 'string'
  )
}

/**
 * Whether a document is a person, whole: only the operator's command writes them, but a backup
 * edited by hand, or a person kept by an older lake, may hold anything. A document that is not
 * whole names nobody and lets nobody in.
 */
function isPersonDocument(doc: LakeDocument | null): doc is PersonDocument {
  if (doc === null || !doc._id.startsWith(PEOPLE_PREFIX) || doc._type !== PERSON_TYPE) return false
  const person = doc as Partial<PersonDocument>
  return (
    typeof person.name === 'string' &&
    typeof person.email === 'string' &&
    isPersonRole(person.role) &&
    Array.isArray(person.tokens) &&
    person.tokens.every(isPersonToken) &&
    (person.removedAt === undefined || typeof person.removedAt === 'string')
  )
}

/** Ids of documents at a person's place that are not whole persons (see `isPersonDocument`). */
export function malformedPeople(docs: Iterable<LakeDocument>): string[] {
  const malformed: string[] = []
  for (const doc of docs) {
    if (doc._id.startsWith(PEOPLE_PREFIX) && !isPersonDocument(doc)) malformed.push(doc._id)
  }
  return malformed
}

const EMAIL = /^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/

function text(value: unknown, what: string, max = 200): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw badRequest(`${what} must be a text of 1 to ${max} characters`)
  }
  return value.trim()
}

function role(value: unknown): PersonRole {
  if (!isPersonRole(value)) {
    throw badRequest(
      `The role must be one of ${Object.keys(PERSON_ROLES).join(', ')} (got ${JSON.stringify(value)})`,
    )
  }
  return value
}

/** What the directory reads people from: the dataset's store (the layers below may not name it). */
interface PeopleSource {
  all(): Iterable<LakeDocument>
}

/** A transaction's documents, as far as people are concerned. */
interface ChangedDocuments {
  changes: {id: string; after: LakeDocument | null}[]
}

/** The dataset people are written to, one transaction each (store/dataset.ts `LakeDataset`). */
interface PeopleLog {
  on(event: 'commit', listener: (committed: ChangedDocuments) => void): unknown
  transact(
    options: {kind: 'mutate'; author: string; request: unknown},
    build: (ws: {
      timestamp: string
      original(id: string): LakeDocument | null
      put(id: string, doc: LakeDocument, mutation: unknown): void
    }) => void,
  ): Promise<unknown>
}

interface PeopleEvents {
  /** People or tokens changed: whoever holds sessions checks them again. */
  change: []
}

/** The people of one lake, read from its production dataset and kept current as it changes. */
export class PeopleDirectory extends EventEmitter<PeopleEvents> {
  private readonly byId = new Map<string, PersonDocument>()
  private readonly byHash = new Map<string, PersonDocument>()

  constructor(private readonly store: PeopleSource) {
    super()
    this.reindex()
  }

  /**
   * Follows the dataset's commits from now on (the directory exists before the dataset does):
   * each person a transaction touched is read again, nobody else.
   */
  follow(dataset: PeopleLog): void {
    dataset.on('commit', (committed) => {
      const people = committed.changes.filter((change) => change.id.startsWith(PEOPLE_PREFIX))
      if (people.length === 0) return
      for (const change of people) {
        this.forget(change.id.slice(PEOPLE_PREFIX.length))
        this.index(change.after)
      }
      this.emit('change')
    })
  }

  private reindex(): void {
    for (const doc of this.store.all()) this.index(doc)
  }

  private index(doc: LakeDocument | null): void {
    if (!isPersonDocument(doc)) return
    this.byId.set(doc._id.slice(PEOPLE_PREFIX.length), doc)
    if (doc.removedAt !== undefined) return
    for (const token of doc.tokens) this.byHash.set(token.sha256, doc)
  }

  private forget(id: string): void {
    const doc = this.byId.get(id)
    if (!doc) return
    this.byId.delete(id)
    for (const token of doc.tokens) {
      if (this.byHash.get(token.sha256) === doc) this.byHash.delete(token.sha256)
    }
  }

  /** The person a token belongs to, if it is one of a present person's tokens. */
  identify(token: string): LocalUser | undefined {
    const hash = tokenHash(token)
    const doc = this.byHash.get(hash)
    if (!doc) return undefined
    // The map found it by its hash; compared again in constant time, as the users' tokens are.
    const kept = doc.tokens.find((candidate) => candidate.sha256 === hash)
    if (!kept || !timingSafeEqual(Buffer.from(kept.sha256), Buffer.from(hash))) return undefined
    return {...this.profile(doc), token}
  }

  /** A person, present or removed, by id: the history names both. */
  findById(id: string): LocalUser | undefined {
    const doc = this.byId.get(id)
    return doc ? {...this.profile(doc), token: ''} : undefined
  }

  /** The people who are members now (removed people are not). */
  present(): LocalUser[] {
    return [...this.byId.values()]
      .filter((doc) => doc.removedAt === undefined)
      .map((doc) => ({...this.profile(doc), token: ''}))
  }

  /** The role of a present person; undefined for anyone else (removed people have none). */
  roleOf(id: string): LocalRole | undefined {
    const doc = this.byId.get(id)
    return doc && doc.removedAt === undefined ? doc.role : undefined
  }

  /** Whether `id` names a person the operator removed (a demo user included). */
  isRemoved(id: string): boolean {
    return this.byId.get(id)?.removedAt !== undefined
  }

  private profile(doc: PersonDocument) {
    return {
      id: doc._id.slice(PEOPLE_PREFIX.length),
      name: doc.name,
      email: doc.email,
      role: doc.role,
      title: PERSON_ROLES[doc.role],
    }
  }

  /** Finds a person by id or e-mail address. */
  private find(reference: unknown): PersonDocument {
    const wanted = text(reference, 'The person (an id or an e-mail address)')
    const doc =
      this.byId.get(wanted) ??
      [...this.byId.values()].find(
        (candidate) =>
          candidate.removedAt === undefined &&
          candidate.email.toLowerCase() === wanted.toLowerCase(),
      )
    if (!doc) throw notFound(`No person "${wanted}"`)
    return doc
  }

  /**
   * Carries out one of the operator's commands; a change is one transaction of `dataset`,
   * credited to `operator`.
   */
  async run(dataset: PeopleLog, command: PeopleCommand, operator: string): Promise<PeopleAnswer> {
    const write = async (doc: PersonDocument) => {
      // The log keeps what was asked (no token is ever in a command) and the person's new state.
      await dataset.transact(
        {kind: 'mutate', author: operator, request: {people: command}},
        (ws) => {
          const createdAt = ws.original(doc._id)?._createdAt ?? ws.timestamp
          ws.put(doc._id, {...doc, _createdAt: createdAt}, {createOrReplace: {_id: doc._id}})
        },
      )
      return summary(doc)
    }
    const issued = (label: unknown): [string, PersonToken] => {
      const token = newToken()
      return [
        token,
        {
          _key: randomId(12),
          label:
            label === undefined ? 'Studio' : text(label, 'The label of the token (what it is for)'),
          sha256: tokenHash(token),
          issuedAt: new Date().toISOString(),
        },
      ]
    }
    const present = (doc: PersonDocument) => {
      if (doc.removedAt !== undefined)
        throw badRequest(`${doc.name} was removed; add them again to give them access`)
      return doc
    }

    switch (command.command) {
      case 'list':
        return {people: [...this.byId.values()].map(summary)}
      case 'tokens':
        return {person: summary(this.find(command.person))}
      case 'add': {
        const name = text(command.name, 'The name')
        const email = text(command.email, 'The e-mail address', 254)
        if (!EMAIL.test(email)) throw badRequest(`"${email}" is not an e-mail address`)
        const taken = [...this.byId.values()].find(
          (doc) => doc.removedAt === undefined && doc.email.toLowerCase() === email.toLowerCase(),
        )
        if (taken) throw badRequest(`${email} is already ${taken.name}'s address`)
        const [token, kept] = issued(command.label)
        const id = `p${randomId(11)}`
        const doc: PersonDocument = {
          _id: `${PEOPLE_PREFIX}${id}`,
          _type: PERSON_TYPE,
          _rev: '',
          _createdAt: '',
          _updatedAt: '',
          name,
          email,
          role: role(command.role),
          tokens: [kept],
        }
        return {person: await write(doc), token}
      }
      case 'role': {
        const doc = present(this.find(command.person))
        return {person: await write({...doc, role: role(command.role)})}
      }
      case 'remove': {
        const doc = this.find(command.person)
        if (doc.removedAt !== undefined) return {person: summary(doc)}
        return {person: await write({...doc, tokens: [], removedAt: new Date().toISOString()})}
      }
      case 'token': {
        const doc = present(this.find(command.person))
        const [token, kept] = issued(command.label)
        return {person: await write({...doc, tokens: [...doc.tokens, kept]}), token}
      }
      case 'revoke': {
        const doc = this.find(command.person)
        const key = text(command.token, 'The token (its key, from `tokens`)')
        if (!doc.tokens.some((token) => token._key === key)) {
          throw notFound(`${doc.name} has no token "${key}"`)
        }
        return {
          person: await write({...doc, tokens: doc.tokens.filter((token) => token._key !== key)}),
        }
      }
      default:
        throw badRequest(
          `Unknown command ${JSON.stringify((command as {command?: unknown}).command)}`,
        )
    }
  }
}

/**
 * The lake's rules about people, on every transaction: people are changed by the operator alone,
 * never through the API (a person cannot make themselves a reviewer or give themselves a token),
 * and a viewer writes nothing.
 */
export function peopleRules(options: {
  roleOf: (userId: string) => LocalRole | undefined
}): (changes: {id: string}[], kind: string, author: string) => void {
  return (changes, kind, author) => {
    const people = changes.filter((change) => change.id.startsWith(PEOPLE_PREFIX))
    if (people.length > 0 && !author.startsWith(OPERATOR_PREFIX)) {
      const description =
        'People are managed on the server by its operator (npm run lake:people), not through the API'
      throw transactionError(
        403,
        description,
        people.map((change) => ({id: change.id, description, type: 'peopleAreManagedByOperator'})),
        kind === 'actions' ? 'actionError' : 'mutationError',
      )
    }
    if (options.roleOf(author) === ROLES.viewer) {
      const description = 'A viewer reads the policy but changes nothing'
      throw transactionError(
        403,
        description,
        changes.map((change) => ({id: change.id, description, type: 'readOnlyViewer'})),
        kind === 'actions' ? 'actionError' : 'mutationError',
      )
    }
  }
}
