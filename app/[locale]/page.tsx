import {hasLocale} from 'next-intl'
import {notFound} from 'next/navigation'
import {redirect} from '@/i18n/navigation'
import {routing} from '@/i18n/routing'

// The site is the policy: a language's home is its policy page.
export default async function LocaleHome({params}: PageProps<'/[locale]'>) {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  redirect({href: '/privacy-policy', locale})
}
