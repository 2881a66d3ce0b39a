/** The organisation is in Québec: a version comes into force at midnight there, not in UTC. */
export const ORGANISATION_TIME_ZONE = 'America/Toronto'

/** Today's date (YYYY-MM-DD) in the organisation's time zone. */
export function organisationToday(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ORGANISATION_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}

/**
 * A calendar date (YYYY-MM-DD) as midnight UTC. Format it with `timeZone: 'UTC'` so that the day
 * shown is the day stored, whatever the reader's or server's time zone.
 */
export function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`)
}

/** The zone's offset from UTC, in milliseconds, at an instant (negative west of Greenwich). */
function organisationOffsetMs(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ORGANISATION_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value)
  const wallClockAsUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return wallClockAsUtc - Math.floor(instant / 1000) * 1000
}

/**
 * The instant a calendar date (YYYY-MM-DD) begins in the organisation's time zone: when a version
 * with that effective date comes into force.
 */
export function organisationDayStart(isoDate: string): Date {
  const midnightUtc = Date.parse(`${isoDate}T00:00:00Z`)
  // The offset at the first guess can differ from the offset at the answer across a change of
  // daylight saving time; a second pass settles it.
  let instant = midnightUtc - organisationOffsetMs(midnightUtc)
  instant = midnightUtc - organisationOffsetMs(instant)
  return new Date(instant)
}

/**
 * A date as French writes the first day of a month, as an ordinal (« 1er février 2027 »), which
 * Intl does not. `locale` is a language ("fr") or a Studio locale ("fr-FR").
 */
export function withFrenchOrdinal(text: string, locale: string): string {
  return locale.split('-')[0] === 'fr' ? text.replace(/^1 /, '1er ') : text
}

/** A calendar date (YYYY-MM-DD) spelled out: « 1er février 2027 », "February 1, 2027". */
export function spelledOutDate(isoDate: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeZone: 'UTC'}).format(
    calendarDate(isoDate),
  )
  return withFrenchOrdinal(text, locale)
}
