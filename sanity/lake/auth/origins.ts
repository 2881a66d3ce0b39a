import {webOrigin} from '../../../lib/env'

/**
 * The web origins allowed to call the lake from a browser: the site (whose `/studio` is the
 * Studio) and any listed in `LAKE_CORS_ORIGINS`. A loopback origin also allows its other loopback
 * spellings on the same port (`localhost`, `127.0.0.1`, `[::1]`): they are the same server on
 * this machine, and people type either.
 */

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

export class AllowedOrigins {
  private readonly origins = new Set<string>()

  constructor(origins: Iterable<string>) {
    for (const entry of origins) {
      const origin = webOrigin(entry)
      if (origin === undefined) throw new Error(`"${entry}" is not an http(s) origin`)
      const url = new URL(origin)
      this.origins.add(origin)
      if (LOOPBACK_HOSTS.includes(url.hostname)) {
        for (const host of LOOPBACK_HOSTS) {
          this.origins.add(`${url.protocol}//${host}${url.port ? `:${url.port}` : ''}`)
        }
      }
    }
  }

  /** Whether a request's `Origin` header names an allowed origin (`null` never is). */
  allows(origin: string): boolean {
    return this.origins.has(origin.toLowerCase())
  }

  list(): string[] {
    return [...this.origins]
  }
}
