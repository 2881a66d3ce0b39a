import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {createElement} from 'react'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'
import {CoversInput} from '../../studio/checklist/CoversInput'
import {SectionChangeMark} from '../../studio/versioning/SectionChange'

/**
 * One section of the policy, with French and English side by side.
 * The key never changes once published: it matches a section across languages and versions
 * and is the section's anchor on the site.
 */
export const policySection = defineType({
  name: 'policySection',
  title: inStartLanguage('schema.section.title'),
  type: 'document',
  icon: DocumentTextIcon,
  fields: [
    defineField({
      name: 'title',
      title: inStartLanguage('schema.section.field.title'),
      type: 'localeString',
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.section.field.title.required')),
    }),
    defineField({
      name: 'key',
      title: inStartLanguage('schema.section.field.key'),
      type: 'slug',
      description: inStartLanguage('schema.section.field.key.description'),
      options: {source: 'title.en', maxLength: 64},
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.section.field.key.required')),
    }),
    defineField({
      name: 'body',
      title: inStartLanguage('schema.section.field.body'),
      type: 'localePortableText',
      validation: (rule) =>
        rule.required().error(inEveryStudioLanguage('schema.section.field.body.required')),
    }),
    defineField({
      name: 'covers',
      title: inStartLanguage('schema.section.field.covers'),
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
      description: inStartLanguage('schema.section.field.covers.description'),
      components: {input: CoversInput},
    }),
  ],
  preview: {
    select: {fr: 'title.fr', en: 'title.en', key: 'key.current'},
    prepare: ({fr, en, key}) => ({
      title: fr ?? en ?? inStartLanguage('schema.section.untitled'),
      subtitle: [en, key && `#${key}`].filter(Boolean).join(' · '),
      // Marked when it changed since the latest published version: the desk's list of sections
      // and the policy's show what the next version would change.
      media: createElement(SectionChangeMark, {sectionKey: key}),
    }),
  },
})
