import {useTranslations} from 'next-intl'
import type {IntegrityStatus} from '@/lib/policy/integrity'

/** Shown when a version is no longer exactly what legal approved; nothing when it is. */
export function IntegrityWarning({status}: {status: IntegrityStatus}) {
  const t = useTranslations('Integrity')
  if (status === 'verified') return null
  return (
    <div className="integrity-warning" role="alert">
      <p className="integrity-warning__title">{t('title')}</p>
      <p>{t(status)}</p>
    </div>
  )
}
