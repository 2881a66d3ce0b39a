import {hasLocale} from 'next-intl'
import {getFormatter, getTranslations} from 'next-intl/server'
import {dateFormats} from '@/components/formatDates'
import {getPathname} from '@/i18n/navigation'
import {versionAddresses} from '@/i18n/versionAddresses'
import {routing} from '@/i18n/routing'
import {siteNow} from '@/lib/clock'
import {env} from '@/lib/env'
import {feedPath} from '@/lib/feed/addresses'
import {renderAtomFeed} from '@/lib/feed/atom'
import {loadOrUnavailable, unavailableResponse} from '@/lib/feed/responses'
import {versionFeed} from '@/lib/feed/versionFeed'
import type {HistoryVerification} from '@/lib/policy/verification'
import {
  ContentUnavailableError,
  fetchCurrentVersion,
  fetchHistoryVerification,
  fetchPublishedVersions,
  REVALIDATE_SECONDS,
} from '@/sanity/lib/fetch'

// One feed per language, at /fr/feed.xml and /en/feed.xml; any other language is a 404. Built on
// request from the cached content, like the pages, so a new version appears in both at once.
/** What the integrity warning says of the whole history (components/IntegrityWarning.tsx). */
function historyWarnings(
  history: HistoryVerification,
  t: Awaited<ReturnType<typeof getTranslations<'Integrity'>>>,
  dates: ReturnType<typeof dateFormats>,
): string[] {
  if (history.verified) return []
  const {rollback, missing, anomalies} = history
  return [
    t('title'),
    ...(rollback
      ? [
          rollback.publishedAt
            ? t('rollback', {number: rollback.number, date: dates.moment(rollback.publishedAt)})
            : t('rollbackUndated', {number: rollback.number}),
        ]
      : []),
    ...(missing.length > 0
      ? [t('missing', {count: missing.length, numbers: missing.join(', ')})]
      : []),
    ...anomalies.map((anomaly) => t('anomaly', {id: anomaly.id})),
    ...history.versions
      .filter((version) => !version.verified)
      .map((version) => t('doesNotVerify', {number: version.number})),
  ]
}

export async function GET(_request: Request, {params}: RouteContext<'/[locale]/feed.xml'>) {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) return new Response('Not found', {status: 404})

  const content = await loadOrUnavailable(
    () =>
      Promise.all([fetchPublishedVersions(), fetchCurrentVersion(), fetchHistoryVerification()]),
    (error) => error instanceof ContentUnavailableError,
  )
  if (!content) return unavailableResponse()
  const [versions, current, history] = content

  const t = await getTranslations({locale, namespace: 'Feed'})
  const integrity = await getTranslations({locale, namespace: 'Integrity'})
  const dates = dateFormats(await getFormatter({locale}), locale)
  const {siteUrl} = env()
  const absolute = (path: string) => new URL(path, siteUrl).href
  const organisation = current?.organisationName ?? siteUrl.host

  const feed = versionFeed({
    language: locale,
    versions,
    feedUrl: absolute(feedPath(locale)),
    historyUrl: absolute(getPathname({href: '/privacy-policy/history', locale})),
    translations: routing.locales
      .filter((other) => other !== locale)
      .map((other) => ({language: other, url: absolute(feedPath(other))})),
    author: organisation,
    text: {
      title: t('title', {organisation}),
      // A history that does not verify says so at the head of the feed, whatever its entries.
      subtitle: [t('subtitle'), ...historyWarnings(history, integrity, dates)].join(' '),
      entryTitle: (version) =>
        t('entryTitle', {number: version.number, date: dates.calendar(version.effectiveDate)}),
      seeChanges: (previous) => t('seeChanges', {previous}),
      readVersion: (number) => t('readVersion', {number}),
      doesNotVerify: t('doesNotVerify'),
    },
    unverified: new Set(
      history.versions.filter((version) => !version.verified).map((version) => version.number),
    ),
    addresses: (number, previous) => versionAddresses(number, previous, locale),
    now: siteNow(),
  })

  return new Response(renderAtomFeed(feed), {
    headers: {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': `public, max-age=${REVALIDATE_SECONDS}`,
    },
  })
}
