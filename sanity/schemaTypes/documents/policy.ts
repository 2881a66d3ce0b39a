import {BookIcon} from '@sanity/icons'
import {defineArrayMember, defineField, defineType} from 'sanity'

/** The policy being edited (a singleton): what the next version will be prepared from. */
export const policy = defineType({
  name: 'policy',
  title: 'Privacy policy',
  type: 'document',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'localeString',
      validation: (rule) => rule.required().error('Give the policy a title in French and in English.'),
    }),
    defineField({
      name: 'organisationName',
      title: 'Organisation name',
      type: 'string',
      description: 'As the organisation writes it, e.g. “groupe (e)space”.',
      validation: (rule) => rule.required().error('Name the organisation the policy belongs to.'),
    }),
    defineField({
      name: 'introduction',
      title: 'Introduction',
      type: 'localePortableText',
      description: 'Shown above the table of contents, which is generated from the sections.',
    }),
    defineField({
      name: 'sections',
      title: 'Sections, in order',
      type: 'array',
      of: [defineArrayMember({type: 'reference', to: [{type: 'policySection'}]})],
      validation: (rule) =>
        rule.required().min(1).unique().error('The policy needs at least one section, each listed once.'),
    }),
  ],
  preview: {
    select: {fr: 'title.fr', en: 'title.en', organisation: 'organisationName'},
    prepare: ({fr, en, organisation}) => ({
      title: fr ?? en ?? 'Privacy policy',
      subtitle: [en, organisation].filter(Boolean).join(' · '),
    }),
  },
})
