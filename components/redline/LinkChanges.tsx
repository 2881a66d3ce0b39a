import {useTranslations} from 'next-intl'
import type {ReactNode} from 'react'
import type {LinkChange} from '@/lib/diff'
import styles from './Redline.module.css'

function address(chunks: ReactNode) {
  return <code className={styles.address}>{chunks}</code>
}

/**
 * Links whose target changed, or that appeared or went, in one section. A new target under the
 * same words is invisible in a word-level redline, so it is spelled out here.
 */
export function LinkChanges({
  changes,
  idPrefix,
}: {
  changes: readonly LinkChange[]
  idPrefix: string
}) {
  const t = useTranslations('Compare')
  if (!changes.length) return null
  return (
    <div className={styles.linkChanges}>
      <h3 id={`${idPrefix}-links`}>{t('linkChangesTitle')}</h3>
      <ul aria-labelledby={`${idPrefix}-links`}>
        {changes.map((change, i) => (
          <li key={i} data-link-change={change.kind}>
            {change.kind === 'retargeted'
              ? t.rich('linkRetargeted', {
                  text: change.text,
                  before: change.hrefBefore,
                  after: change.hrefAfter,
                  url: address,
                })
              : t.rich(change.kind === 'added' ? 'linkAdded' : 'linkRemoved', {
                  text: change.text,
                  href: change.href,
                  url: address,
                })}
          </li>
        ))}
      </ul>
    </div>
  )
}
