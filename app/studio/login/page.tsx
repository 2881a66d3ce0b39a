import {redirect} from 'next/navigation'
import {lakeApiOriginForPages} from '@/lib/env/studioPages'
import {studioTarget} from '@/lib/env'
import {LocalLoginCard} from '@/sanity/studio/LocalLoginCard'
import {STUDIO_PATH} from '@/sanity/studio/localLogin'
import styles from '@/sanity/studio/localLake.module.css'

/**
 * Where the Studio's login screen sends people when it edits the embedded lake. The card titles
 * the page: the person's language is only known in the browser.
 */
export default function StudioLoginPage() {
  const target = studioTarget()
  const lakeOrigin = lakeApiOriginForPages(target)
  // A real project logs in with Sanity's own accounts, on the Studio's own login screen.
  if (lakeOrigin === undefined) redirect(STUDIO_PATH)

  return (
    <main className={styles.page}>
      <LocalLoginCard
        apiOrigin={lakeOrigin}
        apiVersion={target.apiVersion}
        projectId={target.projectId}
      />
    </main>
  )
}
