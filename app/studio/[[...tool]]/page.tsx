import type {Metadata} from 'next'
import {NextStudio} from 'next-sanity/studio'
import {NextStudio as NextStudioWithoutBridge} from 'next-sanity/studio/client-component'
import config from '@/sanity.config'
import {lakeApiOriginForPages} from '@/lib/env/studioPages'
import {studioTarget} from '@/lib/env'
import {DEFAULT_STUDIO_LOCALE} from '@/sanity/studio/i18n/locales'
import {studioText} from '@/sanity/studio/i18n/text'
import {LocalLakeNotice} from '@/sanity/studio/LocalLakeNotice'

// Until the Studio starts and titles the page itself, in the person's language.
export const metadata: Metadata = {
  title: `Studio · ${studioText(DEFAULT_STUDIO_LOCALE, 'workspace.title')}`,
}

export default function StudioPage() {
  const target = studioTarget()
  const lakeOrigin = lakeApiOriginForPages(target)
  if (lakeOrigin === undefined) return <NextStudio config={config} />

  // Offline, the script that connects the Studio to Sanity's dashboard cannot load: leave it out.
  return (
    <>
      <NextStudioWithoutBridge config={config} />
      <LocalLakeNotice apiOrigin={lakeOrigin} projectId={target.projectId} />
    </>
  )
}
