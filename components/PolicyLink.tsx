import {useTranslations} from 'next-intl'
import type {ReactNode} from 'react'
import {env} from '@/lib/env'
import {classifyLink} from '@/lib/links'
import {ExternalLinkIcon} from './ExternalLinkIcon'

/**
 * Every link in policy content goes through the classifier: readers are told when a link leaves
 * the policy's scope, and content can never produce a live script link.
 */
export function PolicyLink({href, children}: {href: string; children: ReactNode}) {
  const t = useTranslations('Links')
  const link = classifyLink(href, {siteHosts: env().siteHosts})

  switch (link.kind) {
    case 'unsafe':
      return <span className="unsafe-link">{children}</span>
    case 'external':
      return (
        <a
          href={link.href}
          target="_blank"
          rel="noopener noreferrer external"
          className="external-link"
        >
          {children} <ExternalLinkIcon />
          <span className="visually-hidden">{t('externalNotice')}</span>
        </a>
      )
    default:
      return <a href={link.href}>{children}</a>
  }
}
