'use client'

import {useEffect, useState} from 'react'
import {canReachLake} from './lakeProbe'
import styles from './localLake.module.css'

/**
 * Shown over the Studio only when the browser cannot reach the embedded lake, which the first
 * time almost always means that its certificate is not trusted yet. Says what to do in plain words.
 */
export function LocalLakeNotice({apiOrigin}: {apiOrigin: string}) {
  const [reachable, setReachable] = useState<boolean>()
  const [checking, setChecking] = useState(false)
  const [hidden, setHidden] = useState(false)

  useEffect(() => {
    let cancelled = false
    void canReachLake(apiOrigin).then((answer) => {
      if (!cancelled) setReachable(answer)
    })
    return () => {
      cancelled = true
    }
  }, [apiOrigin])

  // The Studio gave up when it could not connect: once the server answers, start it afresh.
  async function checkAgain() {
    setChecking(true)
    if (await canReachLake(apiOrigin)) window.location.reload()
    else setChecking(false)
  }

  if (reachable !== false || hidden) return null

  return (
    <section className={styles.notice} role="alert" aria-labelledby="local-lake-notice-title">
      <h2 id="local-lake-notice-title">First, trust the local content server</h2>
      <p>
        The Studio edits the policy kept on this computer by a local content server. That server
        uses a certificate made on this computer, which your browser does not trust yet, so the
        Studio cannot reach it. Once per browser:
      </p>
      <ol>
        <li>
          Open{' '}
          <a href={`${apiOrigin}/`} target="_blank" rel="noreferrer">
            {apiOrigin}
          </a>{' '}
          in a new tab.
        </li>
        <li>
          The browser warns that the connection is not private: choose <em>Advanced</em>, then{' '}
          <em>Proceed</em> (Chrome, Edge) or <em>Accept the Risk and Continue</em> (Firefox).
        </li>
        <li>Come back to this tab and press “Check again”: the Studio reloads.</li>
      </ol>
      <p>
        Still stuck? Make sure <code>npm start</code> is still running in its terminal.
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.button}
          disabled={checking}
          onClick={() => void checkAgain()}
        >
          {checking ? 'Checking…' : 'Check again'}
        </button>
        <button type="button" className={styles.secondary} onClick={() => setHidden(true)}>
          Hide
        </button>
      </div>
    </section>
  )
}
