import type {Metadata} from 'next'
import {hasLocale} from 'next-intl'
import {getFormatter, getTranslations, setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {IntegrityWarning} from '@/components/IntegrityWarning'
import {PageShell} from '@/components/PageShell'
import {PolicyDocument} from '@/components/PolicyDocument'
import {dateFormats} from '@/components/formatDates'
import {alternates, languageOptions} from '@/i18n/alternates'
import {routing} from '@/i18n/routing'
import {checkIntegrity} from '@/lib/policy/integrity'
import {fetchCurrentVersion, loadContent} from '@/sanity/lib/fetch'

export async function generateMetadata({params}: PageProps<'/[locale]/privacy-policy'>): Promise<Metadata> {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) return {}
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

  const version = await loadContent(fetchCurrentVersion)
  if (!version) notFound()

  return (
    <PageShell languages={await languageOptions('/privacy-policy', locale)}>
      <IntegrityWarning status={await checkIntegrity(version)} />
      <PolicyDocument version={version} language={locale} />
    </PageShell>
  )
}
