import {defineArrayMember, defineField, defineType} from 'sanity'

/**
 * The links leaving the site in a version, computed by the site from the text with the site's
 * hosts, which it records so anyone can recompute the list from the version alone.
 */
export const linkAudit = defineType({
  name: 'linkAudit',
  title: 'Links to other sites',
  type: 'object',
  readOnly: true,
  fields: [
    defineField({
      name: 'siteHosts',
      title: 'The site’s own hosts',
      type: 'array',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({
      name: 'links',
      title: 'Links',
      type: 'array',
      of: [defineArrayMember({type: 'outboundLink'})],
    }),
  ],
})
