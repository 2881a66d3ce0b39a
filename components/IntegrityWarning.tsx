import {useTranslations} from 'next-intl'
import type {VersionVerification} from '@/lib/policy/verification'

/**
 * Shown wherever a version that does not verify appears (lib/policy/verification.ts), and where
 * versions are missing from the history; nothing when everything verifies. A version the site
 * cannot verify is never shown as signed.
 */
export function IntegrityWarning({
  verifications = [],
  missing = [],
}: {
  /** The versions shown on the page, as verified. */
  verifications?: readonly (VersionVerification | undefined)[]
  /** Numbers missing from the published history. */
  missing?: readonly number[]
}) {
  const t = useTranslations('Integrity')
  const failing = verifications.filter(
    (verification): verification is VersionVerification => !!verification && !verification.verified,
  )
  if (failing.length === 0 && missing.length === 0) return null
  return (
    <div className="integrity-warning" role="alert">
      <p className="integrity-warning__title">{t('title')}</p>
      {missing.length > 0 && (
        <p>{t('missing', {count: missing.length, numbers: missing.join(', ')})}</p>
      )}
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
