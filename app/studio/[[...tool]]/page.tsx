import {NextStudio} from 'next-sanity/studio'
import {NextStudio as NextStudioWithoutBridge} from 'next-sanity/studio/client-component'
import config from '@/sanity.config'
import {studioApiOrigin, studioTarget} from '@/sanity/studio/env'
import {LocalLakeNotice} from '@/sanity/studio/LocalLakeNotice'

export default function StudioPage() {
  const lakeOrigin = studioApiOrigin(studioTarget)
  if (lakeOrigin === undefined) return <NextStudio config={config} />

  // Offline, the script that connects the Studio to Sanity's dashboard cannot load: leave it out.
  return (
    <>
      <NextStudioWithoutBridge config={config} />
      <LocalLakeNotice apiOrigin={lakeOrigin} projectId={studioTarget.projectId} />
    </>
  )
}
