import {routing} from '@/i18n/routing'
import {renderRobots} from '@/lib/crawlers/robots'
import {env} from '@/lib/env'
import {REVALIDATE_SECONDS} from '@/sanity/lib/fetch'
import {
  DISABLE_PREVIEW_PATH,
  ENABLE_PREVIEW_PATH,
  versionPreviewPath,
} from '@/sanity/presentation/routes'

// What crawlers may read: every page readers see; not the Studio, the editors' preview or the
// API's write endpoints. Kept by the site's server like the pages.
export function GET() {
  const body = renderRobots({
    disallow: [
      '/studio',
      ...routing.locales.map((locale) => versionPreviewPath(locale, '')),
      ENABLE_PREVIEW_PATH,
      DISABLE_PREVIEW_PATH,
      '/api/versions/approve',
      '/api/versions/publish',
      '/api/revalidate',
    ],
    sitemap: new URL('/sitemap.xml', env().siteUrl).href,
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': `public, max-age=${REVALIDATE_SECONDS}`,
    },
  })
}
