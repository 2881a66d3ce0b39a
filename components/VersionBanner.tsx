import {useTranslations} from 'next-intl'
import {Link} from '@/i18n/navigation'
import type {VersionPeriod} from '@/lib/policy/periods'
import {periodDates, useDateFormats} from './formatDates'

const BANNERS = {
  current: 'currentBanner',
  past: 'archivedBanner',
  upcoming: 'upcomingBanner',
  never: 'neverBanner',
} as const

/** Tells the reader of an archived or upcoming version which version is the one in force. */
export function VersionBanner({period}: {period: VersionPeriod}) {
  const t = useTranslations('Version')
  const dates = useDateFormats()
  const message = t(BANNERS[period.state], periodDates(period, dates))

  return (
    <div className={`version-banner version-banner--${period.state}`} role="note">
      <p>{message}</p>
      <p className="version-banner__links">
        {period.state !== 'current' && <Link href="/privacy-policy">{t('readCurrent')}</Link>}
        <Link href="/privacy-policy/history">{t('history')}</Link>
      </p>
    </div>
  )
}
