import type {Metadata} from 'next'
import {connection} from 'next/server'
import type {ReactNode} from 'react'
import {metadata as studioMetadata} from 'next-sanity/studio'

export {viewport} from 'next-sanity/studio'

export const metadata: Metadata = {
  ...studioMetadata,
  title: 'Studio · Privacy policy',
}

// The Studio's own root layout: the public site's (app/[locale]/layout.tsx) is for readers.
export default async function StudioLayout({children}: {children: ReactNode}) {
  // Rendered per request: Next puts the nonce of the response's Content-Security-Policy (set in
  // proxy.ts) on the scripts it writes, and a page built ahead of time would have none.
  await connection()
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
