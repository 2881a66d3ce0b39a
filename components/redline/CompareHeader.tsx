import {useTranslations} from 'next-intl'
import {PeriodText} from '@/components/PeriodText'
import type {VersionPeriod} from '@/lib/policy/periods'
import type {Language} from '@/lib/policy/types'
import styles from './Redline.module.css'
import type {OtherLanguage} from './SectionRedline'

export interface ComparedVersion {
  number: number
  period: VersionPeriod
  /** The version's own page. */
  href: string
}

interface CompareHeaderProps {
  from: ComparedVersion
  to: ComparedVersion
  language: Language
  otherLanguage: OtherLanguage
  /** The same two versions in publication order, when they are compared the other way round. */
  inOrderHref?: string
}

function VersionLine({version}: {version: ComparedVersion}) {
  const t = useTranslations('Compare')
  return (
    <>
      <strong>{t('versionNumber', {number: version.number})}</strong> —{' '}
      <PeriodText period={version.period} />.{' '}
      <a href={version.href} className={styles.noPrint}>
        {t('readVersion', {number: version.number})}
      </a>
    </>
  )
}

/** Which versions are compared, in which direction and in which language, and how to switch. */
export function CompareHeader({
  from,
  to,
  language,
  otherLanguage,
  inOrderHref,
}: CompareHeaderProps) {
  const t = useTranslations('Compare')
  return (
    <header className={styles.header}>
      <h1>{t('title', {from: from.number, to: to.number})}</h1>
      <dl className={styles.versions}>
        <div>
          <dt>{t('fromLabel')}</dt>
          <dd>
            <VersionLine version={from} />
          </dd>
        </div>
        <div>
          <dt>{t('toLabel')}</dt>
          <dd>
            <VersionLine version={to} />
          </dd>
        </div>
      </dl>
      {inOrderHref && (
        <p className={styles.reversed} role="note">
          {t('reversed', {from: from.number, to: to.number})}{' '}
          <a href={inOrderHref} className={styles.noPrint}>
            {t('inOrder')}
          </a>
        </p>
      )}
      <p className={styles.language}>
        {t('textLanguage', {language: t(`languages.${language}`)})}{' '}
        <a
          href={otherLanguage.href}
          className={styles.noPrint}
          data-testid="compare-other-language"
        >
          {t('otherLanguage', {language: t(`languages.${otherLanguage.language}`)})}
        </a>
      </p>
      <p className={styles.legend}>{t('legend')}</p>
    </header>
  )
}
