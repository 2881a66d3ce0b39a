import {useTranslations} from 'next-intl'
import type {Language} from '@/lib/policy/types'
import styles from './Redline.module.css'

export interface PublishedSummary {
  number: number
  text: string
}

interface ChangeSummariesProps {
  /** The versions after the older one compared, up to the newer, each with its summary. */
  entries: readonly PublishedSummary[]
  /** The language of the text compared, which the summaries are read in. */
  language: Language
}

/** The change summaries published with the versions compared, in the publisher's words. */
export function ChangeSummaries({entries, language}: ChangeSummariesProps) {
  const t = useTranslations('Compare')
  if (!entries.length) return null
  return (
    <section className={styles.summaries} aria-labelledby="compare-summaries-title">
      <h2 id="compare-summaries-title">{t('summariesTitle')}</h2>
      <dl>
        {entries.map((entry) => (
          <div key={entry.number}>
            <dt>{t('summaryOf', {number: entry.number})}</dt>
            <dd lang={language}>{entry.text}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
