import type {LakeRouteContext, LakeRouteHandler, LakeState} from './context'
import {httpError, notFound} from './errors'
import {applyCors, type LakeRequest, type LakeResponse, Router, sendError} from './http'
import {handleGetDocuments, handleQuery} from './queryRoutes'

/** The lake's HTTP API: one handler, served over plain HTTP and over HTTP/2 with TLS. */

export type RouteRegistrar = (
  on: (methods: string | string[], path: string, handler: LakeRouteHandler) => void,
) => void

const coreRoutes: RouteRegistrar = (on) => {
  on(['GET', 'POST'], '/data/query/:dataset', handleQuery)
  on('GET', '/data/doc/:dataset/:ids*', handleGetDocuments)
}

/** `/v2025-02-19/data/...`, `/v1/...` and `/vX/...` all name an API version. */
const VERSION_PREFIX = /^\/v(\d{4}-\d{2}-\d{2}|\d+|X)(?=\/|$)/

export type LakeHandler = (req: LakeRequest, res: LakeResponse) => void

export function createLakeHandler(lake: LakeState, registrars: RouteRegistrar[] = []): LakeHandler {
  const router = new Router()
  const register: Parameters<RouteRegistrar>[0] = (methods, path, handler) => {
    router.on(methods, path, (ctx) => handler(ctx as LakeRouteContext))
  }
  for (const registrar of [coreRoutes, ...registrars]) registrar(register)

  return (req, res) => {
    void (async () => {
      try {
        if (applyCors(req, res)) return
        const url = new URL(req.url ?? '/', 'http://lake.local')
        const path = url.pathname.replace(VERSION_PREFIX, '') || '/'
        const match = router.match(req.method ?? 'GET', path)
        if (match === undefined) throw notFound(`No such endpoint: ${url.pathname}`)
        if (match === 'method-not-allowed') {
          throw httpError(
            405,
            'Method Not Allowed',
            `${req.method} is not allowed on ${url.pathname}`,
          )
        }
        const ctx: LakeRouteContext = {req, res, url, params: match.params, lake}
        ctx.user = lake.auth.identify(headerValue(req.headers.authorization))
        await match.handler(ctx)
      } catch (error) {
        sendError(res, error)
      }
    })()
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
