import {defineField, defineType} from 'sanity'

/**
 * A legal reviewer's approval of exactly the record whose fingerprint it names, recorded and
 * signed by the site (keyId names the key, published at /.well-known/policy-signing-keys.json).
 */
export const versionApproval = defineType({
  name: 'versionApproval',
  title: 'Approval',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({name: 'userId', title: 'Reviewer user id', type: 'string'}),
    defineField({name: 'name', title: 'Reviewer', type: 'string'}),
    defineField({name: 'at', title: 'Approved at', type: 'datetime'}),
    defineField({name: 'fingerprint', title: 'Approved fingerprint', type: 'string'}),
    defineField({name: 'keyId', title: 'Signing key', type: 'string'}),
    defineField({name: 'signature', title: 'Signature', type: 'string'}),
  ],
})
