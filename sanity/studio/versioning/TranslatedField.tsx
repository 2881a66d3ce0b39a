import type {ReactNode} from 'react'
import type {FieldProps} from 'sanity'
import {studioStartLocale} from '../i18n'
import {VERSIONING_RESOURCES} from './i18n'
import {useVersioningT} from './useVersioning'

/**
 * A field of the version schema whose title and description come from the workflow's
 * translations: schema titles are plain strings, so the field is drawn with translated ones.
 */
export function translatedField(
  titleKey: string,
  descriptionKey?: string,
): (props: FieldProps) => ReactNode {
  function TranslatedField(props: FieldProps) {
    const t = useVersioningT()
    return props.renderDefault({
      ...props,
      title: t(titleKey),
      description: descriptionKey ? t(descriptionKey) : props.description,
    })
  }
  TranslatedField.displayName = `TranslatedField(${titleKey})`
  return TranslatedField
}

/**
 * A word of the workflow in the language the Studio started in, for schema titles and
 * descriptions, which Sanity does not translate as the language changes (changing it reloads the
 * Studio: sanity/studio/i18n/index.ts).
 */
export function inStartLanguage(key: string): string {
  return VERSIONING_RESOURCES[studioStartLocale][key] ?? key
}

/** A schema field's title and description in the Studio's language, wherever Sanity shows it. */
export function versioningLabel(titleKey: string, descriptionKey?: string) {
  return {
    title: inStartLanguage(titleKey),
    ...(descriptionKey ? {description: inStartLanguage(descriptionKey)} : {}),
    components: {field: translatedField(titleKey, descriptionKey)},
  }
}

/** A validation message in each of the Studio's languages. */
export function localizedMessage(key: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(VERSIONING_RESOURCES).map(([locale, resources]) => [
      locale,
      resources[key] ?? key,
    ]),
  )
}
