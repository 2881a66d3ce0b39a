/**
 * How every setting is read from the environment, and what it is when unset: shared by the site,
 * the Studio and the lake, so that one variable means the same everywhere and a bad value stops
 * the process at start with one line naming the variable.
 */

export class ConfigurationError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error: ${variable} ${message}`)
    this.name = 'ConfigurationError'
  }
}

export type Source = Record<string, string | undefined>

/** The embedded lake's project, and what a real project's settings default to. */
export const EMBEDDED_PROJECT_ID = 'local'
export const DEFAULT_DATASET = 'production'
export const DEFAULT_API_VERSION = '2025-02-19'

export const DEFAULT_SITE_PORT = 3000
export const LAKE_DEFAULTS = {
  port: 3333,
  httpsPort: 3334,
  host: '127.0.0.1',
  dataDir: '.data/lake',
  seedFile: 'sanity/seed/production.ndjson',
  /** What the site's revalidation webhook, and by default a configured one, is sent for. */
  webhookFilter: '_type == "policyVersion"',
} as const

/** A value, trimmed; an empty one counts as unset. */
export function read(source: Source, name: string): string | undefined {
  const value = source[name]?.trim()
  return value ? value : undefined
}

/**
 * A port number. `anyFreePort` accepts 0 (the system picks one), for a server that reports where
 * it listens; `allowOff` accepts `off` for an optional listener.
 */
export function port(
  source: Source,
  name: string,
  fallback: number,
  options: {anyFreePort?: boolean; allowOff?: boolean} = {},
): number | false {
  const raw = read(source, name)
  if (raw === undefined) return fallback
  if (options.allowOff && /^(off|false)$/i.test(raw)) return false
  const lowest = options.anyFreePort ? 0 : 1
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value < lowest || value > 65535) {
    const off = options.allowOff ? ', or "off"' : ''
    throw new ConfigurationError(
      name,
      `must be a port number between ${lowest} and 65535${off} (got "${raw}").`,
    )
  }
  return value
}

/** A port a client connects to: never 0, never off. */
export function fixedPort(source: Source, name: string, fallback: number): number {
  return port(source, name, fallback) as number
}

export function matching(
  source: Source,
  name: string,
  pattern: RegExp,
  rule: string,
): string | undefined {
  const value = read(source, name)
  if (value !== undefined && !pattern.test(value)) {
    throw new ConfigurationError(name, `must be ${rule} (got "${value}").`)
  }
  return value
}

/** A comma-separated list, each entry checked. */
export function list(source: Source, name: string, pattern: RegExp, rule: string): string[] {
  const entries = (read(source, name) ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const wrong = entries.find((entry) => !pattern.test(entry))
  if (wrong !== undefined)
    throw new ConfigurationError(name, `must be ${rule}, separated by commas (got "${wrong}").`)
  return entries
}

/** The origin of an http(s) address, or undefined when it is not one. */
export function webOrigin(address: string): string | undefined {
  try {
    const url = new URL(address)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    return url.origin
  } catch {
    return undefined
  }
}

/** An absolute http(s) address. */
export function webAddress(name: string, raw: string): URL {
  if (webOrigin(raw) === undefined) {
    throw new ConfigurationError(name, `must be an absolute http(s) address (got "${raw}").`)
  }
  return new URL(raw)
}

/** The site's public address (`SITE_URL`), by default the site's port on localhost. */
export function siteUrl(source: Source): URL {
  const sitePort = fixedPort(source, 'PORT', DEFAULT_SITE_PORT)
  return webAddress('SITE_URL', read(source, 'SITE_URL') ?? `http://localhost:${sitePort}`)
}

/** Where the embedded lake listens (`LAKE_HOST`). */
export function lakeHost(source: Source): string {
  const host = read(source, 'LAKE_HOST') ?? LAKE_DEFAULTS.host
  if (!/^[A-Za-z0-9.:_-]+$/.test(host)) {
    throw new ConfigurationError('LAKE_HOST', `must be a host name or IP address (got "${host}").`)
  }
  return host
}

/** The site's Ed25519 key (`SIGNING_PRIVATE_KEY`), PEM or base64 DER; `\n` may stand for line breaks. */
export function signingPrivateKey(source: Source): string | undefined {
  return matching(
    source,
    'SIGNING_PRIVATE_KEY',
    /^(-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----|[A-Za-z0-9+/=\s]{40,})$/,
    'an Ed25519 private key in PEM (-----BEGIN PRIVATE KEY-----) or base64 DER form',
  )?.replace(/\\n/g, '\n')
}

/** The folder Next builds into (`NEXT_DIST_DIR`): test runs build side by side under `.data/`. */
export function nextDistDir(source: Source = process.env): string {
  return read(source, 'NEXT_DIST_DIR') ?? '.next'
}

/**
 * Reads settings for a command, or stops it with the one line that names the variable: at start,
 * rather than on the first request.
 */
export function settingsOrExit<T>(readSettings: () => T): T {
  try {
    return readSettings()
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}
