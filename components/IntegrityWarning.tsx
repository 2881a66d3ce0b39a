import {useTranslations} from 'next-intl'
import type {HistoryVerification} from '@/lib/policy/verification'
import {useDateFormats} from './formatDates'

/**
 * Shown on every page, feed entry and JSON whenever the published history does not verify
 * (lib/policy/verification.ts): each version that does not verify and why, the numbers missing,
 * every document that poses as a version without being one, and a history rolled back behind the
 * newest one the site verified (lib/policy/checkpoint.ts); nothing when everything verifies.
 */
export function IntegrityWarning({history}: {history: HistoryVerification}) {
  const t = useTranslations('Integrity')
  const dates = useDateFormats()
  if (history.verified) return null
  const {rollback, missing, anomalies} = history
  const failing = history.versions.filter((verification) => !verification.verified)
  return (
    <div className="integrity-warning" role="alert">
      <p className="integrity-warning__title">{t('title')}</p>
      {rollback && (
        <p>
          {rollback.publishedAt
            ? t('rollback', {number: rollback.number, date: dates.moment(rollback.publishedAt)})
            : t('rollbackUndated', {number: rollback.number})}
        </p>
      )}
      {missing.length > 0 && (
        <p>{t('missing', {count: missing.length, numbers: missing.join(', ')})}</p>
      )}
      {anomalies.map((anomaly) => (
        <p key={anomaly.id}>
          {t('anomaly', {id: anomaly.id})} {t(`anomalies.${anomaly.reason}`)}
        </p>
      ))}
      {failing.map((verification) => (
        <div key={verification.number}>
          <p>{t('doesNotVerify', {number: verification.number})}</p>
          <ul>
            {verification.problems.map((problem) => (
              <li key={problem.code}>{t(`problems.${problem.code}`)}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  )
}
