import {useTranslations} from 'next-intl'
import {Link} from '@/i18n/navigation'
import {currentVersionNumber, upcomingVersions} from '@/lib/policy/periods'
import type {Language, Localized} from '@/lib/policy/types'
import {useDateFormats} from './formatDates'

export interface PublishedVersion {
  number: number
  /** YYYY-MM-DD */
  effectiveDate: string
  changeSummary: Localized<string> | null
}

interface UpcomingVersionsNoticeProps {
  /** Every published version. */
  published: readonly PublishedVersion[]
  /** Today (YYYY-MM-DD) on the site's clock (lib/clock.ts). */
  today: string
  language: Language
}

/**
 * Tells the reader of the version in force that a published version will replace it: when, what
 * changes, and the redline from the version in force to it. Built from the published versions
 * and the site's clock, so the notice is gone from every cache at 00:00 in Québec on the day
 * (lib/delivery/freshness.ts); nothing when no version is to come.
 */
export function UpcomingVersionsNotice({published, today, language}: UpcomingVersionsNoticeProps) {
  const t = useTranslations('Upcoming')
  const dates = useDateFormats()
  const inForce = currentVersionNumber([...published], today)
  const versions = upcomingVersions(published, today)
  if (inForce === undefined || versions.length === 0) return null
  return (
    <div className="upcoming-notice" role="note" aria-label={t('label')}>
      {versions.map((version) => {
        const summary = version.changeSummary?.[language]
        return (
          <div key={version.number} className="upcoming-notice__version">
            <p className="upcoming-notice__title">
              {t('comesIntoForce', {
                number: version.number,
                date: dates.calendar(version.effectiveDate),
              })}
            </p>
            {summary && <p className="upcoming-notice__summary">{t('summary', {summary})}</p>}
            <p className="upcoming-notice__links">
              <Link
                href={{
                  pathname: '/privacy-policy/compare',
                  query: {from: String(inForce), to: String(version.number)},
                }}
              >
                {t('seeChanges', {number: version.number})}
              </Link>
              <Link
                href={{
                  pathname: '/privacy-policy/versions/[number]',
                  params: {number: String(version.number)},
                }}
              >
                {t('read', {number: version.number})}
              </Link>
            </p>
          </div>
        )
      })}
    </div>
  )
}
