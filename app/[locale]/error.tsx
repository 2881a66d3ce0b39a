'use client'

import {useTranslations} from 'next-intl'

// A failure while rendering a page: a message in the reader's language, never a stack trace.
export default function LocaleError({
  reset,
}: {
  error: Error & {digest?: string}
  reset: () => void
}) {
  const t = useTranslations('Error')
  return (
    <main id="main" className="site-main message-page">
      <h1>{t('title')}</h1>
      <p>{t('description')}</p>
      <button type="button" onClick={reset}>
        {t('retry')}
      </button>
    </main>
  )
}
