import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'
import {defineBilingualType} from './bilingual'

/** A short text (a title) in French and English, edited side by side. */
export const localeString = defineBilingualType({
  name: 'localeString',
  title: inStartLanguage('schema.locale-string.title'),
  field: {type: 'string'},
  missing: {
    fr: inEveryStudioLanguage('schema.locale-string.fr.required'),
    en: inEveryStudioLanguage('schema.locale-string.en.required'),
  },
})
