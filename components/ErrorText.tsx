'use client'

import {createContext, use, type ReactNode} from 'react'

export interface ErrorText {
  title: string
  description: string
  retry: string
}

const ErrorTextContext = createContext<ErrorText | null>(null)

/**
 * The words of the error boundary, translated on the server: the one client component that shows
 * text gets these three strings rather than next-intl's runtime and a message catalogue.
 */
export function ErrorTextProvider({text, children}: {text: ErrorText; children: ReactNode}) {
  return <ErrorTextContext value={text}>{children}</ErrorTextContext>
}

export function useErrorText(): ErrorText {
  const text = use(ErrorTextContext)
  if (!text) throw new Error('useErrorText() needs an ErrorTextProvider above it')
  return text
}
