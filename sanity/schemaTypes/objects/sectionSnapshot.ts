import {DocumentTextIcon} from '@sanity/icons'
import {defineField, defineType} from 'sanity'

/** A policy section frozen inside a version, exactly as it was when the version was prepared. */
export const sectionSnapshot = defineType({
  name: 'sectionSnapshot',
  title: 'Section as published',
  type: 'object',
  icon: DocumentTextIcon,
  readOnly: true,
  fields: [
    defineField({name: 'key', title: 'Stable key', type: 'string'}),
    defineField({name: 'title', title: 'Title', type: 'localeString'}),
    defineField({name: 'body', title: 'Text', type: 'localePortableText'}),
  ],
  preview: {
    select: {fr: 'title.fr', en: 'title.en', key: 'key'},
    prepare: ({fr, en, key}) => ({title: fr ?? key, subtitle: en}),
  },
})
