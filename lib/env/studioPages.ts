import {siteUrl} from './read'
import {LAKE_PUBLIC_PATH, lakeOnSiteOrigin, studioApiOrigin, type StudioTarget} from './studio'

/**
 * Where the Studio's own pages (its login, its notice when the lake cannot be reached) find the
 * embedded lake, as the site is served: through `/lake` on its origin over HTTPS, else on the
 * lake's own TLS port; undefined for a real project.
 */
export function lakeApiOriginForPages(target: StudioTarget): string | undefined {
  if (!target.apiHost) return undefined
  return lakeOnSiteOrigin(siteUrl(process.env)) ? LAKE_PUBLIC_PATH : studioApiOrigin(target)
}
