import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/versioning/TranslatedField'
import {actorFields, signatureFields} from './versionActor'

/**
 * A legal reviewer's approval of exactly the record whose fingerprint it names, recorded and
 * signed by the site.
 */
export const versionApproval = defineType({
  name: 'versionApproval',
  title: inStartLanguage('schema.approval.type'),
  type: 'object',
  readOnly: true,
  fields: [
    ...actorFields('approval'),
    defineField({
      name: 'fingerprint',
      title: inStartLanguage('schema.approval.fingerprint'),
      type: 'string',
    }),
    ...signatureFields,
  ],
})
