import {ClipboardIcon} from '@sanity/icons/Clipboard'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {CHECKLIST_ACTS} from '../../../lib/policy/checklist'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'

/**
 * What the law expects the policy to say, item by item: an aid for editors and legal reviewers,
 * not legal advice. The product ships one per Québec Act; an organisation edits or replaces it.
 */
export const complianceChecklist = defineType({
  name: 'complianceChecklist',
  title: inStartLanguage('schema.checklist.title'),
  type: 'document',
  icon: ClipboardIcon,
  description: inStartLanguage('schema.checklist.description'),
  fields: [
    defineField({
      name: 'title',
      title: inStartLanguage('schema.checklist.field.title'),
      type: 'localeString',
    }),
    defineField({
      name: 'act',
      title: inStartLanguage('schema.checklist.field.act'),
      type: 'string',
      options: {
        list: CHECKLIST_ACTS.map((act) => ({
          value: act,
          title: inStartLanguage(`schema.checklist.act.${act}`),
        })),
        layout: 'radio',
      },
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.checklist.field.act.required')),
    }),
    defineField({
      name: 'items',
      title: inStartLanguage('schema.checklist.field.items'),
      type: 'array',
      of: [defineArrayMember({type: 'checklistItem'})],
      // Sections name items by key: two items with one key would be covered together
      validation: (rule) =>
        rule
          .custom((items: {key?: string}[] | undefined) => {
            const keys = (items ?? []).map((item) => item.key).filter(Boolean)
            return new Set(keys).size === keys.length
              ? true
              : inEveryStudioLanguage('schema.checklist.field.items.unique')
          })
          .error(),
    }),
  ],
  preview: {
    select: {fr: 'title.fr', en: 'title.en'},
    prepare: ({fr, en}) => ({title: fr ?? en ?? inStartLanguage('schema.checklist.title')}),
  },
})
