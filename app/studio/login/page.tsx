import type {Metadata} from 'next'
import {redirect} from 'next/navigation'
import {studioApiOrigin, studioTarget} from '@/sanity/studio/env'
import {LocalLoginForm} from '@/sanity/studio/LocalLoginForm'
import {STUDIO_PATH} from '@/sanity/studio/localLogin'
import styles from '@/sanity/studio/localLake.module.css'

export const metadata: Metadata = {title: 'Log in · Studio · Privacy policy'}

/** Where the Studio's login screen sends people when it edits the embedded lake. */
export default function StudioLoginPage() {
  const lakeOrigin = studioApiOrigin(studioTarget)
  // A real project logs in with Sanity's own accounts, on the Studio's own login screen.
  if (lakeOrigin === undefined) redirect(STUDIO_PATH)

  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <h1>Log in to the Studio</h1>
        <p>
          This Studio edits the policy kept on this computer by a local content server. There are no
          passwords: the editor and the legal reviewer each have an access token, made by the server
          the first time it started.
        </p>
        <ol>
          <li>
            Find your token. It is printed in the terminal where <code>npm start</code> runs, and
            kept in <code>users.json</code> in the server’s data folder (<code>.data/lake</code>{' '}
            unless <code>LAKE_DATA_DIR</code> says otherwise).
          </li>
          <li>Paste it below. This browser remembers it until you log out of the Studio.</li>
        </ol>
        <LocalLoginForm apiOrigin={lakeOrigin} apiVersion={studioTarget.apiVersion} />
        <p>
          First time in this browser? It must trust the server’s certificate, made on this computer:
          open{' '}
          <a href={`${lakeOrigin}/`} target="_blank" rel="noreferrer">
            {lakeOrigin}
          </a>{' '}
          and accept the warning (<em>Advanced</em>, then <em>Proceed</em>).
        </p>
      </div>
    </main>
  )
}
