import {hasLocale} from 'next-intl'
import {setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {NotFoundPage} from '@/components/NotFoundPage'
import {routing} from '@/i18n/routing'

// Any address under a language that matches no page: that language's 404, rendered on the server.
export default async function CatchAll({params}: PageProps<'/[locale]/[...rest]'>) {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  return <NotFoundPage locale={locale} />
}
