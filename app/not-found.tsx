import {NextIntlClientProvider} from 'next-intl'
import {setRequestLocale} from 'next-intl/server'
import {NotFoundMessage} from '@/components/NotFoundMessage'
import {routing} from '@/i18n/routing'

// Addresses outside any language (rare: the proxy adds one) get the default language's 404.
// It reads no request header, so it does not make every page dynamic.
export default function GlobalNotFound() {
  const locale = routing.defaultLocale
  setRequestLocale(locale)
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale}>
          <main id="main" className="site-main">
            <NotFoundMessage />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
