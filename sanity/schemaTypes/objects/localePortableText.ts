import {defineField, defineType} from 'sanity'

/** Rich text in French and English, edited side by side. */
export const localePortableText = defineType({
  name: 'localePortableText',
  title: 'Rich text in both languages',
  type: 'object',
  options: {columns: 2},
  fields: [
    defineField({
      name: 'fr',
      title: 'Français',
      type: 'policyBody',
      validation: (rule) => rule.required().min(1).error('The French text cannot be empty.'),
    }),
    defineField({
      name: 'en',
      title: 'English',
      type: 'policyBody',
      validation: (rule) => rule.required().min(1).error('The English text cannot be empty.'),
    }),
  ],
})
