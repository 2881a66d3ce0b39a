import {getLocale} from 'next-intl/server'
import {NotFoundMessage} from '@/components/NotFoundMessage'
import {PageShell} from '@/components/PageShell'
import {languageOptions} from '@/i18n/alternates'

// Rendered for notFound() anywhere under a language, in that language; the switcher offers the
// policy in the other language, since the missing page has no counterpart.
export default async function LocaleNotFound() {
  const locale = await getLocale()
  return (
    <PageShell languages={await languageOptions('/privacy-policy', locale)}>
      <NotFoundMessage />
    </PageShell>
  )
}
