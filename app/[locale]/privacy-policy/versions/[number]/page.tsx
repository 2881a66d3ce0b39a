import type {Metadata} from 'next'
import {hasLocale} from 'next-intl'
import {getTranslations, setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {IntegrityWarning} from '@/components/IntegrityWarning'
import {NotFoundPage} from '@/components/NotFoundPage'
import {PageShell} from '@/components/PageShell'
import {PolicyDocument} from '@/components/PolicyDocument'
import {PreviewBanner} from '@/components/PreviewBanner'
import {UpcomingVersionsNotice} from '@/components/UpcomingVersionsNotice'
import {VersionBanner} from '@/components/VersionBanner'
import {alternates, languageOptions} from '@/i18n/alternates'
import {routing} from '@/i18n/routing'
import {env} from '@/lib/env'
import {collectOutboundLinks} from '@/lib/links'
import {siteToday} from '@/lib/clock'
import {versionPeriods} from '@/lib/policy/periods'
import {parseVersionNumber} from '@/lib/policy/versionNumber'
import {
  fetchHistoryVerification,
  fetchPublishedVersions,
  fetchVersion,
  loadContent,
} from '@/sanity/lib/fetch'
import {isPreviewing} from '@/sanity/lib/preview'
import {PreviewConnection} from '@/sanity/presentation/PreviewConnection'
import {leavePreviewHref, versionPath} from '@/sanity/presentation/routes'

type Props = PageProps<'/[locale]/privacy-policy/versions/[number]'>

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {locale, number: rawNumber} = await params
  const number = parseVersionNumber(rawNumber)
  if (!hasLocale(routing.locales, locale) || number === undefined) return {}
  const version = await loadContent(() => fetchVersion(number))
  if (!version) return {}
  const t = await getTranslations({locale, namespace: 'Version'})
  return {
    title: t('metaTitle', {number, title: version.title[locale]}),
    alternates: alternates(
      {pathname: '/privacy-policy/versions/[number]', params: {number: String(number)}},
      locale,
    ),
  }
}

export default async function VersionPage({params}: Props) {
  const {locale, number: rawNumber} = await params
  const number = parseVersionNumber(rawNumber)
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  if (number === undefined) return <NotFoundPage locale={locale} />

  const [version, versions, history] = await loadContent(() =>
    Promise.all([fetchVersion(number), fetchPublishedVersions(), fetchHistoryVerification()]),
  )
  if (!version) return <NotFoundPage locale={locale} />
  const today = siteToday()
  const period = versionPeriods(versions, today).get(number) ?? {state: 'never' as const}
  const outboundHosts = new Set(
    collectOutboundLinks(version, {siteHosts: env().siteHosts})
      .filter((link) => link.language === locale)
      .map((link) => link.host),
  )
  const t = await getTranslations({locale, namespace: 'Version'})
  // A published version is the same in preview (it can no longer change): the editor is only
  // reminded that preview is on, and the Studio's Presentation tool stays connected.
  const previewing = await isPreviewing()

  return (
    <PageShell
      languages={await languageOptions(
        {pathname: '/privacy-policy/versions/[number]', params: {number: String(number)}},
        locale,
      )}
    >
      {previewing && (
        <PreviewBanner
          subject={{kind: 'published'}}
          leaveHref={leavePreviewHref(versionPath(locale, number))}
        />
      )}
      <VersionBanner period={period} />
      <IntegrityWarning history={history} />
      {period.state === 'current' && (
        <UpcomingVersionsNotice published={versions} today={today} language={locale} />
      )}
      <PolicyDocument version={version} language={locale} period={period} />
      <p className="version-links-count">{t('outboundSites', {count: outboundHosts.size})}</p>
      {previewing && <PreviewConnection />}
    </PageShell>
  )
}
