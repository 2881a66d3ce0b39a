import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'

/** Rich text in French and English, edited side by side. */
export const localePortableText = defineType({
  name: 'localePortableText',
  title: inStartLanguage('schema.locale-rich-text.title'),
  type: 'object',
  options: {columns: 2},
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
