import {defineField, defineType} from 'sanity'

/** A legal reviewer's sign-off, valid only for the exact content it names by hash. */
export const versionApproval = defineType({
  name: 'versionApproval',
  title: 'Approval',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({name: 'userId', title: 'Reviewer user id', type: 'string'}),
    defineField({name: 'name', title: 'Reviewer', type: 'string'}),
    defineField({name: 'at', title: 'Approved at', type: 'datetime'}),
    defineField({name: 'contentHash', title: 'Approved content hash', type: 'string'}),
  ],
})
