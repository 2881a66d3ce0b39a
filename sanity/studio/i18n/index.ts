import {frFRLocale} from '@sanity/locale-fr-fr'
import {
  defineLocaleResourceBundle,
  type I18nTextRecord,
  type LocaleResourceBundle,
  type LocalesOption,
} from 'sanity'
import {studioTarget} from '../../../lib/env'
import {DEFAULT_STUDIO_LOCALE, STUDIO_LOCALES, storedStudioLocale} from './locales'
import {studioResources, studioText, type StudioTextKey, type TextValues} from './text'

/**
 * The Studio in French and English through Sanity's i18n API. Components read their words with
 * `useTranslation(STUDIO_NAMESPACE)`; the desk structure with `i18nTitle`; validation with
 * `inEveryStudioLanguage` (text.ts). Other parts of the Studio keep their words in an `i18n/`
 * folder of their own with their own namespace (README, "The Studio's languages").
 */
export const STUDIO_NAMESPACE = 'policy-studio'

export const studioBundles: LocaleResourceBundle[] = STUDIO_LOCALES.map((locale) =>
  defineLocaleResourceBundle({
    locale,
    namespace: STUDIO_NAMESPACE,
    resources: studioResources[locale],
  }),
)

/** Sanity's own interface in French (its maintained locale), with Québec's week, from Sunday. */
export const frenchLocale = frFRLocale({
  title: 'Français',
  weekInfo: {firstDay: 7, weekend: [6, 7]},
})

/**
 * The Studio's languages, each named in its own language. Sanity starts in the last one when a
 * person has not chosen: French.
 */
export const studioLocales: LocalesOption = (prev) => {
  const byId = new Map(prev.map((locale) => [locale.id, locale]))
  return [...STUDIO_LOCALES]
    .sort((a, b) => Number(a === DEFAULT_STUDIO_LOCALE) - Number(b === DEFAULT_STUDIO_LOCALE))
    .flatMap((id) => {
      const locale = byId.get(id)
      return locale ? [{...locale, title: studioResources[id][`language.${id}`]}] : []
    })
}

/**
 * The language the Studio started in. Sanity offers no way to translate schema titles and
 * descriptions, tool titles or the Presentation tool's location notes as the language changes:
 * those are written once, in this language, and changing language reloads the Studio.
 */
export const studioStartLocale = storedStudioLocale(studioTarget().projectId)

export function inStartLanguage(key: StudioTextKey, values?: TextValues): string {
  return studioText(studioStartLocale, key, values)
}

/** A desk title Sanity translates itself as the language changes (structure builder `i18n`). */
export function i18nTitle(key: StudioTextKey): I18nTextRecord<'title'> {
  return {title: {key, ns: STUDIO_NAMESPACE}}
}

interface TitledBuilder<B> {
  title(title: string): B
  i18n(i18n: I18nTextRecord<'title'>): B
}

/**
 * A desk title in the Studio's language: Sanity translates it itself (the structure builder's
 * `i18n`), and falls back on the plain title.
 */
export function titled<B extends TitledBuilder<B>>(builder: B, key: StudioTextKey): B {
  return builder.title(inStartLanguage(key)).i18n(i18nTitle(key))
}
