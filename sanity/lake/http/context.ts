import type {AllowedOrigins, Authenticator, LocalUser} from '../auth'
import {LAKE_PROJECT_ID} from '../../../lib/env'
import type {LakeDataset} from '../store'
import {datasetNotFound, type LakeLimits, tooManyRequests, unauthorized} from '../core'
import type {RouteContext} from './router'
import {ListenerHub} from '../realtime'

/**
 * What every route handler can reach: the lake's datasets, its users, its limits, the origins
 * allowed to call it from a browser, and the caller.
 */
export class LakeState {
  readonly projectId = LAKE_PROJECT_ID
  readonly listeners: Map<string, ListenerHub>
  private readonly openStreams = {anonymous: 0, signedIn: 0}

  constructor(
    readonly datasets: Map<string, LakeDataset>,
    readonly auth: Authenticator,
    readonly limits: LakeLimits,
    readonly origins: AllowedOrigins,
  ) {
    this.listeners = new Map(
      [...datasets].map(([name, dataset]) => [name, new ListenerHub(dataset, limits)]),
    )
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

  close(): void {
    for (const hub of this.listeners.values()) hub.close()
  }

  dataset(name: string | undefined): LakeDataset {
    const dataset = name === undefined ? undefined : this.datasets.get(name)
    if (!dataset) throw datasetNotFound(name ?? '', this.projectId)
    return dataset
  }
}

export interface LakeRouteContext extends RouteContext {
  lake: LakeState
  /** The caller, when a valid token came with the request. */
  user?: LocalUser
}

export type LakeRouteHandler = (ctx: LakeRouteContext) => Promise<void> | void

/** Drafts, history and writes need a token; reading published content does not. */
export function requireUser(ctx: LakeRouteContext): LocalUser {
  if (!ctx.user) throw unauthorized('Unauthorized - Session not found')
  return ctx.user
}
