import {htmlLang, STUDIO_LOCALES, type StudioLocale} from './i18n/locales'
import {studioResources} from './i18n/text'
import styles from './localLake.module.css'

/**
 * The Studio's language switch: each language named in its own words, the current one pressed.
 * Sanity 5 hides its own switch (it waits for translatable schemas), so the Studio shows this one.
 */
export function LanguageButtons({
  current,
  label,
  onChoose,
}: {
  current: StudioLocale
  label: string
  onChoose: (locale: StudioLocale) => void
}) {
  return (
    <div role="group" aria-label={label} className={styles.languages}>
      {STUDIO_LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={htmlLang(locale)}
          aria-pressed={locale === current}
          className={styles.language}
          onClick={() => {
            if (locale !== current) onChoose(locale)
          }}
        >
          {studioResources[locale][`language.${locale}`]}
        </button>
      ))}
    </div>
  )
}
