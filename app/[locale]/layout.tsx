import type {Metadata} from 'next'
import {hasLocale} from 'next-intl'
import {getTranslations, setRequestLocale} from 'next-intl/server'
import {notFound} from 'next/navigation'
import {connection} from 'next/server'
import {ErrorTextProvider} from '@/components/ErrorText'
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
  // Rendered under the request's nonce, which marks the inline scripts Next writes; the site's
  // server keeps public pages whole and allows those scripts by their hashes (scripts/serve.ts). Content
  // comes from the tagged data cache (sanity/lib/fetch.ts), not from the content API each time.
  await connection()
  // Everything is translated on the server; the browser gets the error boundary's three strings.
  const t = await getTranslations({locale, namespace: 'Error'})

  return (
    <html lang={locale}>
      <body>
        <ErrorTextProvider
          text={{title: t('title'), description: t('description'), retry: t('retry')}}
        >
          {children}
        </ErrorTextProvider>
      </body>
    </html>
  )
}
