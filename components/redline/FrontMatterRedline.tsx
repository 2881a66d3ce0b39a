import {useTranslations} from 'next-intl'
import {hasChanges, type PolicyComparison} from '@/lib/diff'
import type {Language} from '@/lib/policy/types'
import {BodyRedline} from './BodyRedline'
import {InlineRedline, textChanges} from './InlineRedline'
import {LinkChanges} from './LinkChanges'
import styles from './Redline.module.css'

/** Anchor of the policy's title and introduction in the comparison. */
export const FRONT_MATTER_ID = 'compare-introduction'

/** Whether the policy's title, organisation name or introduction changed in a language. */
export function frontMatterChanged(comparison: PolicyComparison, language: Language): boolean {
  return (
    hasChanges(comparison.title[language]) ||
    hasChanges(comparison.organisationName) ||
    comparison.introduction[language].changed
  )
}

/** Changes to what comes before the sections: the policy's title, the organisation, the introduction. */
export function FrontMatterRedline({
  comparison,
  language,
}: {
  comparison: PolicyComparison
  language: Language
}) {
  const t = useTranslations('Compare')
  if (!frontMatterChanged(comparison, language)) return null
  const introduction = comparison.introduction[language]
  return (
    <section
      id={FRONT_MATTER_ID}
      className={styles.section}
      data-status="modified"
      aria-labelledby={`${FRONT_MATTER_ID}-title`}
    >
      <h2 id={`${FRONT_MATTER_ID}-title`}>{t('introduction')}</h2>
      {hasChanges(comparison.title[language]) && (
        <p>
          {t('policyTitle')}{' '}
          <span lang={language}>
            <InlineRedline changes={textChanges(comparison.title[language])} />
          </span>
        </p>
      )}
      {hasChanges(comparison.organisationName) && (
        <p>
          {t('organisationName')}{' '}
          <InlineRedline changes={textChanges(comparison.organisationName)} />
        </p>
      )}
      {introduction.changed && (
        <>
          <div lang={language} className={styles.body}>
            <BodyRedline blocks={introduction.blocks} />
          </div>
          <LinkChanges changes={introduction.links} idPrefix={FRONT_MATTER_ID} />
        </>
      )}
    </section>
  )
}
