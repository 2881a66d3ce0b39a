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
