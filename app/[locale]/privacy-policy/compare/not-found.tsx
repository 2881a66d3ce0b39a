import {getLocale, getTranslations} from 'next-intl/server'
import {PageShell} from '@/components/PageShell'
import {CompareProblem} from '@/components/redline/CompareProblem'
import {languageOptions} from '@/i18n/alternates'
import {getPathname} from '@/i18n/navigation'
import {fetchPublishedVersions, loadContent} from '@/sanity/lib/fetch'

// A version asked for that was never published: a 404, with the versions that can be compared.
export default async function CompareNotFound() {
  const locale = await getLocale()
  const t = await getTranslations({locale, namespace: 'Compare'})
  const versions = await loadContent(fetchPublishedVersions)
  return (
    <PageShell languages={await languageOptions('/privacy-policy/compare', locale)}>
      <title>{t('notFoundTitle')}</title>
      <CompareProblem
        title={t('notFoundTitle')}
        message={t('notFoundDescription')}
        picker={{action: getPathname({href: '/privacy-policy/compare', locale}), versions}}
        historyHref={getPathname({href: '/privacy-policy/history', locale})}
      />
    </PageShell>
  )
}
