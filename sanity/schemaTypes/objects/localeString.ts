import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'

/** A short text (a title) in French and English, edited side by side. */
export const localeString = defineType({
  name: 'localeString',
  title: inStartLanguage('schema.locale-string.title'),
  type: 'object',
  options: {columns: 2},
  fields: [
    defineField({
      name: 'fr',
      title: inStartLanguage('schema.language.fr'),
      type: 'string',
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.locale-string.fr.required')),
    }),
    defineField({
      name: 'en',
      title: inStartLanguage('schema.language.en'),
      type: 'string',
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.locale-string.en.required')),
    }),
  ],
})
