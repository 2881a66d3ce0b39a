import type {Metadata} from 'next'
import {redirect} from 'next/navigation'
import {studioApiOrigin, studioTarget} from '@/sanity/studio/env'
import {DEFAULT_STUDIO_LOCALE} from '@/sanity/studio/i18n/locales'
import {studioText} from '@/sanity/studio/i18n/text'
import {LocalLoginCard} from '@/sanity/studio/LocalLoginCard'
import {STUDIO_PATH} from '@/sanity/studio/localLogin'
import styles from '@/sanity/studio/localLake.module.css'

// The person's language is only known in the browser; the card retitles the page once there.
export const metadata: Metadata = {title: studioText(DEFAULT_STUDIO_LOCALE, 'login.document-title')}

/** Where the Studio's login screen sends people when it edits the embedded lake. */
export default function StudioLoginPage() {
  const lakeOrigin = studioApiOrigin(studioTarget)
  // A real project logs in with Sanity's own accounts, on the Studio's own login screen.
  if (lakeOrigin === undefined) redirect(STUDIO_PATH)

  return (
    <main className={styles.page}>
      <LocalLoginCard
        apiOrigin={lakeOrigin}
        apiVersion={studioTarget.apiVersion}
        projectId={studioTarget.projectId}
      />
    </main>
  )
}
