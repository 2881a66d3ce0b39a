/**
 * The Studio's languages and where the person's choice is kept. Plain TypeScript (no Sanity
 * import), so that pages around the Studio and `npm start` can read it too.
 */

/** The Studio's languages, French first: the organisation works in French. */
export const STUDIO_LOCALES = ['fr-FR', 'en-US'] as const
export type StudioLocale = (typeof STUDIO_LOCALES)[number]

/** What the Studio speaks until a person chooses otherwise. */
export const DEFAULT_STUDIO_LOCALE: StudioLocale = 'fr-FR'

/** The Studio's workspace name (sanity.config.ts), part of where Sanity keeps the choice. */
export const STUDIO_WORKSPACE_NAME = 'default'

export function isStudioLocale(value: unknown): value is StudioLocale {
  return STUDIO_LOCALES.some((locale) => locale === value)
}

/**
 * The browser storage key under which Sanity keeps a person's Studio language
 * (`sanity-locale:<project>:<workspace>`, set by the Studio's `changeLocale`). Pages around the
 * Studio (login, certificate notice) read and write the same key, so one choice holds everywhere.
 */
export function studioLocaleStorageKey(projectId: string): string {
  return ['sanity-locale', projectId, STUDIO_WORKSPACE_NAME].join(':')
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage
  } catch {
    // Storage refused (privacy settings): the default language, and no choice kept.
    return undefined
  }
}

/** The language this browser's person chose for the Studio, or the default. */
export function storedStudioLocale(projectId: string): StudioLocale {
  const stored = browserStorage()?.getItem(studioLocaleStorageKey(projectId))
  return isStudioLocale(stored) ? stored : DEFAULT_STUDIO_LOCALE
}

/** Keeps a choice made outside the Studio, where Sanity's own `changeLocale` is not at hand. */
export function storeStudioLocale(projectId: string, locale: StudioLocale): void {
  browserStorage()?.setItem(studioLocaleStorageKey(projectId), locale)
}

/** The language tag for `<html lang>` and screen readers: French as written in Québec. */
export function htmlLang(locale: StudioLocale): string {
  return locale === 'fr-FR' ? 'fr-CA' : 'en'
}
