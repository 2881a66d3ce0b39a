import {getLocale} from 'next-intl/server'
import {NotFoundPage} from '@/components/NotFoundPage'
import {routing} from '@/i18n/routing'
import {hasLocale} from 'next-intl'

// notFound() thrown under a language (pages render NotFoundPage themselves where they can, so
// that it is rendered on the server; see components/ResponseStatus.tsx).
export default async function LocaleNotFound() {
  const locale = await getLocale()
  return (
    <NotFoundPage locale={hasLocale(routing.locales, locale) ? locale : routing.defaultLocale} />
  )
}
