/**
 * The headers every response carries. Pure functions: the proxy decides per request, these say
 * what the policy is. The public site loads nothing from another origin; the Studio talks to the
 * content API and needs inline styles (its UI library injects them).
 */

export interface CspOptions {
  nonce: string
  /** Where the Studio's browser code reaches the content API, e.g. https://localhost:3334. */
  contentApiOrigins: string[]
  /** Over HTTPS, ask browsers to upgrade any stray http: subresource. */
  secure: boolean
  /**
   * Next's development server (`npm run dev`): React's development build rebuilds call stacks
   * with eval(), and says so in the console when the policy forbids it. A production build never
   * calls it, and its policy never allows it (docs/decisions/0027-eval-in-development.md).
   */
  development?: boolean
}

/** What development adds to a nonce policy's scripts. */
function developmentScripts(options: {development?: boolean}): string[] {
  return options.development ? ["'unsafe-eval'"] : []
}

function serialise(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ')
}

/** Inline code allowed by its hash: a page kept and given to everyone (see inlineCode.ts). */
export interface HashedCode {
  scriptHashes: string[]
  styleHashes: string[]
  secure: boolean
}

/**
 * Public pages: nothing from elsewhere, and inline code only with this response's nonce (a page
 * rendered for one reader) or by its hash (a page kept for everyone). With hashes there is no
 * 'strict-dynamic': the framework's script files and the chunks they load come from 'self'.
 */
export function publicContentSecurityPolicy(options: CspOptions | HashedCode): string {
  const inline =
    'nonce' in options
      ? {
          scripts: [`'nonce-${options.nonce}'`, "'strict-dynamic'", ...developmentScripts(options)],
          styles: [`'nonce-${options.nonce}'`],
        }
      : {scripts: options.scriptHashes, styles: options.styleHashes}
  return serialise({
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inline.scripts],
    'style-src': ["'self'", ...inline.styles],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    // The Studio (same origin) may show pages in its preview; nobody else may frame them.
    'frame-ancestors': ["'self'"],
    ...(options.secure ? {'upgrade-insecure-requests': []} : {}),
  })
}

/** The Studio: same script rule, plus the content API, its live connections, and inline styles. */
export function studioContentSecurityPolicy({
  nonce,
  contentApiOrigins,
  secure,
  development,
}: CspOptions): string {
  const websockets = contentApiOrigins.map((origin) => origin.replace(/^http/, 'ws'))
  return serialise({
    'default-src': ["'self'"],
    'script-src': [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...developmentScripts({development}),
    ],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...contentApiOrigins],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...contentApiOrigins, ...websockets],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(secure ? {'upgrade-insecure-requests': []} : {}),
  })
}

/** Headers that do not depend on the request. */
export function staticSecurityHeaders(secure: boolean): Record<string, string> {
  return {
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'SAMEORIGIN',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy':
      'accelerometer=(), browsing-topics=(), camera=(), geolocation=(), gyroscope=(), interest-cohort=(), magnetometer=(), microphone=(), payment=(), usb=()',
    ...(secure ? {'Strict-Transport-Security': 'max-age=31536000; includeSubDomains'} : {}),
  }
}

/** Origins the Studio's browser code talks to: the embedded lake's HTTPS host, or Sanity's. */
export function contentApiOrigins(studioApiHost: string | undefined, projectId: string): string[] {
  if (studioApiHost) {
    const url = new URL(studioApiHost)
    // The Studio prefixes the project id to the host (local.localhost).
    return [url.origin, `${url.protocol}//*.${url.host}`]
  }
  return [
    `https://${projectId}.api.sanity.io`,
    `https://${projectId}.apicdn.sanity.io`,
    'https://*.api.sanity.io',
    'https://cdn.sanity.io',
  ]
}
