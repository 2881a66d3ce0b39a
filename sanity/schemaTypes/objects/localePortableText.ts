import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'
import {defineBilingualType} from './bilingual'

/** Rich text in French and English, edited side by side. */
export const localePortableText = defineBilingualType({
  name: 'localePortableText',
  title: inStartLanguage('schema.locale-rich-text.title'),
  field: {type: 'policyBody'},
  missing: {
    fr: inEveryStudioLanguage('schema.locale-rich-text.fr.required'),
    en: inEveryStudioLanguage('schema.locale-rich-text.en.required'),
  },
})
