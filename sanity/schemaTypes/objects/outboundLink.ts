import {LaunchIcon} from '@sanity/icons/Launch'
import {defineField, defineType} from 'sanity'

/** A link to another site in a version's link audit (linkAudit.ts). */
export const outboundLink = defineType({
  name: 'outboundLink',
  title: 'Link to another site',
  type: 'object',
  icon: LaunchIcon,
  readOnly: true,
  fields: [
    defineField({name: 'host', title: 'Site', type: 'string'}),
    defineField({name: 'url', title: 'Address', type: 'url'}),
    defineField({name: 'text', title: 'Linked words', type: 'string'}),
    defineField({
      name: 'sectionKey',
      title: 'Section',
      type: 'string',
      description: 'The section’s stable key; empty for a link in the introduction.',
    }),
    defineField({
      name: 'language',
      title: 'Language',
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
