import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {timingSafeEqual} from 'node:crypto'

import {LOCAL_USERS, type LocalUserProfile} from '../../../lib/localUsers'
import {randomId, unauthorized} from '../core'

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

export class Authenticator {
  private readonly byToken: Map<string, LocalUser>

  constructor(readonly users: LocalUser[]) {
    this.byToken = new Map(users.map((user) => [user.token, user]))
  }

  findById(id: string): LocalUser | undefined {
    return this.users.find((user) => user.id === id)
  }

  /**
   * The user behind an `Authorization: Bearer` header; `undefined` when there is no header. A
   * header with a token nobody holds is refused outright, as Sanity does.
   */
  identify(authorization: string | undefined): LocalUser | undefined {
    if (!authorization) return undefined
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    if (!match?.[1]) throw unauthorized()
    const token = match[1]
    for (const [candidate, user] of this.byToken) {
      const a = Buffer.from(candidate)
      const b = Buffer.from(token)
      if (a.length === b.length && timingSafeEqual(a, b)) return user
    }
    throw unauthorized()
  }
}
