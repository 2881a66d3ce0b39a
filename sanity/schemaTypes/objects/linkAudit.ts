import {defineArrayMember, defineField, defineType} from 'sanity'
import {inStartLanguage} from '../../studio/versioning/TranslatedField'
import {LinkAuditInput} from '../../studio/versioning/LinkAuditInput'

/**
 * The links leaving the site in a version, computed by the site from the text with the site's
 * hosts, which it records so anyone can recompute the list from the version alone.
 */
export const linkAudit = defineType({
  name: 'linkAudit',
  title: inStartLanguage('schema.linkAudit'),
  type: 'object',
  readOnly: true,
  components: {input: LinkAuditInput},
  fields: [
    defineField({
      name: 'siteHosts',
      title: inStartLanguage('schema.linkAudit.siteHosts'),
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({
      name: 'links',
      title: inStartLanguage('schema.linkAudit.links'),
      type: 'array',
      of: [defineArrayMember({type: 'outboundLink'})],
    }),
  ],
})
