import {useTranslations} from 'next-intl'
import {hasChanges, type SectionComparison} from '@/lib/diff'
import type {Language} from '@/lib/policy/types'
import {sectionAnchors, sectionHref} from '@/components/sectionAddress'
import {BodyRedline} from './BodyRedline'
import {ChangeMark} from './ChangeMark'
import {InlineRedline, textChanges} from './InlineRedline'
import {LinkChanges} from './LinkChanges'
import styles from './Redline.module.css'
import {StatusBadge} from './StatusBadge'

export interface OtherLanguage {
  language: Language
  /** This comparison in that language, without a fragment. */
  href: string
}

interface SectionRedlineProps {
  section: SectionComparison
  /** The language of the text compared. */
  language: Language
  from: number
  to: number
  otherLanguage: OtherLanguage
}

/**
 * One section of the comparison: its status, then its text. Added and removed sections are marked
 * as a whole; modified ones word by word; sections whose text did not change in this language are
 * folded away, one click from being read.
 */
export function SectionRedline({section, language, from, to, otherLanguage}: SectionRedlineProps) {
  const t = useTranslations('Compare')
  const {key, status} = section
  const here = section.languages[language]
  const anchors = sectionAnchors(key)
  const whole = status === 'added' ? 'inserted' : status === 'removed' ? 'deleted' : undefined
  const redlined = status === 'modified' && here.changed

  return (
    <section className={styles.section} data-status={status} {...anchors.section}>
      <h2 lang={language} className={styles.sectionTitle} {...anchors.heading}>
        {redlined && hasChanges(here.title) ? (
          <InlineRedline changes={textChanges(here.title)} />
        ) : (
          section.title[language]
        )}
      </h2>
      <p className={styles.status}>
        <StatusBadge status={status} />{' '}
        {section.moved && section.indexBefore !== undefined && section.indexAfter !== undefined && (
          <span>
            {t('movedDetail', {
              status,
              before: section.indexBefore + 1,
              after: section.indexAfter + 1,
              from,
              to,
            })}
          </span>
        )}
      </p>

      {whole ? (
        <div lang={language} className={styles.body}>
          <ChangeMark kind={whole} whole>
            <BodyRedline blocks={here.body.blocks} plain />
          </ChangeMark>
        </div>
      ) : redlined ? (
        <>
          <div lang={language} className={styles.body}>
            <BodyRedline blocks={here.body.blocks} />
          </div>
          <LinkChanges changes={here.body.links} idPrefix={key} />
        </>
      ) : (
        <>
          {/* Modified, yet not in this language: the change is in the other one. */}
          {status === 'modified' && (
            <p className={styles.elsewhere}>
              {t('unchangedHere', {
                language: t(`languages.${language}`),
                other: t(`languages.${otherLanguage.language}`),
              })}{' '}
              <a href={`${otherLanguage.href}${sectionHref(key)}`}>
                {t('otherLanguage', {language: t(`languages.${otherLanguage.language}`)})}
              </a>
            </p>
          )}
          <details className={styles.folded}>
            <summary>{t('showUnchangedText')}</summary>
            <div lang={language} className={styles.body}>
              <BodyRedline blocks={here.body.blocks} plain />
            </div>
          </details>
        </>
      )}
    </section>
  )
}
