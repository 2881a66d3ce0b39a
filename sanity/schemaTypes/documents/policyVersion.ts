import {ArchiveIcon} from '@sanity/icons'
import {defineArrayMember, defineField, defineType} from 'sanity'

export const VERSION_STATUSES = ['candidate', 'approved', 'published'] as const

/**
 * An immutable snapshot of the whole policy. A version starts as a candidate prepared from the
 * current sections, is approved by a legal reviewer against its content hash, and once published
 * never changes again.
 */
export const policyVersion = defineType({
  name: 'policyVersion',
  title: 'Policy version',
  type: 'document',
  icon: ArchiveIcon,
  fields: [
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      readOnly: true,
      options: {
        list: [
          {title: 'Candidate, awaiting legal approval', value: 'candidate'},
          {title: 'Approved, ready to publish', value: 'approved'},
          {title: 'Published', value: 'published'},
        ],
      },
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'number',
      title: 'Version number',
      type: 'number',
      readOnly: true,
      description: 'Given when the version is published: one more than the latest published version.',
      validation: (rule) =>
        rule.integer().positive().error('A version number is a whole number, starting at 1.'),
    }),
    defineField({
      name: 'effectiveDate',
      title: 'Effective date',
      type: 'date',
      description: 'The day this version comes into force. A future date is shown as upcoming until then.',
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      readOnly: true,
    }),
    defineField({
      name: 'changeSummary',
      title: 'Summary of changes',
      type: 'localeText',
      description: 'What changed for readers, in both languages. Shown in the public history.',
    }),
    defineField({name: 'title', title: 'Title', type: 'localeString', readOnly: true}),
    defineField({name: 'organisationName', title: 'Organisation name', type: 'string', readOnly: true}),
    defineField({name: 'introduction', title: 'Introduction', type: 'localePortableText', readOnly: true}),
    defineField({
      name: 'sections',
      title: 'Sections as they were',
      type: 'array',
      readOnly: true,
      of: [defineArrayMember({type: 'sectionSnapshot'})],
    }),
    defineField({
      name: 'contentHash',
      title: 'Content hash (SHA-256)',
      type: 'string',
      readOnly: true,
      description: 'Fingerprint of the title, introduction and sections; approval is bound to it.',
    }),
    defineField({
      name: 'preparedBy',
      title: 'Prepared by',
      type: 'versionActor',
      readOnly: true,
    }),
    defineField({
      name: 'approval',
      title: 'Legal approval',
      type: 'versionApproval',
      readOnly: true,
    }),
  ],
  orderings: [
    {title: 'Newest first', name: 'numberDesc', by: [{field: 'number', direction: 'desc'}]},
  ],
  preview: {
    select: {number: 'number', status: 'status', effectiveDate: 'effectiveDate', summary: 'changeSummary.fr'},
    prepare: ({number, status, effectiveDate, summary}) => ({
      title: number ? `Version ${number}` : 'Candidate version',
      subtitle: [status, effectiveDate && `in force from ${effectiveDate}`, summary].filter(Boolean).join(' · '),
    }),
  },
})
