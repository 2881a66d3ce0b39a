'use client'

import {useErrorText} from '@/components/ErrorText'

// A failure while rendering a page: a message in the reader's language, never a stack trace.
export default function LocaleError({
  reset,
}: {
  error: Error & {digest?: string}
  reset: () => void
}) {
  const text = useErrorText()
  return (
    <main id="main" className="site-main message-page">
      <h1>{text.title}</h1>
      <p>{text.description}</p>
      <button type="button" onClick={reset}>
        {text.retry}
      </button>
    </main>
  )
}
