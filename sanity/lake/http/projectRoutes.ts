import {ROLES} from '../../../lib/localUsers'
import {currentUser, publicUser, SYSTEM_USER_ID, systemUser} from '../auth'
import {type LakeRouteContext, requireUser} from './context'
import {badRequest, httpError} from '../core'
import {readJsonBody, sendJson, sendText} from './messages'

/**
 * The project-level endpoints the Studio calls besides the data API: who is logged in, what they
 * may do, the project and its datasets, and the per-user key-value store for Studio settings.
 */

const CREATED_AT = '2025-01-01T00:00:00.000Z'

export function handleMe(ctx: LakeRouteContext): void {
  // Sanity answers an anonymous `/users/me` with an empty object, which the Studio reads as "log in"
  sendJson(ctx.res, 200, ctx.user ? currentUser(ctx.user) : {})
}

/** Users by id: as on Sanity, only for someone signed in (`/users/me` answers anyone). */
export function handleUsers(ctx: LakeRouteContext): void {
  if (ctx.params.ids !== 'me') requireUser(ctx)
  const ids = (ctx.params.ids ?? '').split(',').filter(Boolean)
  const users = ids.map((id) => {
    if (id === SYSTEM_USER_ID) return systemUser(ctx.lake.projectId)
    const user = id === 'me' ? ctx.user : ctx.lake.auth.findById(id)
    return user
      ? {
          ...publicUser(user, ctx.lake.projectId),
          isCurrentUser: user.id === ctx.user?.id,
        }
      : null
  })
  if (ids.length === 1) {
    if (!users[0]) throw httpError(404, 'Not Found', `User "${ids[0]}" not found`)
    sendJson(ctx.res, 200, users[0])
    return
  }
  sendJson(
    ctx.res,
    200,
    users.filter((user) => user !== null),
  )
}

/**
 * `POST /auth/logout`: the Studio's "Sign out" calls it with its token and again with cookies, and
 * forgets its token once both answer. The local users' tokens are their only credentials, so they
 * stay valid: signing out here means the browser no longer holds one.
 */
export function handleLogout(ctx: LakeRouteContext): void {
  sendJson(ctx.res, 200, {})
}

export function handleAcl(ctx: LakeRouteContext): void {
  ctx.lake.dataset(ctx.params.dataset)
  if (!ctx.user) {
    sendJson(ctx.res, 200, [{filter: '!(_id in path("**.**"))', permissions: ['read']}])
    return
  }
  // A viewer's Studio shows everything read-only; the lake refuses their writes all the same.
  const permissions =
    ctx.user.role === ROLES.viewer ? ['read', 'history'] : ['read', 'create', 'history', 'update']
  sendJson(ctx.res, 200, [{filter: '_id in path("**")', permissions}])
}

function project(ctx: LakeRouteContext) {
  return {
    id: ctx.lake.projectId,
    displayName: 'Privacy policy (embedded lake)',
    studioHost: null,
    isBlocked: false,
    isDisabled: false,
    isDisabledByUser: false,
    activityFeedEnabled: false,
    metadata: {color: '#2276fc', externalStudioHost: null},
    organizationId: null,
    createdAt: CREATED_AT,
    members: ctx.lake.auth.members().map((user) => ({
      id: user.id,
      role: 'administrator',
      roles: currentUser(user).roles,
      isCurrentUser: user.id === ctx.user?.id,
      isRobot: user.robot === true,
      createdAt: CREATED_AT,
    })),
    features: [],
  }
}

/** The project and its members: as on Sanity, only for someone signed in. */
export function handleProject(ctx: LakeRouteContext): void {
  requireUser(ctx)
  if (ctx.params.projectId !== ctx.lake.projectId) {
    throw httpError(404, 'Not Found', `Project "${ctx.params.projectId}" not found`)
  }
  sendJson(ctx.res, 200, project(ctx))
}

export function handleProjects(ctx: LakeRouteContext): void {
  requireUser(ctx)
  sendJson(ctx.res, 200, [project(ctx)])
}

export function handleDatasets(ctx: LakeRouteContext): void {
  sendJson(
    ctx.res,
    200,
    [...ctx.lake.datasets.keys()].map((name) => ({
      name,
      aclMode: 'public',
      createdAt: CREATED_AT,
      tags: [],
    })),
  )
}

/** Project-level grants (inviting members and the like): nobody has any here. */
export function handleGrants(ctx: LakeRouteContext): void {
  sendJson(ctx.res, 200, {})
}

/** Studios and apps deployed to Sanity's hosting for the project: none, everything is local. */
export function handleUserApplications(ctx: LakeRouteContext): void {
  sendJson(ctx.res, 200, [])
}

/** Pending requests for access to the project: there are none to make locally. */
export function handleAccessRequests(ctx: LakeRouteContext): void {
  sendJson(ctx.res, 200, [])
}

/** `/ping`, and `/data/ping/:dataset`, which the Studio calls to measure its latency. */
export function handlePing(ctx: LakeRouteContext): void {
  if (ctx.params.dataset !== undefined) ctx.lake.dataset(ctx.params.dataset)
  sendText(ctx.res, 200, 'text/plain; charset=utf-8', 'PONG')
}

export function handleFeatures(ctx: LakeRouteContext): void {
  sendJson(ctx.res, 200, [])
}

/** Studio settings (inspector widths, recent searches) per user, kept with the dataset. */
export async function handleKeyValue(ctx: LakeRouteContext): Promise<void> {
  const user = requireUser(ctx)
  const store = ctx.lake.dataset('production').store
  const storageKey = (key: string) => `keyvalue:${user.id}:${key}`
  if (ctx.req.method === 'GET') {
    const keys = (ctx.params.keys ?? '').split(',').filter(Boolean)
    sendJson(
      ctx.res,
      200,
      keys.map((key) => {
        const raw = store.getMeta(storageKey(key))
        return {key, value: raw === undefined ? null : (JSON.parse(raw) as unknown)}
      }),
    )
    return
  }
  const body = await readJsonBody(ctx.req, ctx.res, ctx.lake.limits)
  const entries = Array.isArray(body) ? body : [body]
  for (const entry of entries) {
    if (
      entry === null ||
      typeof entry !== 'object' ||
      typeof (entry as {key?: unknown}).key !== 'string'
    ) {
      throw badRequest('Each entry needs a string "key" and a "value"')
    }
  }
  for (const {key, value} of entries as {key: string; value: unknown}[]) {
    store.setMeta(storageKey(key), JSON.stringify(value ?? null))
  }
  sendJson(ctx.res, 200, entries)
}
