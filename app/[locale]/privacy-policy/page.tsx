import type {Metadata} from 'next'
import {hasLocale} from 'next-intl'
import {getFormatter, getTranslations, setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {IntegrityWarning} from '@/components/IntegrityWarning'
import {PageShell} from '@/components/PageShell'
import {PolicyDocument} from '@/components/PolicyDocument'
import {PreviewBanner} from '@/components/PreviewBanner'
import {UpcomingVersionsNotice} from '@/components/UpcomingVersionsNotice'
import {dateFormats} from '@/components/formatDates'
import {alternates, languageOptions} from '@/i18n/alternates'
import {routing, type Locale} from '@/i18n/routing'
import {siteToday} from '@/lib/clock'
import {versionPeriods} from '@/lib/policy/periods'
import {
  fetchCurrentVersion,
  fetchHistoryVerification,
  fetchPublishedVersions,
  loadContent,
} from '@/sanity/lib/fetch'
import {fetchWorkingPolicyPreview, isPreviewing} from '@/sanity/lib/preview'
import {PreviewConnection} from '@/sanity/presentation/PreviewConnection'
import {leavePreviewHref, policyPath} from '@/sanity/presentation/routes'

export async function generateMetadata({
  params,
}: PageProps<'/[locale]/privacy-policy'>): Promise<Metadata> {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) return {}
  if (await isPreviewing()) return previewMetadata(locale)
  const version = await loadContent(fetchCurrentVersion)
  if (!version) return {}
  const t = await getTranslations({locale, namespace: 'Policy'})
  const dates = dateFormats(await getFormatter({locale}), locale)
  return {
    title: `${version.title[locale]} · ${version.organisationName}`,
    description: t('metaDescription', {
      organisation: version.organisationName,
      number: version.number ?? 0,
      date: version.effectiveDate ? dates.calendar(version.effectiveDate) : '',
    }),
    alternates: alternates('/privacy-policy', locale),
  }
}

export default async function PolicyPage({params}: PageProps<'/[locale]/privacy-policy'>) {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  if (await isPreviewing()) return <PolicyPreview locale={locale} />

  const [version, published, history] = await loadContent(() =>
    Promise.all([fetchCurrentVersion(), fetchPublishedVersions(), fetchHistoryVerification()]),
  )
  if (!version) notFound()
  const period =
    version.number === undefined
      ? undefined
      : versionPeriods(published, siteToday()).get(version.number)

  return (
    <PageShell languages={await languageOptions('/privacy-policy', locale)}>
      <IntegrityWarning history={history} />
      <UpcomingVersionsNotice published={published} today={siteToday()} language={locale} />
      <PolicyDocument version={version} language={locale} period={period} />
    </PageShell>
  )
}

async function previewMetadata(locale: Locale): Promise<Metadata> {
  const preview = await fetchWorkingPolicyPreview()
  const t = await getTranslations({locale, namespace: 'Preview'})
  return {
    title: t('metaTitle', {title: preview?.version.title[locale] ?? ''}),
    robots: {index: false, follow: false},
  }
}

/**
 * Draft mode (an editor's preview): the policy as the next version would freeze it from the
 * working documents and their drafts, read uncached with the server's token.
 */
async function PolicyPreview({locale}: {locale: Locale}) {
  const preview = await fetchWorkingPolicyPreview()
  if (!preview) notFound()
  return (
    <PageShell languages={await languageOptions('/privacy-policy', locale)}>
      <PreviewBanner
        subject={{
          kind: 'working',
          perspective: preview.perspective,
          missingSections: preview.missingSections.length,
        }}
        leaveHref={leavePreviewHref(policyPath(locale))}
      />
      <PolicyDocument version={preview.version} language={locale} />
      <PreviewConnection />
    </PageShell>
  )
}
