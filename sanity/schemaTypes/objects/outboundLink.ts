import {LaunchIcon} from '@sanity/icons/Launch'
import {defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/versioning/TranslatedField'

/** A link to another site in a version's link audit (linkAudit.ts). */
export const outboundLink = defineType({
  name: 'outboundLink',
  title: inStartLanguage('schema.outboundLink.type'),
  type: 'object',
  icon: LaunchIcon,
  readOnly: true,
  fields: [
    defineField({name: 'host', title: inStartLanguage('schema.outboundLink.host'), type: 'string'}),
    defineField({name: 'url', title: inStartLanguage('schema.outboundLink.url'), type: 'url'}),
    defineField({name: 'text', title: inStartLanguage('schema.outboundLink.text'), type: 'string'}),
    defineField({
      name: 'sectionKey',
      title: inStartLanguage('schema.outboundLink.sectionKey'),
      type: 'string',
      description: inStartLanguage('schema.outboundLink.sectionKey.description'),
    }),
    defineField({
      name: 'language',
      title: inStartLanguage('schema.outboundLink.language'),
      type: 'string',
      options: {
        list: [
          {title: 'Français', value: 'fr'},
          {title: 'English', value: 'en'},
        ],
      },
    }),
  ],
  preview: {
    select: {host: 'host', text: 'text', sectionKey: 'sectionKey', language: 'language'},
    prepare: ({host, text, sectionKey, language}) => ({
      title: host,
      subtitle: [text && `“${text}”`, sectionKey ? `#${sectionKey}` : 'introduction', language]
        .filter(Boolean)
        .join(' · '),
    }),
  },
})
