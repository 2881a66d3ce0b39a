import {DEFAULT_REVIEWER_ROLE, type ReviewerRule} from '../policy/reviewers'

import {
  ConfigurationError,
  DEFAULT_API_VERSION,
  DEFAULT_DATASET,
  DEFAULT_SITE_PORT,
  EMBEDDED_PROJECT_ID,
  fixedPort,
  lakeHost,
  LAKE_DEFAULTS,
  list,
  matching,
  read,
  signingPrivateKey,
  siteUrl,
  type Source,
} from './read'

/** The site's settings: its address, its content source, and how it signs. */

export interface SanityTarget {
  /** True when no real project is configured and the embedded lake serves the content. */
  embeddedLake: boolean
  projectId: string
  dataset: string
  apiVersion: string
  /** Where the API is reached; undefined means Sanity's own hosts. */
  apiHost?: string
  readToken?: string
  /**
   * The site's own token on the embedded lake (LAKE_SITE_TOKEN): it sees only what any reader
   * sees, and the lake serves the site's reads with capacity no other client can take.
   */
  siteToken?: string
}

/** Who may approve, and how the site signs (docs/decisions/0007-signed-versions.md). */
export interface SignoffSettings {
  /** The site's Ed25519 private key, PEM or base64 DER (SIGNING_PRIVATE_KEY); checked at start. */
  signingPrivateKey?: string
  /** Public keys trusted besides the site's own and the seed's (SIGNING_PUBLIC_KEYS), after a rotation. */
  trustedPublicKeys: string[]
  /** The token approvals and publications are written with (SANITY_API_WRITE_TOKEN). */
  writeToken?: string
  /** The legal reviewers: a project role (SANITY_REVIEWER_ROLE) and/or users (SANITY_REVIEWERS). */
  reviewers: ReviewerRule
}

export interface Env {
  /** The port the site listens on (PORT). */
  sitePort: number
  /** The public address of the site, used for canonical and alternate links. */
  siteUrl: URL
  /** Hosts whose links count as internal to the policy's site. */
  siteHosts: string[]
  sanity: SanityTarget
  lakePort: number
  lakeHttpsPort: number
  lakeHost: string
  webhookSecret?: string
  /** Tests only: a file that sets the site's clock (TEST_CLOCK_FILE; see lib/clock.ts). */
  testClockFile?: string
  signoff: SignoffSettings
  /**
   * The site's own folder (SITE_DATA_DIR), outside the content source: the checkpoint of the
   * newest history it verified (lib/policy/checkpoint.ts).
   */
  siteDataDir: string
}

/** Where the site keeps what it must not entrust to the content source. */
export const DEFAULT_SITE_DATA_DIR = '.data/site'

export function parseEnv(source: Source): Env {
  const sitePort = fixedPort(source, 'PORT', DEFAULT_SITE_PORT)
  const address = siteUrl(source)

  const projectId = matching(
    source,
    'SANITY_PROJECT_ID',
    /^[a-z0-9-]{1,64}$/,
    'a Sanity project id: lowercase letters, digits and "-"',
  )
  const dataset =
    matching(
      source,
      'SANITY_DATASET',
      /^[a-z0-9][a-z0-9_-]{0,63}$/,
      'a dataset name: lowercase letters, digits, "_" and "-", at most 64 characters',
    ) ?? DEFAULT_DATASET
  const apiVersion =
    matching(
      source,
      'SANITY_API_VERSION',
      /^(\d{4}-\d{2}-\d{2}|1|X)$/,
      'a date such as 2025-02-19',
    ) ?? DEFAULT_API_VERSION
  const readToken = read(source, 'SANITY_API_READ_TOKEN')

  // The site and the Studio connect to the lake: a port the lake picks, or none, would not do
  const host = lakeHost(source)
  const lakePort = fixedPort(source, 'LAKE_PORT', LAKE_DEFAULTS.port)
  const lakeHttpsPort = fixedPort(source, 'LAKE_HTTPS_PORT', LAKE_DEFAULTS.httpsPort)

  const embeddedLake = projectId === undefined || projectId === EMBEDDED_PROJECT_ID
  if (!embeddedLake && source.SANITY_DATASET === undefined) {
    throw new ConfigurationError(
      'SANITY_DATASET',
      'must be set when SANITY_PROJECT_ID names a real project.',
    )
  }

  // Moving the clock changes which version readers are told is in force: a production server
  // accepts it only when a test says so in a second variable, never from one stray setting.
  const testClockFile = read(source, 'TEST_CLOCK_FILE')
  if (
    testClockFile !== undefined &&
    source.NODE_ENV === 'production' &&
    read(source, 'ALLOW_TEST_CLOCK') !== '1'
  ) {
    throw new ConfigurationError(
      'TEST_CLOCK_FILE',
      'moves the site’s clock and is for tests only: a production server refuses it unless ALLOW_TEST_CLOCK=1 is set too.',
    )
  }
  const trustedPublicKeys = list(
    source,
    'SIGNING_PUBLIC_KEYS',
    /^[A-Za-z0-9+/=]{40,}$/,
    'base64 DER public keys',
  )
  const reviewerRole = matching(
    source,
    'SANITY_REVIEWER_ROLE',
    /^[A-Za-z0-9_-]{1,64}$/,
    'a Sanity role name: letters, digits, "_" and "-"',
  )
  const reviewerUsers = list(
    source,
    'SANITY_REVIEWERS',
    /^[^\s,@]+(@[^\s,@]+\.[^\s,@]+)?$/,
    'Sanity user ids or e-mail addresses',
  )
  const reviewers: ReviewerRule =
    reviewerRole || reviewerUsers.length > 0 || !embeddedLake
      ? {role: reviewerRole, users: reviewerUsers}
      : {role: DEFAULT_REVIEWER_ROLE, users: []}

  return {
    sitePort,
    siteUrl: address,
    siteHosts: [address.host],
    sanity: {
      embeddedLake,
      projectId: projectId ?? EMBEDDED_PROJECT_ID,
      dataset,
      apiVersion,
      apiHost: embeddedLake ? `http://${host}:${lakePort}` : undefined,
      readToken,
      siteToken: embeddedLake ? read(source, 'LAKE_SITE_TOKEN') : undefined,
    },
    lakeHost: host,
    lakePort,
    lakeHttpsPort,
    webhookSecret: read(source, 'SANITY_WEBHOOK_SECRET'),
    testClockFile,
    siteDataDir: read(source, 'SITE_DATA_DIR') ?? DEFAULT_SITE_DATA_DIR,
    signoff: {
      signingPrivateKey: signingPrivateKey(source),
      trustedPublicKeys,
      writeToken: read(source, 'SANITY_API_WRITE_TOKEN'),
      reviewers,
    },
  }
}

/**
 * What a real Sanity project must be given before the site starts: without these it would serve
 * stale pages (no webhook secret), fail previews (no read token) or be unable to sign. The
 * embedded lake needs none: `npm start` hands the site its own.
 */
export function checkRealProjectSettings(config: Env): void {
  if (config.sanity.embeddedLake) return
  const required: [string, unknown, string][] = [
    ['SANITY_WEBHOOK_SECRET', config.webhookSecret, 'the secret of the revalidation webhook'],
    ['SANITY_API_READ_TOKEN', config.sanity.readToken, 'a Viewer token, for previews'],
    [
      'SANITY_API_WRITE_TOKEN',
      config.signoff.writeToken,
      'an Editor token, with which the site writes approvals and publications',
    ],
    ['SIGNING_PRIVATE_KEY', config.signoff.signingPrivateKey, 'the key the site signs with'],
  ]
  for (const [variable, value, what] of required) {
    if (!value) {
      throw new ConfigurationError(variable, `must be set with a real Sanity project: ${what}.`)
    }
  }
  const {role, users} = config.signoff.reviewers
  if (!role && users.length === 0) {
    throw new ConfigurationError(
      'SANITY_REVIEWERS',
      'must list the legal reviewers (user ids or e-mail addresses), or SANITY_REVIEWER_ROLE name their role (custom roles need an Enterprise plan).',
    )
  }
}

let cached: Env | undefined

/** The process's configuration, parsed and checked once. */
export function env(): Env {
  if (!cached) {
    const parsed = parseEnv(process.env)
    checkRealProjectSettings(parsed)
    cached = parsed
  }
  return cached
}
