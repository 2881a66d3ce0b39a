/**
 * Where the change notifications are served. They are files, not pages: the site's proxy leaves
 * them (and `/api`) alone, so they are never redirected to another language.
 */

/** The JSON list of published versions, the same for every language. */
export const VERSIONS_JSON_PATH = '/api/versions'

/** The Atom feed of new versions in one language: `/fr/feed.xml`, `/en/feed.xml`. */
export function feedPath(locale: string): string {
  return `/${locale}/feed.xml`
}
