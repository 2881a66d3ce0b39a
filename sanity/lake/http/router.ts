import {httpError} from '../core'
import type {LakeRequest, LakeResponse} from './messages'

export interface RouteContext {
  req: LakeRequest
  res: LakeResponse
  url: URL
  params: Record<string, string>
}

export type RouteHandler = (ctx: RouteContext) => Promise<void> | void

interface Route {
  method: string
  pattern: RegExp
  keys: string[]
  handler: RouteHandler
}

/** Path patterns like `/data/query/:dataset`; the API version prefix is stripped beforehand. */
export class Router {
  private readonly routes: Route[] = []

  on(methods: string | string[], path: string, handler: RouteHandler): this {
    const keys: string[] = []
    const source = path
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          const rest = segment.endsWith('*')
          keys.push(segment.slice(1).replace(/\*$/, ''))
          return rest ? '(.+)' : '([^/]+)'
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('/')
    for (const method of Array.isArray(methods) ? methods : [methods]) {
      this.routes.push({method, pattern: new RegExp(`^${source}/?$`), keys, handler})
    }
    return this
  }

  match(
    method: string,
    path: string,
  ): {handler: RouteHandler; params: Record<string, string>} | 'method-not-allowed' | undefined {
    let pathMatched = false
    for (const route of this.routes) {
      const match = route.pattern.exec(path)
      if (!match) continue
      pathMatched = true
      if (route.method !== method && !(route.method === 'GET' && method === 'HEAD')) continue
      const params: Record<string, string> = {}
      route.keys.forEach((key, index) => {
        params[key] = decodePathSegment(match[index + 1] ?? '')
      })
      return {handler: route.handler, params}
    }
    return pathMatched ? 'method-not-allowed' : undefined
  }
}

function decodePathSegment(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    throw httpError(
      400,
      'Bad Request',
      `Malformed percent-encoding in the path: ${raw.slice(0, 100)}`,
    )
  }
}
