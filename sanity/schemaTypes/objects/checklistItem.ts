import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'

/** An item's words, as a checklist states them and a version's coverage records them. */
export const itemWordsFields = {
  label: defineField({
    name: 'label',
    title: inStartLanguage('schema.checklist-item.field.label'),
    type: 'localeString',
  }),
  reference: defineField({
    name: 'reference',
    title: inStartLanguage('schema.checklist-item.field.reference'),
    type: 'localeString',
  }),
}

/** One thing the law expects the policy to say, with where the requirement comes from. */
export const checklistItem = defineType({
  name: 'checklistItem',
  title: inStartLanguage('schema.checklist-item.title'),
  type: 'object',
  fields: [
    defineField({
      name: 'key',
      title: inStartLanguage('schema.checklist-item.field.key'),
      type: 'string',
      description: inStartLanguage('schema.checklist-item.field.key.description'),
      validation: (rule) =>
        rule
          .required()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
          .error(inEveryStudioLanguage('schema.checklist-item.field.key.invalid')),
    }),
    itemWordsFields.label,
    {
      ...itemWordsFields.reference,
      description: inStartLanguage('schema.checklist-item.field.reference.description'),
    },
    defineField({
      name: 'guidance',
      title: inStartLanguage('schema.checklist-item.field.guidance'),
      type: 'localeText',
    }),
    defineField({
      name: 'providedBySite',
      title: inStartLanguage('schema.checklist-item.field.provided-by-site'),
      type: 'boolean',
      description: inStartLanguage('schema.checklist-item.field.provided-by-site.description'),
      initialValue: false,
    }),
  ],
  preview: {
    select: {fr: 'label.fr', en: 'label.en', reference: 'reference.fr'},
    prepare: ({fr, en, reference}) => ({title: fr ?? en, subtitle: reference}),
  },
})
