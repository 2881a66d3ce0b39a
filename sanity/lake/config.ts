import {ConfigurationError} from '../../lib/env'
import {webOrigin} from './origins'

/** Everything the lake reads from its environment; a bad value stops it with one clear line. */
export interface LakeEnv {
  port: number
  host: string
  dataDir: string
  seedFile: string
  httpsPort: number | false
  /** The site's origin, where the Studio lives; the lake's root page links back to it. */
  siteOrigin: string
  /** Other origins allowed to call the lake from a browser (`LAKE_CORS_ORIGINS`). */
  corsOrigins: string[]
  webhook?: WebhookTarget
  /** Whether the sign-off rules are enforced (`LAKE_WORKFLOW_RULES=off` turns them off). */
  workflowRules: boolean
  /** The site's signing key (PEM), when configured (`SIGNING_PRIVATE_KEY`). */
  signingKey?: string
}

export interface WebhookTarget {
  url: string
  secret?: string
  /** GROQ filter without the surrounding `*[...]`; `before()`, `after()` and `delta::` work. */
  filter?: string
  /** GROQ projection including braces, e.g. `{_id, number}`; the whole document when absent. */
  projection?: string
  /** Which operations trigger it; all three by default. */
  on?: ('create' | 'update' | 'delete')[]
  /** Drafts do not trigger webhooks unless asked, as on Sanity. */
  includeDrafts?: boolean
  name?: string
}

export const LAKE_DEFAULTS = {
  port: 3333,
  host: '127.0.0.1',
  dataDir: '.data/lake',
  seedFile: 'sanity/seed/production.ndjson',
  httpsPort: 3334,
  webhookFilter: '_type == "policyVersion"',
  sitePort: 3000,
} as const

export const PROJECT_ID = 'local'
export const DATASETS = ['production'] as const

type Source = Record<string, string | undefined>

function read(source: Source, name: string): string | undefined {
  const value = source[name]?.trim()
  return value ? value : undefined
}

/** A port number; 0 asks the system for a free one, and `off` turns an optional listener off. */
function port(source: Source, name: string, fallback: number, allowOff = false): number | false {
  const raw = read(source, name)
  if (raw === undefined) return fallback
  if (allowOff && /^(off|false)$/i.test(raw)) return false
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || value > 65535) {
    const off = allowOff ? ', or "off"' : ''
    throw new ConfigurationError(
      name,
      `must be a port number between 0 and 65535${off} (got "${raw}").`,
    )
  }
  return value
}

export function readLakeEnv(source: Source = process.env): LakeEnv {
  const httpPort = port(source, 'LAKE_PORT', LAKE_DEFAULTS.port) as number
  const httpsPort = port(source, 'LAKE_HTTPS_PORT', LAKE_DEFAULTS.httpsPort, true)
  const host = read(source, 'LAKE_HOST') ?? LAKE_DEFAULTS.host
  if (!/^[A-Za-z0-9.:_-]+$/.test(host)) {
    throw new ConfigurationError('LAKE_HOST', `must be a host name or IP address (got "${host}").`)
  }
  // The same default as the site's own settings: the site's port on localhost
  const rawSiteUrl =
    read(source, 'SITE_URL') ?? `http://localhost:${port(source, 'PORT', LAKE_DEFAULTS.sitePort)}`
  let siteOrigin: string
  try {
    const parsed = new URL(rawSiteUrl)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error()
    siteOrigin = parsed.origin
  } catch {
    throw new ConfigurationError(
      'SITE_URL',
      `must be an absolute http(s) address (got "${rawSiteUrl}").`,
    )
  }
  const corsOrigins = (read(source, 'LAKE_CORS_ORIGINS') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const origin = webOrigin(entry)
      // An origin is scheme, host and port: a path would suggest a misunderstanding
      if (origin === undefined || origin !== entry.replace(/\/$/, '').toLowerCase()) {
        throw new ConfigurationError(
          'LAKE_CORS_ORIGINS',
          `must list origins such as https://studio.example.org, separated by commas (got "${entry}").`,
        )
      }
      return origin
    })
  const url = read(source, 'LAKE_WEBHOOK_URL')
  let webhook: WebhookTarget | undefined
  if (url !== undefined) {
    try {
      const parsed = new URL(url)
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error()
    } catch {
      throw new ConfigurationError(
        'LAKE_WEBHOOK_URL',
        `must be an absolute http(s) address (got "${url}").`,
      )
    }
    webhook = {
      url,
      secret: read(source, 'LAKE_WEBHOOK_SECRET') ?? read(source, 'SANITY_WEBHOOK_SECRET'),
      filter: read(source, 'LAKE_WEBHOOK_FILTER') ?? LAKE_DEFAULTS.webhookFilter,
      projection: read(source, 'LAKE_WEBHOOK_PROJECTION'),
    }
  }
  const rules = read(source, 'LAKE_WORKFLOW_RULES') ?? 'on'
  if (!/^(on|off)$/i.test(rules)) {
    throw new ConfigurationError('LAKE_WORKFLOW_RULES', `must be "on" or "off" (got "${rules}").`)
  }
  return {
    port: httpPort,
    host,
    dataDir: read(source, 'LAKE_DATA_DIR') ?? LAKE_DEFAULTS.dataDir,
    seedFile: read(source, 'LAKE_SEED_FILE') ?? LAKE_DEFAULTS.seedFile,
    httpsPort,
    siteOrigin,
    corsOrigins,
    webhook,
    workflowRules: rules.toLowerCase() === 'on',
    signingKey: read(source, 'SIGNING_PRIVATE_KEY'),
  }
}
