import {versionAddresses} from '@/i18n/versionAddresses'
import {env} from '@/lib/env'
import {feedPath} from '@/lib/feed/addresses'
import {loadOrUnavailable, unavailableResponse} from '@/lib/feed/responses'
import {versionList} from '@/lib/feed/versions'
import {siteToday} from '@/lib/clock'
import {versionPeriods} from '@/lib/policy/periods'
import {
  ContentUnavailableError,
  fetchPublishedVersions,
  REVALIDATE_SECONDS,
} from '@/sanity/lib/fetch'

// Every published version, newest first, as JSON: for programs that watch the policy.
export async function GET() {
  const versions = await loadOrUnavailable(
    fetchPublishedVersions,
    (error) => error instanceof ContentUnavailableError,
  )
  if (!versions) return unavailableResponse()
  const {siteUrl} = env()
  const absolute = (path: string) => new URL(path, siteUrl).href
  const list = versionList({
    versions,
    periods: versionPeriods(versions, siteToday()),
    addresses: versionAddresses,
    feeds: {
      fr: absolute(feedPath('fr')),
      en: absolute(feedPath('en')),
    },
  })
  return Response.json(list, {
    headers: {
      'access-control-allow-origin': '*',
      'cache-control': `public, max-age=${REVALIDATE_SECONDS}`,
    },
  })
}
