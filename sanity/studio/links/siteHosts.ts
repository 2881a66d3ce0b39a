/**
 * The site's own hosts, as the Studio knows them: the Studio is embedded in the site (at
 * /studio), so the address it is opened at is the site's. Links to that host are the site's own;
 * links to any other host are flagged to readers as leaving the site.
 */
export function studioSiteHosts(): string[] {
  return typeof window === 'undefined' ? [] : [window.location.host]
}
