import {defineField, defineType} from 'sanity'
import {LANGUAGES, type Language} from '../../../lib/policy/types'
import {inStartLanguage} from '../../studio/i18n'
import type {StudioLocale} from '../../studio/i18n/locales'

const LANGUAGE_TITLES: Record<Language, string> = {
  fr: inStartLanguage('schema.language.fr'),
  en: inStartLanguage('schema.language.en'),
}

/** What the string, text and rich-text fields' validation rules have in common. */
interface RequiredRule<R> {
  required(): R
  min(count: number): R
  error(message: Record<StudioLocale, string>): R
}

export interface BilingualTypeOptions {
  name: string
  title: string
  description?: string
  /** What each language holds, and how it is edited. */
  field: {type: 'string'} | {type: 'text'; rows: number} | {type: 'policyBody'}
  /** The two languages side by side (the default), or one above the other. */
  sideBySide?: boolean
  /** What an editor is told, in every Studio language, when a language is missing. */
  missing: Record<Language, Record<StudioLocale, string>>
}

/**
 * A value in French and English, both required: the shape of every bilingual field of the schema
 * (`localeString`, `localeText`, `localePortableText`), which the site, the diff engine and the
 * version record read as `{fr, en}` (lib/policy/types.ts).
 */
export function defineBilingualType({
  name,
  title,
  description,
  field,
  sideBySide = true,
  missing,
}: BilingualTypeOptions) {
  return defineType({
    name,
    title,
    description,
    type: 'object',
    ...(sideBySide ? {options: {columns: 2}} : {}),
    fields: LANGUAGES.map((language) =>
      defineField({
        name: language,
        title: LANGUAGE_TITLES[language],
        ...field,
        // Rich text is a list of blocks: an empty one is as missing as none at all
        validation: <R extends RequiredRule<R>>(rule: R): R =>
          (field.type === 'policyBody' ? rule.required().min(1) : rule.required()).error(
            missing[language],
          ),
      }),
    ),
  })
}
