import {useTranslations} from 'next-intl'
import type {SectionStatus} from '@/lib/diff'
import styles from './Redline.module.css'

/** A section's status as a word (never colour alone), prefixed for screen readers. */
export function StatusBadge({status}: {status: SectionStatus}) {
  const t = useTranslations('Compare')
  return (
    <span className={styles.badge} data-status={status}>
      <span className="visually-hidden">{t('statusPrefix')} </span>
      {t(`status.${status}`)}
    </span>
  )
}
