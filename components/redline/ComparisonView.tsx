import {useTranslations} from 'next-intl'
import type {PolicyComparison} from '@/lib/diff'
import type {Language} from '@/lib/policy/types'
import {ChangeSummaries, type PublishedSummary} from './ChangeSummaries'
import {CompareHeader, type ComparedVersion} from './CompareHeader'
import {ComparisonSummary} from './ComparisonSummary'
import {FrontMatterRedline} from './FrontMatterRedline'
import {OutboundLinkChanges} from './OutboundLinkChanges'
import styles from './Redline.module.css'
import {SectionRedline, type OtherLanguage} from './SectionRedline'
import {VersionPicker, type VersionPickerProps} from './VersionPicker'

export interface ComparisonViewProps {
  comparison: PolicyComparison
  /** The language of the text compared (the reader's, unless they asked for the other). */
  language: Language
  from: ComparedVersion
  to: ComparedVersion
  otherLanguage: OtherLanguage
  inOrderHref?: string
  /** Change summaries of the versions published between the two, in that language. */
  summaries: readonly PublishedSummary[]
  picker: Omit<VersionPickerProps, 'title'>
  historyHref: string
  feedHref: string
}

/** The redline of two versions in one language: what changed, where, and how much. */
export function ComparisonView(props: ComparisonViewProps) {
  const {comparison, language, from, to, otherLanguage} = props
  const t = useTranslations('Compare')
  const sectionTitles = new Map(
    comparison.sections.map((section) => [section.key, section.title[language]]),
  )
  return (
    <div className={styles.comparison}>
      <CompareHeader
        from={from}
        to={to}
        language={language}
        otherLanguage={otherLanguage}
        {...(props.inOrderHref ? {inOrderHref: props.inOrderHref} : {})}
      />
      <ChangeSummaries entries={props.summaries} language={language} />
      <ComparisonSummary comparison={comparison} language={language} />
      <OutboundLinkChanges
        added={comparison.outboundLinks.added}
        removed={comparison.outboundLinks.removed}
        language={language}
        sectionTitles={sectionTitles}
      />
      <FrontMatterRedline comparison={comparison} language={language} />
      {comparison.sections.map((section) => (
        <SectionRedline
          key={section.key}
          section={section}
          language={language}
          from={from.number}
          to={to.number}
          otherLanguage={otherLanguage}
        />
      ))}
      <footer className={`${styles.more} ${styles.noPrint}`}>
        <VersionPicker {...props.picker} title={t('pickerTitle')} />
        <ul className={styles.moreLinks}>
          <li>
            <a href={props.historyHref}>{t('history')}</a>
          </li>
          <li>
            <a href={props.feedHref} type="application/atom+xml">
              {t('feed')}
            </a>
          </li>
        </ul>
      </footer>
    </div>
  )
}
