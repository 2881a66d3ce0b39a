import {NextIntlClientProvider} from 'next-intl'
import {getLocale, setRequestLocale} from 'next-intl/server'
import {NotFoundMessage} from '@/components/NotFoundMessage'

// Addresses outside any language (rare: the proxy adds one) get the default language's 404.
export default async function GlobalNotFound() {
  const locale = await getLocale()
  setRequestLocale(locale)
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <main id="main" className="site-main">
            <NotFoundMessage />
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  )
}
