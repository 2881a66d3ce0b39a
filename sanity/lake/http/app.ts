import {handleActions} from './actionRoutes'
import type {LakeRouteContext, LakeRouteHandler, LakeState} from './context'
import {isPerson} from '../../../lib/localUsers'
import {httpError, notFound, unauthorized} from '../core'
import {
  handleDocumentEvents,
  handleDocumentsAt,
  handleExport,
  handleTransactions,
} from './historyRoutes'
import {applyCors, type LakeRequest, type LakeResponse, sendError} from './messages'
import {Router} from './router'
import {handleMutate} from './mutateRoutes'
import {
  handleAccessRequests,
  handleAcl,
  handleDatasets,
  handleGrants,
  handleFeatures,
  handleKeyValue,
  handleLogout,
  handleMe,
  handlePing,
  handleProject,
  handleProjects,
  handleUserApplications,
  handleUsers,
} from './projectRoutes'
import {handleGetDocuments, handleQuery} from './queryRoutes'
import {handleListen, handleLiveEvents} from './streamRoutes'

/** The lake's HTTP API: one handler, served over plain HTTP and over HTTP/2 with TLS. */

export type RouteRegistrar = (
  on: (methods: string | string[], path: string, handler: LakeRouteHandler) => void,
) => void

const coreRoutes: RouteRegistrar = (on) => {
  on(['GET', 'POST'], '/data/query/:dataset', handleQuery)
  on('GET', '/data/doc/:dataset/:ids*', handleGetDocuments)
  on('POST', '/data/mutate/:dataset', handleMutate)
  on('POST', '/data/actions/:dataset', handleActions)
  on('GET', '/data/listen/:dataset', handleListen)
  on('GET', '/data/live/events/:dataset', handleLiveEvents)
  on('GET', '/data/history/:dataset/documents/:ids', handleDocumentsAt)
  on('GET', '/data/history/:dataset/transactions', handleTransactions)
  on('GET', '/data/history/:dataset/transactions/:ids', handleTransactions)
  on('GET', '/data/history/:dataset/events/documents/:id', handleDocumentEvents)
  on('GET', '/data/export/:dataset', handleExport)

  on('POST', '/auth/logout', handleLogout)
  on('GET', '/users/me', handleMe)
  on('GET', '/users/me/keyvalue/:keys', handleKeyValue)
  on(['PUT', 'POST', 'PATCH'], '/users/me/keyvalue', handleKeyValue)
  on('GET', '/users/:ids', handleUsers)
  on('GET', '/projects', handleProjects)
  on('GET', '/projects/:projectId', handleProject)
  on('GET', '/projects/:projectId/datasets', handleDatasets)
  on('GET', '/projects/:projectId/datasets/:dataset/acl', handleAcl)
  on('GET', '/projects/:projectId/users/:ids', handleUsers)
  on('GET', '/projects/:projectId/grants', handleGrants)
  on('GET', '/access/requests/me', handleAccessRequests)
  on('GET', '/datasets', handleDatasets)
  on('GET', '/projects/:projectId/user-applications', handleUserApplications)
  on('GET', '/ping', handlePing)
  on('GET', '/data/ping/:dataset', handlePing)
  on('GET', '/features', handleFeatures)
  on('GET', '/projects/:projectId/features', handleFeatures)
}

/** `/v2025-02-19/data/...`, `/v1/...` and `/vX/...` all name an API version. */
const VERSION_PREFIX = /^\/v(\d{4}-\d{2}-\d{2}|\d+|X)(?=\/|$)/

const SIGN_OUT = /^\/auth\/logout\/?$/

export type LakeHandler = (req: LakeRequest, res: LakeResponse) => void

export function createLakeHandler(lake: LakeState, registrars: RouteRegistrar[] = []): LakeHandler {
  const router = new Router()
  const register: Parameters<RouteRegistrar>[0] = (methods, path, handler) => {
    router.on(methods, path, (ctx) => handler(ctx as LakeRouteContext))
  }
  for (const registrar of [coreRoutes, ...registrars]) registrar(register)

  return (req, res) => {
    lake.clients.watchAnswer(res)
    void (async () => {
      try {
        if (applyCors(req, res, lake.origins)) return
        const url = requestUrl(req.url ?? '/', lake.limits.maxUrlBytes)
        // `/v1` alone is not the root page
        const path = url.pathname.replace(VERSION_PREFIX, '')
        const match = router.match(req.method ?? 'GET', path)
        if (match === undefined) throw notFound(`No such endpoint: ${url.pathname}`)
        if (match === 'method-not-allowed') {
          throw httpError(
            405,
            'Method Not Allowed',
            `${req.method} is not allowed on ${url.pathname}`,
          )
        }
        const address = lake.clients.addressOf(req)
        const ctx: LakeRouteContext = {req, res, url, params: match.params, lake, client: address}
        // Signing out must work even with a token the lake no longer knows (a fresh data directory)
        if (!SIGN_OUT.test(path)) {
          const authorization = headerValue(req.headers.authorization)
          ctx.service = lake.services.identify(authorization)
          if (!ctx.service) ctx.user = lake.auth.identify(authorization)
        }
        // The services' tokens never leave the server: from the public path (which the site's
        // server and nginx mark as forwarded), nobody gets in as the site, its previews or its
        // signing service.
        const forwarded = req.headers['x-forwarded-for'] !== undefined
        if (forwarded && (ctx.service || (ctx.user && !isPerson(ctx.user)))) {
          throw unauthorized('The site’s services are only reachable from the server itself')
        }
        if (ctx.user) {
          // A revoked token or a removed person ends what it holds open (event streams, whose
          // answer has begun) at once; an answer not begun yet was allowed when it was asked.
          const unwatch = lake.auth.watch(ctx.user, () => {
            if (res.headersSent && !res.writableEnded) res.end()
          })
          res.once('close', unwatch)
        }
        // A client's share is its identity's when it has one, its address's otherwise
        if (ctx.service) ctx.client = ctx.service.id
        else if (ctx.user) ctx.client = `user:${ctx.user.id}`
        lake.clients.assign(res, ctx.client)
        lake.clients.checkHeld(ctx.client)
        await match.handler(ctx)
      } catch (error) {
        sendError(res, error)
      }
    })()
  }
}

/**
 * The request target as a URL. Only a path is accepted (`//host/x` stays a path, never a host),
 * and no longer than a GET query may be.
 */
function requestUrl(target: string, maxBytes: number): URL {
  if (Buffer.byteLength(target) > maxBytes) {
    throw httpError(
      414,
      'URI Too Long',
      `The address is longer than ${maxBytes} bytes; send long queries by POST`,
    )
  }
  if (!target.startsWith('/')) {
    throw httpError(400, 'Bad Request', 'The request target must be a path')
  }
  let url: URL
  try {
    url = new URL(`http://lake.local${target}`)
  } catch {
    throw httpError(400, 'Bad Request', 'The request target is not a valid path')
  }
  if (url.pathname.includes('//')) {
    throw httpError(400, 'Bad Request', 'The path has an empty segment ("//")')
  }
  return url
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
