import {defineField, defineType} from 'sanity'

/** A short text (a title) in French and English, edited side by side. */
export const localeString = defineType({
  name: 'localeString',
  title: 'Text in both languages',
  type: 'object',
  options: {columns: 2},
  fields: [
    defineField({
      name: 'fr',
      title: 'Français',
      type: 'string',
      validation: (rule) => rule.required().error('Write the French text: the French version is required.'),
    }),
    defineField({
      name: 'en',
      title: 'English',
      type: 'string',
      validation: (rule) => rule.required().error('Write the English text: the English version is required.'),
    }),
  ],
})
