import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/versioning/TranslatedField'
import {actorFields, signatureFields} from './versionActor'

/** Who published a version and when, recorded and signed by the site. */
export const versionPublication = defineType({
  name: 'versionPublication',
  title: inStartLanguage('schema.publication.type'),
  type: 'object',
  readOnly: true,
  fields: [
    ...actorFields('publication'),
    defineField({
      name: 'staleAcknowledged',
      title: inStartLanguage('schema.publication.staleAcknowledged'),
      type: 'boolean',
    }),
    ...signatureFields,
  ],
})
