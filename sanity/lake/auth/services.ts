import {createHash, timingSafeEqual} from 'node:crypto'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {ConfigurationError} from '../../../lib/env'
import {newToken} from './users'

/**
 * The lake's services: credentials that belong to a program, not a person, kept apart from the
 * people in `users.json`. Each is made at first start and kept in the data folder
 * (`services.json`, readable only by its owner), or given by configuration when the site and the
 * lake run on different machines.
 *
 * - The site reader is the public site: it sees exactly what a reader without a token sees
 *   (published documents only) and is served on a lane of its own, so that no other client can
 *   make the site wait or share a limit with it.
 * - The preview reader is the site's server reading drafts for an editor's preview: it sees what
 *   a signed-in person sees, and may write nothing.
 */

export type ServiceKind = 'site-reader' | 'preview-reader'

export interface ServiceIdentity {
  id: string
  kind: ServiceKind
  name: string
  token: string
}

export const SERVICES_FILE = 'services.json'

const PROFILES: Record<ServiceKind, {id: string; name: string; variable: string}> = {
  'site-reader': {id: 'service.site-reader', name: 'The public site', variable: 'LAKE_SITE_TOKEN'},
  'preview-reader': {
    id: 'service.preview-reader',
    name: 'The site’s previews (read-only)',
    variable: 'LAKE_PREVIEW_TOKEN',
  },
}

export type ConfiguredServiceTokens = Partial<Record<ServiceKind, string>>

/** What a service token must look like: Sanity's tokens are long, and a short one is guessable. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,256}$/

/** The services kept in a data folder (not those given by configuration), by kind. */
export function readServices(dataDir: string): Partial<Record<ServiceKind, ServiceIdentity>> {
  const file = join(dataDir, SERVICES_FILE)
  if (!existsSync(file)) return {}
  const {services = []} = JSON.parse(readFileSync(file, 'utf8')) as {services?: ServiceIdentity[]}
  return Object.fromEntries(services.map((service) => [service.kind, service]))
}

/**
 * The services' tokens: those configured, else those kept in the data folder, else new ones
 * (written there). A configured token replaces the kept one without being written down.
 */
export function ensureServices(
  dataDir: string,
  configured: ConfiguredServiceTokens = {},
): ServiceIdentity[] {
  const file = join(dataDir, SERVICES_FILE)
  const kept = Object.values(readServices(dataDir))
  let changed = false
  const services = (Object.keys(PROFILES) as ServiceKind[]).map((kind) => {
    const profile = PROFILES[kind]
    const given = configured[kind]
    if (given !== undefined) {
      if (!TOKEN_SHAPE.test(given)) {
        throw new ConfigurationError(
          profile.variable,
          'must be 32 to 256 letters, digits, "_" or "-" (the lake makes one itself when it is not set).',
        )
      }
      return {id: profile.id, kind, name: profile.name, token: given}
    }
    const previous = kept.find((service) => service.kind === kind)
    if (previous && TOKEN_SHAPE.test(previous.token)) {
      return {id: profile.id, kind, name: profile.name, token: previous.token}
    }
    changed = true
    return {id: profile.id, kind, name: profile.name, token: newToken()}
  })
  if (changed) {
    mkdirSync(dataDir, {recursive: true})
    const stored = services.filter((service) => configured[service.kind] === undefined)
    writeFileSync(file, `${JSON.stringify({services: stored}, null, 2)}\n`, {mode: 0o600})
  }
  if (services[0]!.token === services[1]!.token) {
    throw new ConfigurationError(
      'LAKE_PREVIEW_TOKEN',
      'must differ from LAKE_SITE_TOKEN: the site reader sees no drafts.',
    )
  }
  return services
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest()
}

/** Recognises a service by its token; people are the Authenticator's. */
export class ServiceDirectory {
  private readonly digests: [Buffer, ServiceIdentity][]

  constructor(readonly services: ServiceIdentity[]) {
    this.digests = services.map((service) => [digest(service.token), service])
  }

  byKind(kind: ServiceKind): ServiceIdentity {
    const service = this.services.find((candidate) => candidate.kind === kind)
    if (!service) throw new Error(`No ${kind} service`)
    return service
  }

  /**
   * The service behind an `Authorization: Bearer` header, or `undefined` when the header names
   * no service (it may still name a person). Digests of equal length are compared in constant
   * time, so a token's length or first characters leak nothing.
   */
  identify(authorization: string | undefined): ServiceIdentity | undefined {
    if (!authorization) return undefined
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]
    if (!token) return undefined
    const candidate = digest(token)
    let found: ServiceIdentity | undefined
    for (const [known, service] of this.digests) {
      if (timingSafeEqual(known, candidate)) found = service
    }
    return found
  }
}
