import type {Authenticator, LocalUser} from './auth'
import {PROJECT_ID} from './config'
import type {LakeDataset} from './dataset'
import {datasetNotFound, unauthorized} from './errors'
import type {RouteContext} from './http'
import {ListenerHub} from './listen'

/** What every route handler can reach: the lake's datasets, its users and the caller. */
export class LakeState {
  readonly projectId = PROJECT_ID
  readonly listeners: Map<string, ListenerHub>

  constructor(
    readonly datasets: Map<string, LakeDataset>,
    readonly auth: Authenticator,
  ) {
    this.listeners = new Map(
      [...datasets].map(([name, dataset]) => [name, new ListenerHub(dataset)]),
    )
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
