import {versionAddresses} from '@/i18n/versionAddresses'
import {env} from '@/lib/env'
import {feedPath} from '@/lib/feed/addresses'
import {loadOrUnavailable, unavailableResponse} from '@/lib/feed/responses'
import {versionList} from '@/lib/feed/versions'
import {siteToday} from '@/lib/clock'
import {versionPeriods} from '@/lib/policy/periods'
import {
  ContentUnavailableError,
  fetchHistoryVerification,
  fetchPublishedVersions,
  REVALIDATE_SECONDS,
} from '@/sanity/lib/fetch'

// Every published version, newest first, as JSON: for programs that watch the policy, with each
// version's fingerprint and what the site's check of the history found.
export async function GET() {
  const content = await loadOrUnavailable(
    () => Promise.all([fetchPublishedVersions(), fetchHistoryVerification()]),
    (error) => error instanceof ContentUnavailableError,
  )
  if (!content) return unavailableResponse()
  const [versions, verification] = content
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
    verification,
    json: (number) => absolute(`/api/versions/${number}`),
    signingKeys: absolute('/.well-known/policy-signing-keys.json'),
  })
  return Response.json(list, {
    headers: {
      'access-control-allow-origin': '*',
      'cache-control': `public, max-age=${REVALIDATE_SECONDS}`,
    },
  })
}
