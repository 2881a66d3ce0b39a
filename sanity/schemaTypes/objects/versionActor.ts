import {defineField, defineType} from 'sanity'

/**
 * Who did something to a version and when (user id, name, time), titled for what they did: the
 * fields every step of the sign-off records first.
 */
export function actorFields(titles: {userId: string; name: string; at: string}) {
  return [
    defineField({name: 'userId', title: titles.userId, type: 'string'}),
    defineField({name: 'name', title: titles.name, type: 'string'}),
    defineField({name: 'at', title: titles.at, type: 'datetime'}),
  ]
}

/** The site's signature of a step (keyId names the key, published at /.well-known/policy-signing-keys.json). */
export const signatureFields = [
  defineField({name: 'keyId', title: 'Signing key', type: 'string'}),
  defineField({name: 'signature', title: 'Signature', type: 'string'}),
]

/** Who did something to a version and when, as the content source identified them. */
export const versionActor = defineType({
  name: 'versionActor',
  title: 'Person',
  type: 'object',
  readOnly: true,
  fields: actorFields({userId: 'User id', name: 'Name', at: 'When'}),
})
