import type {Metadata} from 'next'
import {hasLocale} from 'next-intl'
import {getTranslations, setRequestLocale} from 'next-intl/server'
import {notFound, redirect} from 'next/navigation'
import type {LanguageOption} from '@/components/LanguageSwitcher'
import {PageShell} from '@/components/PageShell'
import {PolicyDocument} from '@/components/PolicyDocument'
import {PreviewBanner} from '@/components/PreviewBanner'
import {routing, type Locale} from '@/i18n/routing'
import type {PolicyVersion} from '@/lib/policy/types'
import {fetchVersionPreview, isPreviewing} from '@/sanity/lib/preview'
import {PreviewConnection} from '@/sanity/presentation/PreviewConnection'
import {
  leavePreviewHref,
  policyPath,
  versionPath,
  versionPreviewPath,
} from '@/sanity/presentation/routes'

type Props = PageProps<'/[locale]/privacy-policy/preview/[id]'>

/** Document ids as Sanity allows them; anything else cannot name a version. */
const DOCUMENT_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

/**
 * A version not yet published (candidate, or approved by legal), for editors in preview only:
 * everyone else, and anyone outside draft mode, gets a 404.
 */
async function loadUnpublished(
  locale: string,
  id: string,
): Promise<{locale: Locale; version: PolicyVersion} | null> {
  if (!hasLocale(routing.locales, locale) || !DOCUMENT_ID.test(id)) return null
  if (!(await isPreviewing())) return null
  const version = await fetchVersionPreview(id)
  if (!version) return null
  // Once published, a version has its public page.
  if (version.status === 'published' && version.number !== undefined) {
    redirect(versionPath(locale, version.number))
  }
  return version.status === 'candidate' || version.status === 'approved' ? {locale, version} : null
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {locale, id} = await params
  const found = await loadUnpublished(locale, id)
  if (!found) return {}
  const t = await getTranslations({locale: found.locale, namespace: 'Preview'})
  return {
    title: t('metaTitle', {title: found.version.title[found.locale]}),
    robots: {index: false, follow: false},
  }
}

export default async function VersionPreviewPage({params}: Props) {
  const {locale, id} = await params
  if (hasLocale(routing.locales, locale)) setRequestLocale(locale)
  const found = await loadUnpublished(locale, id)
  if (!found) notFound()
  const {version} = found
  if (version.status === 'published') notFound()

  // The same candidate in the other language; it has no localized address, readers never see it.
  const languages: LanguageOption[] = await Promise.all(
    routing.locales
      .filter((other) => other !== found.locale)
      .map(async (other) => ({
        locale: other,
        href: versionPreviewPath(other, id),
        label: (await getTranslations({locale: other, namespace: 'LanguageSwitcher'}))(
          'languageName',
        ),
      })),
  )

  return (
    <PageShell languages={languages}>
      <PreviewBanner
        subject={{kind: 'version', status: version.status, effectiveDate: version.effectiveDate}}
        leaveHref={leavePreviewHref(policyPath(found.locale))}
      />
      <PolicyDocument version={version} language={found.locale} />
      <PreviewConnection />
    </PageShell>
  )
}
