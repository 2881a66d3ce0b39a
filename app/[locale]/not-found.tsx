import {getLocale} from 'next-intl/server'
import {NotFoundMessage} from '@/components/NotFoundMessage'
import {PageShell} from '@/components/PageShell'
import {languageOptions} from '@/i18n/alternates'
import type {Locale} from '@/i18n/routing'

// Rendered for notFound() anywhere under a language, in that language.
export default async function LocaleNotFound() {
  const locale = (await getLocale()) as Locale
  return (
    <PageShell languages={await languageOptions('/privacy-policy', locale)}>
      <NotFoundMessage />
    </PageShell>
  )
}
