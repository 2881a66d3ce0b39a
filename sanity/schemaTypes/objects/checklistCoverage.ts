import {defineArrayMember, defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'
import {ChecklistCoverageInput} from '../../studio/checklist/ChecklistCoverageInput'
import {itemWordsFields} from './checklistItem'

/**
 * A version's record of the checklist: each item as worded when the version was prepared, and
 * the sections that covered it (lib/policy/checklist.ts). Part of the version's fingerprint.
 */
export const checklistCoverage = defineType({
  name: 'checklistCoverage',
  title: inStartLanguage('schema.checklist-coverage.title'),
  type: 'object',
  readOnly: true,
  components: {input: ChecklistCoverageInput},
  fields: [
    defineField({
      name: 'act',
      title: inStartLanguage('schema.checklist.field.act'),
      type: 'string',
    }),
    defineField({
      name: 'title',
      title: inStartLanguage('schema.checklist.field.title'),
      type: 'localeString',
    }),
    defineField({
      name: 'items',
      title: inStartLanguage('schema.checklist.field.items'),
      type: 'array',
      of: [defineArrayMember({type: 'checklistCoverageItem'})],
    }),
  ],
})

export const checklistCoverageItem = defineType({
  name: 'checklistCoverageItem',
  title: inStartLanguage('schema.checklist-item.title'),
  type: 'object',
  readOnly: true,
  fields: [
    defineField({
      name: 'key',
      title: inStartLanguage('schema.checklist-item.field.key'),
      type: 'string',
    }),
    itemWordsFields.label,
    itemWordsFields.reference,
    defineField({
      name: 'sectionKeys',
      title: inStartLanguage('schema.checklist-coverage.field.sections'),
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({
      name: 'covered',
      title: inStartLanguage('schema.checklist-coverage.field.covered'),
      type: 'boolean',
    }),
  ],
})
