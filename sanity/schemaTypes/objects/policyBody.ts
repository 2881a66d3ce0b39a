import {LinkIcon} from '@sanity/icons/Link'
import {defineArrayMember, defineField, defineType, type LocalizedValidationMessages} from 'sanity'
import {LinkAddressInput} from '../../studio/links/LinkAddressInput'
import {LinkAnnotation} from '../../studio/links/LinkAnnotation'
import {linkAddressProblem} from '../../studio/links/linkRules'
import {studioSiteHosts} from '../../studio/links/siteHosts'
import {inStartLanguage} from '../../studio/i18n'
import {inEveryStudioLanguage} from '../../studio/i18n/text'

function problemOf(href: unknown, level: 'error' | 'warning'): true | LocalizedValidationMessages {
  const problem = linkAddressProblem(href, studioSiteHosts())
  return problem?.level === level ? problem.message : true
}

/**
 * Rich text of the policy: paragraphs, sub-headings, lists, emphasis and links.
 * Section titles are fields of their own, so bodies only use the lower heading levels.
 */
export const policyBody = defineType({
  name: 'policyBody',
  title: inStartLanguage('schema.rich-text.title'),
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        {title: inStartLanguage('schema.rich-text.style.normal'), value: 'normal'},
        {title: inStartLanguage('schema.rich-text.style.h3'), value: 'h3'},
        {title: inStartLanguage('schema.rich-text.style.h4'), value: 'h4'},
      ],
      lists: [
        {title: inStartLanguage('schema.rich-text.list.bullet'), value: 'bullet'},
        {title: inStartLanguage('schema.rich-text.list.number'), value: 'number'},
      ],
      marks: {
        decorators: [
          {title: inStartLanguage('schema.rich-text.decorator.strong'), value: 'strong'},
          {title: inStartLanguage('schema.rich-text.decorator.em'), value: 'em'},
        ],
        annotations: [
          defineArrayMember({
            name: 'link',
            title: inStartLanguage('schema.rich-text.link.title'),
            type: 'object',
            icon: LinkIcon,
            components: {annotation: LinkAnnotation},
            fields: [
              defineField({
                name: 'href',
                title: inStartLanguage('schema.rich-text.link.field.href'),
                type: 'string',
                components: {input: LinkAddressInput},
                description: inStartLanguage('schema.rich-text.link.field.href.description'),
                validation: (rule) => [
                  rule
                    .required()
                    .error(inEveryStudioLanguage('schema.rich-text.link.field.href.required')),
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
