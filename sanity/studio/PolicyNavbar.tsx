import {useEffect, type CSSProperties} from 'react'
import {useLocale, useTranslation, type NavbarProps} from 'sanity'
import {STUDIO_NAMESPACE} from './i18n'
import {DEFAULT_STUDIO_LOCALE, htmlLang, isStudioLocale, type StudioLocale} from './i18n/locales'
import {LanguageButtons} from './LanguageButtons'
import {studioUsesEmbeddedLake} from '../../lib/env'
import {LocalLakeStatus} from './LocalLakeStatus'

const strip: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.75em',
  alignItems: 'center',
  padding: '0.35rem 0.75rem',
  borderBottom: '1px solid var(--card-border-color)',
  background: 'var(--card-bg2-color, var(--card-bg-color))',
  color: 'var(--card-muted-fg-color)',
  font: '0.8125rem/1.4 system-ui, sans-serif',
}

/**
 * A strip above the Studio's own navbar: the Studio's language switch, and against the embedded
 * lake, who is signed in to the local content server.
 */
export function PolicyNavbar(props: NavbarProps) {
  const {t} = useTranslation(STUDIO_NAMESPACE)
  const {currentLocale, changeLocale} = useLocale()
  const current = isStudioLocale(currentLocale.id) ? currentLocale.id : DEFAULT_STUDIO_LOCALE

  useEffect(() => {
    document.documentElement.lang = htmlLang(current)
  }, [current])

  async function choose(locale: StudioLocale) {
    // Sanity keeps the choice for this browser; the reload redraws what Sanity cannot translate
    // on the fly (schema titles, written in the language the Studio starts in).
    await changeLocale(locale)
    window.location.reload()
  }

  return (
    <>
      <div style={strip} data-testid="studio-strip">
        {studioUsesEmbeddedLake() && <LocalLakeStatus />}
        <span style={{marginLeft: 'auto'}}>
          <LanguageButtons
            current={current}
            label={t('language.label')}
            onChoose={(locale) => void choose(locale)}
          />
        </span>
      </div>
      {props.renderDefault(props)}
    </>
  )
}
