import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'

/** A plain multi-line text (a change summary) in French and English, side by side. */
export const localeText = defineType({
  name: 'localeText',
  title: inStartLanguage('schema.locale-text.title'),
  type: 'object',
  options: {columns: 2},
  fields: [
    defineField({
      name: 'fr',
      title: inStartLanguage('schema.language.fr'),
      type: 'text',
      rows: 4,
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.locale-string.fr.required')),
    }),
    defineField({
      name: 'en',
      title: inStartLanguage('schema.language.en'),
      type: 'text',
      rows: 4,
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.locale-string.en.required')),
    }),
  ],
})
