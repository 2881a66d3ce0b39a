import type {
  AllowedOrigins,
  Authenticator,
  LocalUser,
  ServiceDirectory,
  ServiceIdentity,
} from '../auth'
import {LAKE_PROJECT_ID} from '../../../lib/env'
import type {LakeDataset} from '../store'
import {datasetNotFound, httpError, type LakeLimits, tooManyRequests, unauthorized} from '../core'
import type {RouteContext} from './router'
import {ListenerHub} from '../realtime'
import type {ClientLedger} from './clients'
import {NdjsonStreams} from './ndjsonStreams'

/**
 * What every route handler can reach: the lake's datasets, its users, its limits, the origins
 * allowed to call it from a browser, and the caller.
 */
export class LakeState {
  readonly projectId = LAKE_PROJECT_ID
  readonly listeners: Map<string, ListenerHub>
  /** The workers that make the history's and the export's NDJSON answers. */
  readonly ndjsonStreams: NdjsonStreams
  private readonly openStreams = {anonymous: 0, signedIn: 0}

  constructor(
    readonly datasets: Map<string, LakeDataset>,
    readonly auth: Authenticator,
    readonly services: ServiceDirectory,
    readonly limits: LakeLimits,
    readonly origins: AllowedOrigins,
    /** What each client holds, and its address behind the trusted proxies. */
    readonly clients: ClientLedger,
  ) {
    this.listeners = new Map(
      [...datasets].map(([name, dataset]) => [name, new ListenerHub(dataset, limits)]),
    )
    this.ndjsonStreams = new NdjsonStreams(limits)
  }

  /**
   * Counts an event stream (a listener or live events) against the caller's kind of client,
   * or refuses it with 429 when that kind holds as many as it may. Returns what to call once the
   * stream ends.
   */
  holdStream(user: LocalUser | undefined): () => void {
    const kind = user ? 'signedIn' : 'anonymous'
    const limit = user ? this.limits.maxStreams : this.limits.maxAnonymousStreams
    if (this.openStreams[kind] >= limit) {
      throw tooManyRequests(
        `${limit} event streams are already open for ${user ? 'signed-in clients' : 'clients without a token'}; close one first`,
        5,
      )
    }
    this.openStreams[kind] += 1
    let released = false
    return () => {
      if (released) return
      released = true
      this.openStreams[kind] -= 1
    }
  }

  /** The open event streams of a dataset. */
  listenerHub(name: string | undefined): ListenerHub {
    const hub = this.listeners.get(this.dataset(name).name)
    if (!hub) throw datasetNotFound(name ?? '', this.projectId)
    return hub
  }

  async close(): Promise<void> {
    this.clients.close()
    for (const hub of this.listeners.values()) hub.close()
    await this.ndjsonStreams.close()
  }

  dataset(name: string | undefined): LakeDataset {
    const dataset = name === undefined ? undefined : this.datasets.get(name)
    if (!dataset) throw datasetNotFound(name ?? '', this.projectId)
    return dataset
  }
}

export interface LakeRouteContext extends RouteContext {
  lake: LakeState
  /** The caller, when a person's valid token came with the request. */
  user?: LocalUser
  /** The calling service (the site, its previews), when a service's token came instead. */
  service?: ServiceIdentity
  /** The client's address: the socket's, or the one a trusted reverse proxy forwarded. */
  client: string
}

/** Whose work a request is, in the order the lake serves it (see `QueryPool`). */
export type Lane = 'site' | 'signed-in' | 'anonymous'

export function laneOf(ctx: Pick<LakeRouteContext, 'user' | 'service'>): Lane {
  if (ctx.service?.kind === 'site-reader') return 'site'
  if (ctx.user || ctx.service?.kind === 'preview-reader') return 'signed-in'
  return 'anonymous'
}

/**
 * Whether the caller reads drafts and other private ids: a person, or the previews' reader. The
 * site's reader sees what everyone sees.
 */
export function seesPrivate(ctx: Pick<LakeRouteContext, 'user' | 'service'>): boolean {
  return ctx.user !== undefined || ctx.service?.kind === 'preview-reader'
}

export type LakeRouteHandler = (ctx: LakeRouteContext) => Promise<void> | void

/** Drafts, history and writes need a token; reading published content does not. */
export function requireUser(ctx: LakeRouteContext): LocalUser {
  if (ctx.service) {
    throw httpError(403, 'Forbidden', `${ctx.service.name} reads only; this needs a person's token`)
  }
  if (!ctx.user) throw unauthorized('Unauthorized - Session not found')
  return ctx.user
}
