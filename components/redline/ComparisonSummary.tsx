import {useTranslations} from 'next-intl'
import type {PolicyComparison, SectionStatus} from '@/lib/diff'
import type {Language} from '@/lib/policy/types'
import {sectionHref} from '@/components/sectionAddress'
import styles from './Redline.module.css'
import {StatusBadge} from './StatusBadge'

const COUNT_ORDER: SectionStatus[] = ['modified', 'added', 'removed', 'moved', 'unchanged']

interface ComparisonSummaryProps {
  comparison: PolicyComparison
  language: Language
}

/** The counts a reviewer checks first, and every section with its status, linked. */
export function ComparisonSummary({comparison, language}: ComparisonSummaryProps) {
  const t = useTranslations('Compare')
  return (
    <section className={styles.summary} aria-labelledby="compare-summary-title">
      <h2 id="compare-summary-title">{t('summaryTitle')}</h2>
      {comparison.identical && <p>{t('identical')}</p>}
      <ul className={styles.counts} data-testid="compare-counts">
        {COUNT_ORDER.map((status) => (
          <li key={status} data-status={status} data-count={comparison.summary[status]}>
            {t(`counts.${status}`, {count: comparison.summary[status]})}
          </li>
        ))}
      </ul>
      <nav aria-labelledby="compare-sections-title">
        <h3 id="compare-sections-title">{t('sectionsTitle')}</h3>
        <ol className={styles.sectionList}>
          {comparison.sections.map((section) => (
            <li key={section.key}>
              <a href={sectionHref(section.key)} lang={language}>
                {section.title[language]}
              </a>{' '}
              <StatusBadge status={section.status} />
            </li>
          ))}
        </ol>
      </nav>
    </section>
  )
}
