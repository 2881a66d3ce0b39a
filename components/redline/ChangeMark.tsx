import {useLocale, useTranslations} from 'next-intl'
import type {ReactNode} from 'react'
import styles from './Redline.module.css'

export type MarkKind = 'inserted' | 'deleted'

interface ChangeMarkProps {
  kind: MarkKind
  /** Wraps whole blocks (an added or removed section) rather than words. */
  whole?: boolean
  children: ReactNode
}

/**
 * Inserted or deleted text. Most screen readers say nothing of `<ins>` and `<del>`, so each change
 * also carries visually hidden words at its start and end, in the reader's language even when the
 * text compared is in the other one.
 */
export function ChangeMark({kind, whole = false, children}: ChangeMarkProps) {
  const t = useTranslations('Compare')
  const locale = useLocale()
  const Tag = kind === 'inserted' ? 'ins' : 'del'
  const [start, end] =
    kind === 'inserted'
      ? [t('insertionStart'), t('insertionEnd')]
      : [t('deletionStart'), t('deletionEnd')]
  return (
    <Tag className={whole ? styles.whole : styles.words} data-change={kind}>
      <span className="visually-hidden" lang={locale} data-change-marker="">
        {`${start} `}
      </span>
      {children}
      <span className="visually-hidden" lang={locale} data-change-marker="">
        {` ${end}`}
      </span>
    </Tag>
  )
}
