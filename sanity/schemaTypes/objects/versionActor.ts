import {defineField, defineType} from 'sanity'

/** Who did something to a version and when, as the content source identified them. */
export const versionActor = defineType({
  name: 'versionActor',
  title: 'Person',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({name: 'userId', title: 'User id', type: 'string'}),
    defineField({name: 'name', title: 'Name', type: 'string'}),
    defineField({name: 'at', title: 'When', type: 'datetime'}),
  ],
})
