'use client'

import {aroundStudioMarkup, richText} from './i18n/richText'
import {useLocaleOutsideStudio} from './i18n/useLocaleOutsideStudio'
import {LanguageButtons} from './LanguageButtons'
import {LocalLoginForm} from './LocalLoginForm'
import styles from './localLake.module.css'

/**
 * The local login page's content, in the Studio's language: the person's choice as the Studio
 * keeps it, French until then, with the switch at hand (nobody has logged in to choose yet).
 */
export function LocalLoginCard({
  apiOrigin,
  apiVersion,
  projectId,
}: {
  apiOrigin: string
  apiVersion: string
  projectId: string
}) {
  const {locale, t, chooseLocale} = useLocaleOutsideStudio(projectId)
  const markup = aroundStudioMarkup(apiOrigin)

  return (
    <div className={styles.card}>
      <title>{t('login.document-title')}</title>
      <LanguageButtons current={locale} label={t('language.label')} onChoose={chooseLocale} />
      <h1>{t('login.heading')}</h1>
      <p>{t('login.intro')}</p>
      <ol>
        <li>{richText(t('login.step-find'), markup)}</li>
        <li>{t('login.step-paste')}</li>
      </ol>
      <LocalLoginForm apiOrigin={apiOrigin} apiVersion={apiVersion} t={t} />
      <p>{richText(t('login.first-time', {address: apiOrigin}), markup)}</p>
    </div>
  )
}
