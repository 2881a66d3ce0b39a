import type {Metadata} from 'next'
import type {ReactNode} from 'react'
import {metadata as studioMetadata} from 'next-sanity/studio'

export {viewport} from 'next-sanity/studio'

export const metadata: Metadata = {
  ...studioMetadata,
  title: 'Studio · Privacy policy',
}

// The Studio's own root layout: the public site's (app/[locale]/layout.tsx) is for readers.
export default function StudioLayout({children}: {children: ReactNode}) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
