import {languageAlternates, sitemapPageHref} from '@/i18n/alternates'
import {routing} from '@/i18n/routing'
import {siteToday} from '@/lib/clock'
import {renderSitemap, sitemapPages, type SitemapUrl} from '@/lib/crawlers/sitemap'
import {env} from '@/lib/env'
import {loadOrUnavailable, unavailableResponse} from '@/lib/feed/responses'
import {
  ContentUnavailableError,
  fetchHistoryVerification,
  fetchPublishedVersions,
  REVALIDATE_SECONDS,
} from '@/sanity/lib/fetch'

// The sitemap, in both languages: built on request from the cached content, like the pages and
// the feeds, and kept by the site's server until they expire (a publish, the next effective date).
export async function GET() {
  const content = await loadOrUnavailable(
    () => Promise.all([fetchPublishedVersions(), fetchHistoryVerification()]),
    (error) => error instanceof ContentUnavailableError,
  )
  if (!content) return unavailableResponse()
  const [versions, history] = content
  const verified = new Set(
    history.versions.filter((version) => version.verified).map((version) => version.number),
  )
  const absolute = (path: string) => new URL(path, env().siteUrl).href

  const urls: SitemapUrl[] = sitemapPages(versions, verified, siteToday()).flatMap(
    ({page, lastmod}) => {
      const paths = languageAlternates(sitemapPageHref(page))
      const alternates = Object.entries(paths).map(([hreflang, path]) => ({
        hreflang,
        href: absolute(path),
      }))
      return routing.locales.map((locale) => ({loc: absolute(paths[locale]), lastmod, alternates}))
    },
  )

  return new Response(renderSitemap(urls), {
    headers: {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': `public, max-age=${REVALIDATE_SECONDS}`,
    },
  })
}
