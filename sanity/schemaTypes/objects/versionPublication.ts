import {defineField, defineType} from 'sanity'

/** Who published a version and when, recorded and signed by the site. */
export const versionPublication = defineType({
  name: 'versionPublication',
  title: 'Publication',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({name: 'userId', title: 'Publisher user id', type: 'string'}),
    defineField({name: 'name', title: 'Published by', type: 'string'}),
    defineField({name: 'at', title: 'Published at', type: 'datetime'}),
    defineField({
      name: 'staleAcknowledged',
      title: 'Published knowing newer edits wait for the next version',
      type: 'boolean',
    }),
    defineField({name: 'keyId', title: 'Signing key', type: 'string'}),
    defineField({name: 'signature', title: 'Signature', type: 'string'}),
  ],
})
