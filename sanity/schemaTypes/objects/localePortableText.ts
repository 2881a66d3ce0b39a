import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'

/**
 * Rich text in French and English, one above the other. Side by side (`columns: 2`, as for the
 * titles) each editor would be under 400 px wide in Sanity's form (about 590 px at most, whatever
 * the window), and below that width Sanity's rich-text toolbar moves every button (bold, italic,
 * lists, the link) into its overflow menu. Full width, the whole toolbar is in sight.
 */
export const localePortableText = defineType({
  name: 'localePortableText',
  title: inStartLanguage('schema.locale-rich-text.title'),
  type: 'object',
  fields: [
    defineField({
      name: 'fr',
      title: inStartLanguage('schema.language.fr'),
      type: 'policyBody',
      validation: (rule) =>
        rule.required().min(1).error(inEveryStudioLanguage('schema.locale-rich-text.fr.required')),
    }),
    defineField({
      name: 'en',
      title: inStartLanguage('schema.language.en'),
      type: 'policyBody',
      validation: (rule) =>
        rule.required().min(1).error(inEveryStudioLanguage('schema.locale-rich-text.en.required')),
    }),
  ],
})
