import type {Metadata} from 'next'
import {hasLocale, NextIntlClientProvider} from 'next-intl'
import {getMessages, setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {connection} from 'next/server'
import {routing} from '@/i18n/routing'
import {env} from '@/lib/env'
import '../globals.css'

export const metadata: Metadata = {
  metadataBase: env().siteUrl,
}

export default async function LocaleLayout({children, params}: LayoutProps<'/[locale]'>) {
  const {locale} = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  // Each response has its own CSP nonce, so pages are rendered per request; their content comes
  // from the tagged data cache (sanity/lib/fetch.ts), not from the content API each time.
  await connection()
  // Only the error boundary translates in the browser; everything else is rendered on the server.
  const {Error: errorMessages} = await getMessages()

  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={{Error: errorMessages}}>{children}</NextIntlClientProvider>
      </body>
    </html>
  )
}
