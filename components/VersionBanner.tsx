import {useTranslations} from 'next-intl'
import {Link} from '@/i18n/navigation'
import type {VersionPeriod} from '@/lib/policy/periods'
import {useDateFormats} from './formatDates'

/** Tells the reader of an archived or upcoming version which version is the one in force. */
export function VersionBanner({period}: {period: VersionPeriod}) {
  const t = useTranslations('Version')
  const dates = useDateFormats()
  const message = (() => {
    switch (period.state) {
      case 'current':
        return t('currentBanner')
      case 'past':
        return t('archivedBanner', {
          from: dates.calendar(period.from),
          to: dates.calendar(period.to),
        })
      case 'upcoming':
        return t('upcomingBanner', {from: dates.calendar(period.from)})
      case 'never':
        return t('neverBanner')
    }
  })()

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
