import {useTranslations} from 'next-intl'
import {Link} from '@/i18n/navigation'
import type {VersionPeriod} from '@/lib/policy/periods'
import {shortFingerprint} from '@/lib/policy/record'
import type {VersionVerification} from '@/lib/policy/verification'
import type {Language, Localized} from '@/lib/policy/types'
import {useDateFormats} from './formatDates'
import {PeriodText} from './PeriodText'

export interface HistoryEntry {
  number: number
  effectiveDate: string
  publishedAt: string
  changeSummary: Localized<string> | null
  period: VersionPeriod
  /** The published version before this one, if any. */
  previous?: number
  /** What the site's check of the history found for this version. */
  verification?: VersionVerification
}

/** Every published version, newest first, with when it was in force and what changed. */
export function VersionHistory({entries, language}: {entries: HistoryEntry[]; language: Language}) {
  const t = useTranslations('History')
  const dates = useDateFormats()
  if (!entries.length) return <p>{t('empty')}</p>

  return (
    <ol className="history" reversed>
      {entries.map((entry) => {
        const {previous} = entry
        return (
          <li
            key={entry.number}
            className="history__entry"
            aria-labelledby={`version-${entry.number}`}
          >
            <h2 id={`version-${entry.number}`} className="history__title">
              {t('versionTitle', {number: entry.number})}
              {entry.period.state === 'current' && (
                <span className="badge badge--current">{t('current')}</span>
              )}
              {entry.period.state === 'upcoming' && (
                <span className="badge badge--upcoming">{t('upcoming')}</span>
              )}
            </h2>
            <p className="history__period">
              <PeriodText period={entry.period} />
            </p>
            <p className="history__published">
              {t('publishedOn', {date: dates.moment(entry.publishedAt)})}
            </p>
            {entry.verification && <Fingerprint verification={entry.verification} />}
            {entry.changeSummary?.[language] && (
              <>
                <h3 className="history__summary-title">{t('changeSummary')}</h3>
                <p className="history__summary">{entry.changeSummary[language]}</p>
              </>
            )}
            <ul className="history__actions">
              <li>
                <Link
                  href={{
                    pathname: '/privacy-policy/versions/[number]',
                    params: {number: String(entry.number)},
                  }}
                >
                  {t('read', {number: entry.number})}
                </Link>
              </li>
              {previous !== undefined && (
                <li>
                  <Link
                    href={{
                      pathname: '/privacy-policy/compare',
                      query: {from: previous, to: entry.number},
                    }}
                  >
                    {t('compareWithPrevious', {previous})}
                  </Link>
                </li>
              )}
            </ul>
          </li>
        )
      })}
    </ol>
  )
}

/** A version's fingerprint in short form, whether it verifies, and where to check it. */
function Fingerprint({verification}: {verification: VersionVerification}) {
  const t = useTranslations('History')
  const fingerprint = verification.fingerprint ?? verification.recomputed
  return (
    <p className="history__fingerprint">
      <span title={t('fingerprintHelp')}>
        {t.rich('fingerprint', {
          fingerprint: shortFingerprint(fingerprint),
          code: (chunks) => <code>{chunks}</code>,
        })}
      </span>{' '}
      <span className={verification.verified ? 'badge badge--verified' : 'badge badge--unverified'}>
        {verification.verified ? t('verified') : t('notVerified')}
      </span>{' '}
      <a href={`/api/versions/${verification.number}`} type="application/json">
        {t('json', {number: verification.number})}
      </a>
    </p>
  )
}
