/**
 * The site's robots.txt (RFC 9309): everything readers see is open to crawlers; the Studio, the
 * editors' preview and the API's write endpoints are not; and where the sitemap is.
 */

export interface RobotsRules {
  /** Path prefixes crawlers keep out of. */
  disallow: readonly string[]
  /** The sitemap's absolute address. */
  sitemap: string
}

export function renderRobots({disallow, sitemap}: RobotsRules): string {
  return [
    'User-agent: *',
    ...disallow.map((path) => `Disallow: ${path}`),
    'Allow: /',
    '',
    `Sitemap: ${sitemap}`,
    '',
  ].join('\n')
}
