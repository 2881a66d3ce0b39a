import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'
import {defineBilingualType} from './bilingual'

/**
 * Rich text in French and English, one above the other. Side by side (`columns: 2`, as for the
 * titles) each editor would be under 400 px wide in Sanity's form (about 590 px at most, whatever
 * the window), and below that width Sanity's rich-text toolbar moves every button (bold, italic,
 * lists, the link) into its overflow menu. Full width, the whole toolbar is in sight.
 */
export const localePortableText = defineBilingualType({
  name: 'localePortableText',
  title: inStartLanguage('schema.locale-rich-text.title'),
  field: {type: 'policyBody'},
  sideBySide: false,
  missing: {
    fr: inEveryStudioLanguage('schema.locale-rich-text.fr.required'),
    en: inEveryStudioLanguage('schema.locale-rich-text.en.required'),
  },
})
