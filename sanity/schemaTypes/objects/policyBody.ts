import {LinkIcon} from '@sanity/icons'
import {defineArrayMember, defineField, defineType} from 'sanity'
import {LinkAddressInput} from '../../studio/links/LinkAddressInput'
import {LinkAnnotation} from '../../studio/links/LinkAnnotation'
import {linkAddressProblem} from '../../studio/links/linkRules'
import {studioSiteHosts} from '../../studio/links/siteHosts'

function problemOf(href: unknown, level: 'error' | 'warning'): true | string {
  const problem = linkAddressProblem(href, studioSiteHosts())
  return problem?.level === level ? problem.message : true
}

/**
 * Rich text of the policy: paragraphs, sub-headings, lists, emphasis and links.
 * Section titles are fields of their own, so bodies only use the lower heading levels.
 */
export const policyBody = defineType({
  name: 'policyBody',
  title: 'Rich text',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        {title: 'Paragraph', value: 'normal'},
        {title: 'Sub-heading', value: 'h3'},
        {title: 'Minor heading', value: 'h4'},
      ],
      lists: [
        {title: 'Bulleted list', value: 'bullet'},
        {title: 'Numbered list', value: 'number'},
      ],
      marks: {
        decorators: [
          {title: 'Strong', value: 'strong'},
          {title: 'Emphasis', value: 'em'},
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: 'Link',
            type: 'object',
            icon: LinkIcon,
            components: {annotation: LinkAnnotation},
            fields: [
              defineField({
                name: 'href',
                title: 'Address',
                type: 'string',
                components: {input: LinkAddressInput},
                description:
                  'A web address (https://…), an e-mail address (mailto:…), a phone number (tel:…) or a part of this page (#…). Links to other sites are flagged for readers automatically.',
                validation: (rule) => [
                  rule.required().error('Give the link an address.'),
                  rule.custom((href) => problemOf(href, 'error')).error(),
                  rule.custom((href) => problemOf(href, 'warning')).warning(),
                ],
              }),
            ],
          }),
        ],
      },
    }),
  ],
})
