'use client'

import {useEffect, useState} from 'react'
import {aroundStudioMarkup, richText} from './i18n/richText'
import {useLocaleOutsideStudio} from './i18n/useLocaleOutsideStudio'
import {LanguageButtons} from './LanguageButtons'
import {canReachLake} from './lakeProbe'
import styles from './localLake.module.css'

/**
 * Shown over the Studio only when the browser cannot reach the embedded lake, which the first
 * time almost always means that its certificate is not trusted yet. Says what to do in plain words,
 * in the Studio's language (the Studio itself has not started, so this page translates itself).
 */
export function LocalLakeNotice({apiOrigin, projectId}: {apiOrigin: string; projectId: string}) {
  const {locale, t, chooseLocale} = useLocaleOutsideStudio(projectId)
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

  const markup = aroundStudioMarkup(apiOrigin)

  return (
    <section className={styles.notice} role="alert" aria-labelledby="local-lake-notice-title">
      <LanguageButtons current={locale} label={t('language.label')} onChoose={chooseLocale} />
      <h2 id="local-lake-notice-title">{t('local-lake.notice.title')}</h2>
      <p>{t('local-lake.notice.why')}</p>
      <ol>
        <li>{richText(t('local-lake.notice.step-open', {address: apiOrigin}), markup)}</li>
        <li>{richText(t('local-lake.notice.step-accept'), markup)}</li>
        <li>{t('local-lake.notice.step-return')}</li>
      </ol>
      <p>{richText(t('local-lake.notice.still-stuck'), markup)}</p>
      <div className={styles.actions}>
        <button
          type="button"
          className={styles.button}
          disabled={checking}
          onClick={() => void checkAgain()}
        >
          {checking ? t('local-lake.notice.checking') : t('local-lake.notice.check-again')}
        </button>
        <button type="button" className={styles.secondary} onClick={() => setHidden(true)}>
          {t('local-lake.notice.hide')}
        </button>
      </div>
    </section>
  )
}
