import type {ReactNode} from 'react'
import type {FieldProps} from 'sanity'
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

/** A schema field's English title (for places without translation) and its translated drawing. */
export function versioningLabel(titleKey: string, descriptionKey?: string) {
  return {
    title: VERSIONING_RESOURCES['en-US'][titleKey] ?? titleKey,
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
