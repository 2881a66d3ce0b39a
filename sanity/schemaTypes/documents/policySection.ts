import {DocumentTextIcon} from '@sanity/icons'
import {defineField, defineType} from 'sanity'

/**
 * One section of the policy, with French and English side by side.
 * The key never changes once published: it matches a section across languages and versions
 * and is the section's anchor on the site.
 */
export const policySection = defineType({
  name: 'policySection',
  title: 'Policy section',
  type: 'document',
  icon: DocumentTextIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'localeString',
      validation: (rule) => rule.required().error('Give the section a title in French and in English.'),
    }),
    defineField({
      name: 'key',
      title: 'Stable key',
      type: 'slug',
      description:
        'Identifies this section in every version and language, and is its anchor on the site (#key). Do not change it once a version has been published.',
      options: {source: 'title.en', maxLength: 64},
      validation: (rule) =>
        rule
          .required()
          .error('The section needs a stable key (use “Generate” to make one from the English title).'),
    }),
    defineField({
      name: 'body',
      title: 'Text',
      type: 'localePortableText',
      validation: (rule) => rule.required().error('The section text cannot be empty in either language.'),
    }),
  ],
  preview: {
    select: {fr: 'title.fr', en: 'title.en', key: 'key.current'},
    prepare: ({fr, en, key}) => ({
      title: fr ?? en ?? 'Untitled section',
      subtitle: [en, key && `#${key}`].filter(Boolean).join(' · '),
    }),
  },
})
