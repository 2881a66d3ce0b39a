import type {Metadata} from 'next'
import {hasLocale} from 'next-intl'
import {getTranslations, setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {IntegrityWarning} from '@/components/IntegrityWarning'
import {PageShell} from '@/components/PageShell'
import {VersionHistory} from '@/components/VersionHistory'
import {alternates, languageOptions} from '@/i18n/alternates'
import {feedPath} from '@/lib/feed/addresses'
import {previousVersions} from '@/lib/feed/versions'
import {routing} from '@/i18n/routing'
import {siteToday} from '@/lib/clock'
import {versionPeriods} from '@/lib/policy/periods'
import {verificationOf} from '@/lib/policy/verification'
import {fetchHistoryVerification, fetchPublishedVersions, loadContent} from '@/sanity/lib/fetch'

export async function generateMetadata({
  params,
}: PageProps<'/[locale]/privacy-policy/history'>): Promise<Metadata> {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const t = await getTranslations({locale, namespace: 'History'})
  const tc = await getTranslations({locale, namespace: 'Compare'})
  return {
    title: t('metaTitle'),
    description: t('metaDescription'),
    alternates: {
      ...alternates('/privacy-policy/history', locale),
      types: {'application/atom+xml': [{url: feedPath(locale), title: tc('feedTitle')}]},
    },
  }
}

export default async function HistoryPage({params}: PageProps<'/[locale]/privacy-policy/history'>) {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  const t = await getTranslations({locale, namespace: 'History'})

  const [versions, history] = await loadContent(() =>
    Promise.all([fetchPublishedVersions(), fetchHistoryVerification()]),
  )
  const periods = versionPeriods(versions, siteToday())
  const previous = previousVersions(versions)
  const entries = versions.map((version) => ({
    ...version,
    period: periods.get(version.number)!,
    previous: previous.get(version.number),
    verification: verificationOf(history, version.number),
  }))

  return (
    <PageShell languages={await languageOptions('/privacy-policy/history', locale)}>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <IntegrityWarning history={history} />
      <VersionHistory entries={entries} language={locale} />
    </PageShell>
  )
}
