import type {Metadata} from 'next'
import {connection} from 'next/server'
import type {ReactNode} from 'react'
import {metadata as studioMetadata} from 'next-sanity/studio'
import {DEFAULT_STUDIO_LOCALE, htmlLang} from '@/sanity/studio/i18n/locales'

export {viewport} from 'next-sanity/studio'

// Each page titles itself: the Studio, and the login page in the person's language.
export const metadata: Metadata = studioMetadata

// The Studio's own root layout: the public site's (app/[locale]/layout.tsx) is for readers.
export default async function StudioLayout({children}: {children: ReactNode}) {
  // Rendered per request: Next puts the nonce of the response's Content-Security-Policy (set in
  // proxy.ts) on the scripts it writes, and a page built ahead of time would have none.
  await connection()
  return (
    // The person's own choice is only known in the browser: the Studio and the pages around it
    // set it there (PolicyNavbar, useLocaleOutsideStudio).
    <html lang={htmlLang(DEFAULT_STUDIO_LOCALE)}>
      <body>{children}</body>
    </html>
  )
}
