import {defineField, defineType} from 'sanity'
import {actorFields, signatureFields} from './versionActor'

/** Who published a version and when, recorded and signed by the site. */
export const versionPublication = defineType({
  name: 'versionPublication',
  title: 'Publication',
  type: 'object',
  readOnly: true,
  fields: [
    ...actorFields({userId: 'Publisher user id', name: 'Published by', at: 'Published at'}),
    defineField({
      name: 'staleAcknowledged',
      title: 'Published knowing newer edits wait for the next version',
      type: 'boolean',
    }),
    ...signatureFields,
  ],
})
