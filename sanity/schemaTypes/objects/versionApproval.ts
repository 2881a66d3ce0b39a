import {defineField, defineType} from 'sanity'
import {actorFields, signatureFields} from './versionActor'

/**
 * A legal reviewer's approval of exactly the record whose fingerprint it names, recorded and
 * signed by the site.
 */
export const versionApproval = defineType({
  name: 'versionApproval',
  title: 'Approval',
  type: 'object',
  readOnly: true,
  fields: [
    ...actorFields({userId: 'Reviewer user id', name: 'Reviewer', at: 'Approved at'}),
    defineField({name: 'fingerprint', title: 'Approved fingerprint', type: 'string'}),
    ...signatureFields,
  ],
})
