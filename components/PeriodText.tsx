import {useTranslations} from 'next-intl'
import type {VersionPeriod} from '@/lib/policy/periods'
import {useDateFormats} from './formatDates'

/** "In force from … to …", "In force since …", "Comes into force on …". */
export function PeriodText({period}: {period: VersionPeriod}) {
  const t = useTranslations('History')
  const dates = useDateFormats()
  switch (period.state) {
    case 'current':
      return t('periodCurrent', {from: dates.calendar(period.from)})
    case 'past':
      return t('periodPast', {
        from: dates.calendar(period.from),
        to: dates.calendar(period.to),
      })
    case 'upcoming':
      return t('periodUpcoming', {from: dates.calendar(period.from)})
    case 'never':
      return t('periodNever')
  }
}
