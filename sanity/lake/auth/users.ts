import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {timingSafeEqual} from 'node:crypto'

import {LOCAL_USERS, type LocalUserProfile} from '../../../lib/localUsers'
import {randomId, unauthorized} from '../core'
import type {PeopleDirectory} from './people'

/**
 * Local users of the embedded lake (lib/localUsers.ts). They are created with random tokens at
 * first start and kept in the data directory (`users.json`, readable only by its owner), so that
 * history entries are credited to a stable identity across restarts.
 */

export type {LocalRole} from '../../../lib/localUsers'

export interface LocalUser extends LocalUserProfile {
  token: string
}

export const USERS_FILE = 'users.json'

/** Sanity's tokens start with `sk`; the Studio's `#token=` login wants at least 32 characters. */
export function newToken(): string {
  return `sk${randomId(62)}`
}

export function usersFile(dataDir: string): string {
  return join(dataDir, USERS_FILE)
}

/** The local users and their tokens, as written at the lake's first start. */
export function readLocalUsers(dataDir: string): LocalUser[] {
  const file = usersFile(dataDir)
  if (!existsSync(file)) {
    throw new Error(`No local users in ${dataDir}: start the lake once to create them.`)
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {users?: LocalUser[]}
  if (!Array.isArray(parsed.users)) throw new Error(`${file} has no "users" list.`)
  return parsed.users
}

/**
 * The local users, made at first start. A data folder from an earlier release gets the users it
 * lacks (the site's signing service came later), keeping everyone else's token.
 */
export function ensureLocalUsers(dataDir: string): LocalUser[] {
  const existing = existsSync(usersFile(dataDir)) ? readLocalUsers(dataDir) : []
  const missing = LOCAL_USERS.filter((profile) => !existing.some((user) => user.id === profile.id))
  if (missing.length === 0) return existing
  mkdirSync(dataDir, {recursive: true})
  const users = [...existing, ...missing.map((profile) => ({...profile, token: newToken()}))]
  writeFileSync(usersFile(dataDir), `${JSON.stringify({users}, null, 2)}\n`, {mode: 0o600})
  return users
}

/** The user's public face, as Sanity's `/users/:id` answers it. */
export function publicUser(user: LocalUser, projectId: string) {
  return {
    id: user.id,
    projectId,
    displayName: user.name,
    familyName: user.name.split(' ').slice(-1)[0] ?? null,
    givenName: user.name.split(' ').slice(0, -1).join(' ') || null,
    middleName: null,
    imageUrl: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    isCurrentUser: false,
  }
}

/** Who the seed import is credited to in the transaction log; nobody logs in as it. */
export const SYSTEM_USER_ID = 'system'

/** The seed import's author, so that the Studio's history can name it like any other. */
export function systemUser(projectId: string) {
  return {
    id: SYSTEM_USER_ID,
    projectId,
    displayName: 'System (seed import)',
    familyName: null,
    givenName: null,
    middleName: null,
    imageUrl: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    isCurrentUser: false,
  }
}

/** The current user, as Sanity's `/users/me` answers it and the Studio expects it. */
export function currentUser(user: LocalUser) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    profileImage: null,
    provider: 'local',
    // The Studio asks for a project role before it lets anyone in; permissions come from the ACL
    role: 'administrator',
    roles: [
      {name: 'administrator', title: 'Administrator'},
      {name: user.role, title: user.title},
    ],
  }
}

/** Who made a change from the server's console (`operator:<account>`), as the history names them. */
export function operatorUser(id: string): LocalUser | undefined {
  if (!id.startsWith('operator:')) return undefined
  const account = id.slice('operator:'.length)
  return {
    id,
    name: `Server operator (${account})`,
    email: `${account}@localhost`,
    role: 'viewer',
    title: 'Server operator',
    token: '',
  }
}

/**
 * Who a token belongs to: one of the configured users (users.json: the site's signing service and
 * the demo people of a single machine), or one of the organisation's people (./people.ts). Open
 * sessions (event streams, presence sockets) are watched: once their token is revoked or their
 * person removed, they are told at once.
 */
export class Authenticator {
  private readonly byToken: Map<string, LocalUser>
  private readonly sessions = new Map<LocalUser, Set<() => void>>()

  constructor(
    readonly users: LocalUser[],
    private readonly people?: PeopleDirectory,
  ) {
    this.byToken = new Map(users.map((user) => [user.token, user]))
    people?.on('change', () => this.recheckSessions())
  }

  findById(id: string): LocalUser | undefined {
    return (
      this.people?.findById(id) ?? this.users.find((user) => user.id === id) ?? operatorUser(id)
    )
  }

  /** The project's members: the configured users and the people, less anyone removed. */
  members(): LocalUser[] {
    const configured = this.users.filter((user) => !this.people?.isRemoved(user.id))
    return [...configured, ...(this.people?.present() ?? [])]
  }

  /** The role of a present user or person, as the lake's rules see it. */
  roleOf(id: string): LocalUser['role'] | undefined {
    if (this.people?.isRemoved(id)) return undefined
    return this.people?.roleOf(id) ?? this.users.find((user) => user.id === id)?.role
  }

  /**
   * The user behind an `Authorization: Bearer` header; `undefined` when there is no header. A
   * header with a token nobody holds is refused outright, as Sanity does.
   */
  identify(authorization: string | undefined): LocalUser | undefined {
    if (!authorization) return undefined
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (!match?.[1]) throw unauthorized()
    const user = this.holder(match[1])
    if (!user) throw unauthorized()
    return user
  }

  private holder(token: string): LocalUser | undefined {
    const b = Buffer.from(token)
    for (const [candidate, user] of this.byToken) {
      const a = Buffer.from(candidate)
      if (a.length === b.length && timingSafeEqual(a, b)) {
        // A demo person the operator removed no longer gets in.
        return this.people?.isRemoved(user.id) ? undefined : user
      }
    }
    return this.people?.identify(token)
  }

  /**
   * Calls `lost` once `user`'s token stops being valid (revoked, or its person removed), for as
   * long as the session it opened lasts; returns what ends the watch.
   */
  watch(user: LocalUser, lost: () => void): () => void {
    const watchers = this.sessions.get(user) ?? new Set()
    watchers.add(lost)
    this.sessions.set(user, watchers)
    return () => {
      watchers.delete(lost)
      if (watchers.size === 0 && this.sessions.get(user) === watchers) this.sessions.delete(user)
    }
  }

  private recheckSessions(): void {
    for (const [user, watchers] of [...this.sessions]) {
      if (this.holder(user.token)?.id === user.id) continue
      this.sessions.delete(user)
      for (const lost of watchers) lost()
    }
  }
}
