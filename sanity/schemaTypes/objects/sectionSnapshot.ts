import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'

/** A policy section frozen inside a version, exactly as it was when the version was prepared. */
export const sectionSnapshot = defineType({
  name: 'sectionSnapshot',
  title: inStartLanguage('schema.section-snapshot.title'),
  type: 'object',
  icon: DocumentTextIcon,
  readOnly: true,
  fields: [
    defineField({name: 'key', title: inStartLanguage('schema.section.field.key'), type: 'string'}),
    defineField({
      name: 'title',
      title: inStartLanguage('schema.section.field.title'),
      type: 'localeString',
    }),
    defineField({
      name: 'body',
      title: inStartLanguage('schema.section.field.body'),
      type: 'localePortableText',
    }),
  ],
  preview: {
    select: {fr: 'title.fr', en: 'title.en', key: 'key'},
    prepare: ({fr, en, key}) => ({title: fr ?? key, subtitle: en}),
  },
})
