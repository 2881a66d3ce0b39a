import {ArchiveIcon} from '@sanity/icons'
import {defineArrayMember, defineField, defineType} from 'sanity'

export const VERSION_STATUSES = ['candidate', 'approved', 'published'] as const

const STATUS_TITLES: Record<(typeof VERSION_STATUSES)[number], string> = {
  candidate: 'Candidate, awaiting legal approval',
  approved: 'Approved, ready to publish',
  published: 'Published',
}

/**
 * An immutable snapshot of the whole policy. A version starts as a candidate prepared from the
 * current sections, is approved by a legal reviewer against its content hash, and once published
 * never changes again. Nothing in it is typed by hand: the document actions "Prepare a new
 * version" (on the policy), "Approve" and "Publish" write it, so the form is read-only throughout
 * (the embedded lake refuses any other route too).
 */
export const policyVersion = defineType({
  name: 'policyVersion',
  title: 'Policy version',
  type: 'document',
  icon: ArchiveIcon,
  readOnly: true,
  fields: [
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      readOnly: true,
      options: {list: VERSION_STATUSES.map((value) => ({title: STATUS_TITLES[value], value}))},
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'number',
      title: 'Version number',
      type: 'number',
      readOnly: true,
      description:
        'Given when the version is published: one more than the latest published version.',
      validation: (rule) =>
        rule.integer().positive().error('A version number is a whole number, starting at 1.'),
    }),
    defineField({
      name: 'effectiveDate',
      title: 'Effective date',
      type: 'date',
      description:
        'The day this version comes into force, chosen when it is published. A future date is shown as upcoming until then.',
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
      description:
        'What changed for readers, in both languages, written when the version is published. Shown in the public history.',
    }),
    defineField({name: 'title', title: 'Title', type: 'localeString', readOnly: true}),
    defineField({
      name: 'organisationName',
      title: 'Organisation name',
      type: 'string',
      readOnly: true,
    }),
    defineField({
      name: 'introduction',
      title: 'Introduction',
      type: 'localePortableText',
      readOnly: true,
    }),
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
    defineField({
      name: 'outboundLinks',
      title: 'Links to other sites',
      type: 'array',
      readOnly: true,
      description: 'Every link leaving the site in this version, recorded when it was published.',
      of: [defineArrayMember({type: 'outboundLink'})],
    }),
  ],
  orderings: [
    {title: 'Newest first', name: 'numberDesc', by: [{field: 'number', direction: 'desc'}]},
  ],
  preview: {
    select: {
      id: '_id',
      number: 'number',
      status: 'status',
      effectiveDate: 'effectiveDate',
      summary: 'changeSummary.en',
    },
    prepare: ({id, number, status, effectiveDate, summary}) => {
      // An open candidate's id already names the number it will be published as.
      const upcoming = /^(?:drafts\.)?version-(\d+)$/.exec(String(id ?? ''))?.[1]
      const title =
        status === 'published' && number
          ? `Version ${number}`
          : upcoming
            ? `Candidate for version ${upcoming}`
            : 'Candidate version'
      const statusTitle = STATUS_TITLES[status as keyof typeof STATUS_TITLES] ?? status
      return {
        title,
        subtitle: [statusTitle, effectiveDate && `in force from ${effectiveDate}`, summary]
          .filter(Boolean)
          .join(' · '),
      }
    },
  },
})
