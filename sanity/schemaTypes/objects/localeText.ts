import {defineField, defineType} from 'sanity'

/** A plain multi-line text (a change summary) in French and English, side by side. */
export const localeText = defineType({
  name: 'localeText',
  title: 'Paragraph in both languages',
  type: 'object',
  options: {columns: 2},
  fields: [
    defineField({
      name: 'fr',
      title: 'Français',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.required().error('Write the French text: the French version is required.'),
    }),
    defineField({
      name: 'en',
      title: 'English',
      type: 'text',
      rows: 4,
      validation: (rule) => rule.required().error('Write the English text: the English version is required.'),
    }),
  ],
})
