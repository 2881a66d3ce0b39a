import type {Metadata} from 'next'
import {hasLocale} from 'next-intl'
import {getFormatter, getTranslations, setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {PageShell} from '@/components/PageShell'
import {PolicyDocument} from '@/components/PolicyDocument'
import {alternates, languageOptions} from '@/i18n/alternates'
import {routing} from '@/i18n/routing'
import {calendarDate} from '@/lib/policy/dates'
import {fetchCurrentVersion} from '@/sanity/lib/fetch'

export const revalidate = 60

export function generateStaticParams() {
  return routing.locales.map((locale) => ({locale}))
}

export async function generateMetadata({params}: PageProps<'/[locale]/privacy-policy'>): Promise<Metadata> {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) return {}
  const version = await fetchCurrentVersion()
  if (!version) return {}
  const t = await getTranslations({locale, namespace: 'Policy'})
  const format = await getFormatter({locale})
  return {
    title: `${version.title[locale]} · ${version.organisationName}`,
    description: t('metaDescription', {
      organisation: version.organisationName,
      number: version.number ?? 0,
      date: version.effectiveDate
        ? format.dateTime(calendarDate(version.effectiveDate), {dateStyle: 'long', timeZone: 'UTC'})
        : '',
    }),
    alternates: alternates('/privacy-policy', locale),
  }
}

export default async function PolicyPage({params}: PageProps<'/[locale]/privacy-policy'>) {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)

  const version = await fetchCurrentVersion()
  if (!version) notFound()

  return (
    <PageShell languages={await languageOptions('/privacy-policy', locale)}>
      <PolicyDocument version={version} language={locale} />
    </PageShell>
  )
}
