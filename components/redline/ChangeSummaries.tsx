import {useTranslations} from 'next-intl'
import type {Language} from '@/lib/policy/types'
import styles from './Redline.module.css'

export interface PublishedSummary {
  number: number
  text: string
}

/** The change summaries published with the versions compared, in the publisher's words. */
export function ChangeSummaries({
  entries,
  language,
}: {
  entries: readonly PublishedSummary[]
  language: Language
}) {
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
