import {useFormatter, useLocale} from 'next-intl'
import {calendarDate, withFrenchOrdinal} from '@/lib/policy/dates'
import type {VersionPeriod} from '@/lib/policy/periods'

type Formatter = ReturnType<typeof useFormatter>

export interface DateFormats {
  /** A calendar date (effective dates): "1er octobre 2026", "October 1, 2026". */
  calendar(isoDate: string): string
  /** A moment (publication times), as a date in the organisation's time zone. */
  moment(isoDateTime: string): string
}

export function dateFormats(format: Formatter, locale: string): DateFormats {
  return {
    calendar: (isoDate) =>
      withFrenchOrdinal(
        format.dateTime(calendarDate(isoDate), {dateStyle: 'long', timeZone: 'UTC'}),
        locale,
      ),
    moment: (isoDateTime) =>
      withFrenchOrdinal(format.dateTime(new Date(isoDateTime), {dateStyle: 'long'}), locale),
  }
}

/** The dates a sentence about a version's period names, formatted for the reader. */
export function periodDates(
  period: VersionPeriod,
  dates: DateFormats,
): {from?: string; to?: string} {
  return {
    ...('from' in period ? {from: dates.calendar(period.from)} : {}),
    ...('to' in period ? {to: dates.calendar(period.to)} : {}),
  }
}

export function useDateFormats(): DateFormats {
  return dateFormats(useFormatter(), useLocale())
}
