import {useTranslations} from 'next-intl'
import type {VersionPeriod} from '@/lib/policy/periods'
import {periodDates, useDateFormats} from './formatDates'

/** "In force from … to …", "In force since …", "Comes into force on …". */
export function PeriodText({period}: {period: VersionPeriod}) {
  const t = useTranslations('History')
  const dates = useDateFormats()
  return t(PERIOD_SENTENCES[period.state], periodDates(period, dates))
}

const PERIOD_SENTENCES = {
  current: 'periodCurrent',
  past: 'periodPast',
  upcoming: 'periodUpcoming',
  never: 'periodNever',
} as const
