import {BookIcon} from '@sanity/icons/Book'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'

/** The policy being edited (a singleton): what the next version will be prepared from. */
export const policy = defineType({
  name: 'policy',
  title: inStartLanguage('schema.policy.title'),
  type: 'document',
  icon: BookIcon,
  fields: [
    defineField({
      name: 'title',
      title: inStartLanguage('schema.policy.field.title'),
      type: 'localeString',
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.policy.field.title.required')),
    }),
    defineField({
      name: 'organisationName',
      title: inStartLanguage('schema.policy.field.organisation-name'),
      type: 'string',
      description: inStartLanguage('schema.policy.field.organisation-name.description'),
      validation: (rule) =>
        rule
          .required()
          .error(inEveryStudioLanguage('schema.policy.field.organisation-name.required')),
    }),
    defineField({
      name: 'introduction',
      title: inStartLanguage('schema.policy.field.introduction'),
      type: 'localePortableText',
      description: inStartLanguage('schema.policy.field.introduction.description'),
    }),
    defineField({
      name: 'checklist',
      title: inStartLanguage('schema.policy.field.checklist'),
      type: 'reference',
      to: [{type: 'complianceChecklist'}],
      description: inStartLanguage('schema.policy.field.checklist.description'),
    }),
    defineField({
      name: 'sections',
      title: inStartLanguage('schema.policy.field.sections'),
      type: 'array',
      of: [defineArrayMember({type: 'reference', to: [{type: 'policySection'}]})],
      validation: (rule) =>
        rule
          .required()
          .min(1)
          .unique()
          .error(inEveryStudioLanguage('schema.policy.field.sections.required')),
    }),
  ],
  preview: {
    select: {fr: 'title.fr', en: 'title.en', organisation: 'organisationName'},
    prepare: ({fr, en, organisation}) => ({
      title: fr ?? en ?? inStartLanguage('schema.policy.title'),
      subtitle: [en, organisation].filter(Boolean).join(' · '),
    }),
  },
})
