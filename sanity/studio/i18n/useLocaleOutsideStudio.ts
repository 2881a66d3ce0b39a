'use client'

import {useCallback, useEffect, useSyncExternalStore} from 'react'
import {
  DEFAULT_STUDIO_LOCALE,
  htmlLang,
  storedStudioLocale,
  storeStudioLocale,
  type StudioLocale,
} from './locales'
import {studioText, type StudioTextKey, type TextValues} from './text'

/** Tells this tab's components that the choice changed (`storage` events reach other tabs only). */
const LOCALE_CHANGED = 'studio-locale-changed'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange)
  window.addEventListener(LOCALE_CHANGED, onChange)
  return () => {
    window.removeEventListener('storage', onChange)
    window.removeEventListener(LOCALE_CHANGED, onChange)
  }
}

export interface LocaleOutsideStudio {
  locale: StudioLocale
  t: (key: StudioTextKey, values?: TextValues) => string
  chooseLocale: (locale: StudioLocale) => void
}

/**
 * The Studio's language on the pages around it (login, certificate notice), which Sanity's
 * translator does not reach: the person's choice as the Studio keeps it, read and written under
 * the same key, so that choosing on either side holds on both.
 */
export function useLocaleOutsideStudio(projectId: string): LocaleOutsideStudio {
  const locale = useSyncExternalStore(
    subscribe,
    () => storedStudioLocale(projectId),
    () => DEFAULT_STUDIO_LOCALE,
  )

  useEffect(() => {
    document.documentElement.lang = htmlLang(locale)
  }, [locale])

  const t = useCallback(
    (key: StudioTextKey, values?: TextValues) => studioText(locale, key, values),
    [locale],
  )
  const chooseLocale = useCallback(
    (chosen: StudioLocale) => {
      storeStudioLocale(projectId, chosen)
      window.dispatchEvent(new Event(LOCALE_CHANGED))
    },
    [projectId],
  )
  return {locale, t, chooseLocale}
}
