import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'
import {defineBilingualType} from './bilingual'

/** A plain multi-line text (a change summary) in French and English, side by side. */
export const localeText = defineBilingualType({
  name: 'localeText',
  title: inStartLanguage('schema.locale-text.title'),
  field: {type: 'text', rows: 4},
  missing: {
    fr: inEveryStudioLanguage('schema.locale-string.fr.required'),
    en: inEveryStudioLanguage('schema.locale-string.en.required'),
  },
})
