import {badRequest, type LakeLimits, nestingDepth} from '../core'

/**
 * GROQ parameters as clients send them, for queries and listener filters alike: read from the
 * query string (`$name=<JSON value>`) or a body, and checked before any query sees them.
 */

/** GROQ parameter names: what `$name` can spell in a query. */
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Query parameters, checked: names a query can refer to, values nested no deeper than a
 * document may be. Kept as own properties (never through `__proto__`'s setter), so that a query
 * cannot refer to what every object inherits (`$constructor`, `$toString`).
 */
export function checkedParams(
  entries: Iterable<[string, unknown]>,
  limits: Pick<LakeLimits, 'maxDepth'>,
): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [name, value] of entries) {
    if (!PARAM_NAME.test(name)) {
      throw badRequest(`Parameter name ${JSON.stringify(name.slice(0, 100))} is not valid`)
    }
    if (nestingDepth(value, limits.maxDepth) > limits.maxDepth) {
      throw badRequest(`Parameter "$${name}" nests more than ${limits.maxDepth} levels deep`)
    }
    Object.defineProperty(params, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return params
}

/** Query-string parameters are `$name=<JSON value>`, as `@sanity/client` encodes them. */
export function paramsFromSearch(
  search: URLSearchParams,
  limits: Pick<LakeLimits, 'maxDepth'>,
): Record<string, unknown> {
  const entries: [string, unknown][] = []
  for (const [key, raw] of search) {
    if (!key.startsWith('$')) continue
    try {
      entries.push([key.slice(1), JSON.parse(raw)])
    } catch {
      throw badRequest(`Parameter "${key.slice(0, 100)}" is not valid JSON`)
    }
  }
  return checkedParams(entries, limits)
}
