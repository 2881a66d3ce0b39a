import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/versioning/TranslatedField'

/**
 * Who did something to a version and when (user id, name, time), titled for what they did
 * (`schema.<step>.userId`, `.name`, `.at` in the workflow's words): the fields every step of the
 * sign-off records first.
 */
export function actorFields(step: 'actor' | 'approval' | 'publication') {
  return [
    defineField({name: 'userId', title: inStartLanguage(`schema.${step}.userId`), type: 'string'}),
    defineField({name: 'name', title: inStartLanguage(`schema.${step}.name`), type: 'string'}),
    defineField({name: 'at', title: inStartLanguage(`schema.${step}.at`), type: 'datetime'}),
  ]
}

/** The site's signature of a step (keyId names the key, published at /.well-known/policy-signing-keys.json). */
export const signatureFields = [
  defineField({name: 'keyId', title: inStartLanguage('schema.signature.keyId'), type: 'string'}),
  defineField({
    name: 'signature',
    title: inStartLanguage('schema.signature.signature'),
    type: 'string',
  }),
]

/** Who did something to a version and when, as the content source identified them. */
export const versionActor = defineType({
  name: 'versionActor',
  title: inStartLanguage('schema.actor.type'),
  type: 'object',
  readOnly: true,
  fields: actorFields('actor'),
})
