/**
 * Addresses whose content could not be loaded lately. A page that fails to load its content marks
 * its address and asks the browser to come again; the proxy then answers that address with a
 * localized 503 and Retry-After until the mark expires, instead of an error page with status 500.
 * The proxy and the pages run in one server process, so a registry on globalThis is shared.
 */

export const RETRY_AFTER_SECONDS = 30

/** Request header through which the proxy tells a page the address the reader asked for. */
export const REQUEST_PATH_HEADER = 'x-request-path'

interface Registry {
  marks: Map<string, number>
}

const REGISTRY = Symbol.for('policy-site.unavailable-pages')

function registry(): Registry {
  const holder = globalThis as typeof globalThis & {[REGISTRY]?: Registry}
  holder[REGISTRY] ??= {marks: new Map()}
  return holder[REGISTRY]
}

export function markUnavailable(path: string, now: number = Date.now()): void {
  const {marks} = registry()
  marks.set(path, now + RETRY_AFTER_SECONDS * 1000)
  // Bounded: random addresses cannot grow it without end.
  if (marks.size > 1000) marks.delete(marks.keys().next().value!)
}

/** Whether the address is marked; an expired mark is dropped so the next request tries again. */
export function isUnavailable(path: string, now: number = Date.now()): boolean {
  const {marks} = registry()
  const until = marks.get(path)
  if (until === undefined) return false
  if (until > now) return true
  marks.delete(path)
  return false
}
