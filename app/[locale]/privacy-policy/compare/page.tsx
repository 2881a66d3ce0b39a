import type {Metadata} from 'next'
import {hasLocale} from 'next-intl'
import {getTranslations, setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {IntegrityWarning} from '@/components/IntegrityWarning'
import {PageShell} from '@/components/PageShell'
import {ResponseStatus} from '@/components/ResponseStatus'
import {CompareProblem} from '@/components/redline/CompareProblem'
import {ComparisonView} from '@/components/redline/ComparisonView'
import {alternates, languageOptions} from '@/i18n/alternates'
import {getPathname} from '@/i18n/navigation'
import {routing, type Locale} from '@/i18n/routing'
import {compareVersions} from '@/lib/delivery/comparisons'
import {env} from '@/lib/env'
import {feedPath} from '@/lib/feed/addresses'
import {siteToday} from '@/lib/clock'
import {
  changeSummariesBetween,
  comparedLanguage,
  readComparisonRequest,
} from '@/lib/policy/comparisonRequest'
import {versionPeriods} from '@/lib/policy/periods'
import {
  fetchHistoryVerification,
  fetchPublishedVersions,
  fetchVersion,
  loadContent,
} from '@/sanity/lib/fetch'

type Props = PageProps<'/[locale]/privacy-policy/compare'>

function compareHref(from: number, to: number, lang?: Locale) {
  return {
    pathname: '/privacy-policy/compare' as const,
    query: {from: String(from), to: String(to), ...(lang ? {lang} : {})},
  }
}

export async function generateMetadata({params, searchParams}: Props): Promise<Metadata> {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const versions = await loadContent(fetchPublishedVersions)
  const request = readComparisonRequest(await searchParams, versions, siteToday())
  const t = await getTranslations({locale, namespace: 'Compare'})
  if (request.kind === 'unknown') return {title: t('notFoundTitle'), robots: {index: false}}
  if (request.kind !== 'pair') return {title: t('problemMetaTitle'), robots: {index: false}}
  return {
    title: t('metaTitle', {from: request.from, to: request.to}),
    description: t('metaDescription', {from: request.from, to: request.to}),
    alternates: {
      ...alternates(compareHref(request.from, request.to), locale),
      types: {'application/atom+xml': [{url: feedPath(locale), title: t('feedTitle')}]},
    },
  }
}

export default async function ComparePage({params, searchParams}: Props) {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  const query = await searchParams
  const versions = await loadContent(fetchPublishedVersions)
  const request = readComparisonRequest(query, versions, siteToday())

  const t = await getTranslations({locale, namespace: 'Compare'})
  const language = comparedLanguage(query, locale)
  const path = (href: Parameters<typeof getPathname>[0]['href']) => getPathname({href, locale})
  const picker = {
    action: path('/privacy-policy/compare'),
    versions,
    ...(language === locale ? {} : {lang: language}),
  }

  // Versions never published: a 404 that lists the versions that can be compared.
  const unknown = async () => (
    <PageShell languages={await languageOptions('/privacy-policy/compare', locale)}>
      <ResponseStatus code={404} />
      <CompareProblem
        title={t('notFoundTitle')}
        message={t('notFoundDescription')}
        picker={picker}
        historyHref={path('/privacy-policy/history')}
      />
    </PageShell>
  )
  if (request.kind === 'unknown') return unknown()

  if (request.kind === 'problem') {
    const {problem} = request
    return (
      <PageShell languages={await languageOptions('/privacy-policy/compare', locale)}>
        {/* Without versions named, the page explains; with badly named ones, the request is bad. */}
        {problem.reason !== 'notEnough' && <ResponseStatus code={400} />}
        <CompareProblem
          title={t('problemTitle')}
          message={
            problem.reason === 'invalid'
              ? t('problems.invalid', {value: problem.value})
              : problem.reason === 'same'
                ? t('problems.same', {number: problem.number})
                : t(`problems.${problem.reason}`)
          }
          picker={{
            ...picker,
            ...(request.from === undefined ? {} : {from: request.from}),
            ...(request.to === undefined ? {} : {to: request.to}),
          }}
          historyHref={path('/privacy-policy/history')}
        />
      </PageShell>
    )
  }

  const {from, to} = request
  const [before, after, history] = await loadContent(() =>
    Promise.all([fetchVersion(from), fetchVersion(to), fetchHistoryVerification()]),
  )
  if (!before || !after) return unknown()

  const periods = versionPeriods(versions, siteToday())
  const compared = (number: number) => ({
    number,
    period: periods.get(number) ?? {state: 'never' as const},
    href: path({pathname: '/privacy-policy/versions/[number]', params: {number: String(number)}}),
  })
  const other = routing.locales.find((candidate) => candidate !== language) ?? locale
  const summaries = changeSummariesBetween(versions, from, to, language)

  return (
    <PageShell languages={await languageOptions(compareHref(from, to), locale)}>
      <IntegrityWarning history={history} />
      <ComparisonView
        comparison={compareVersions(before, after, {siteHosts: env().siteHosts})}
        language={language}
        from={compared(from)}
        to={compared(to)}
        otherLanguage={{
          language: other,
          href: path(compareHref(from, to, other === locale ? undefined : other)),
        }}
        {...(from > to
          ? {inOrderHref: path(compareHref(to, from, language === locale ? undefined : language))}
          : {})}
        summaries={summaries}
        picker={{...picker, from, to}}
        historyHref={path('/privacy-policy/history')}
        feedHref={feedPath(locale)}
      />
    </PageShell>
  )
}
