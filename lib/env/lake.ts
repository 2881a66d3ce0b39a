import {
  ConfigurationError,
  DEFAULT_DATASET,
  EMBEDDED_PROJECT_ID,
  lakeHost,
  list,
  LAKE_DEFAULTS,
  port,
  read,
  signingPrivateKey,
  siteUrl,
  type Source,
  webAddress,
  webOrigin,
} from './read'

/** Everything the embedded lake reads from its environment. */
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
  /**
   * `npm start` begins with an empty data folder (`LAKE_FRESH=1`, for tests): only one named by
   * `LAKE_DATA_DIR`, so that the default folder, a person's own, is never emptied.
   */
  fresh: boolean
  /**
   * Reverse proxies whose `X-Forwarded-For` names the client (`LAKE_TRUSTED_PROXIES`, addresses);
   * from anyone else the header is ignored.
   */
  trustedProxies: string[]
  /** The site's own read token (`LAKE_SITE_TOKEN`); made and kept in the data folder when unset. */
  siteToken?: string
  /** The previews' read-only token (`LAKE_PREVIEW_TOKEN`); made and kept when unset. */
  previewToken?: string
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

/** The lake's project and datasets: the names the site and the Studio use for it. */
export const LAKE_PROJECT_ID = EMBEDDED_PROJECT_ID
export const LAKE_DATASETS = [DEFAULT_DATASET] as const

export function readLakeEnv(source: Source = process.env): LakeEnv {
  // The lake says where it listens, so it may let the system pick its ports
  const httpPort = port(source, 'LAKE_PORT', LAKE_DEFAULTS.port, {anyFreePort: true}) as number
  const httpsPort = port(source, 'LAKE_HTTPS_PORT', LAKE_DEFAULTS.httpsPort, {
    anyFreePort: true,
    allowOff: true,
  })
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
    webAddress('LAKE_WEBHOOK_URL', url)
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
    host: lakeHost(source),
    dataDir: read(source, 'LAKE_DATA_DIR') ?? LAKE_DEFAULTS.dataDir,
    seedFile: read(source, 'LAKE_SEED_FILE') ?? LAKE_DEFAULTS.seedFile,
    httpsPort,
    siteOrigin: siteUrl(source).origin,
    corsOrigins,
    webhook,
    workflowRules: rules.toLowerCase() === 'on',
    signingKey: signingPrivateKey(source),
    fresh: read(source, 'LAKE_FRESH') === '1' && read(source, 'LAKE_DATA_DIR') !== undefined,
    trustedProxies: list(
      source,
      'LAKE_TRUSTED_PROXIES',
      /^[0-9a-fA-F.:]{2,45}$/,
      'IP addresses of reverse proxies (such as 127.0.0.1)',
    ),
    siteToken: read(source, 'LAKE_SITE_TOKEN'),
    previewToken: read(source, 'LAKE_PREVIEW_TOKEN'),
  }
}
