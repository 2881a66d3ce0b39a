/**
 * How long anything built from the published versions may be kept: never past the moment the
 * versions themselves change what a reader sees without anyone publishing, which is 00:00 in
 * Québec on the next effective date still to come (a version comes into force, the one before it
 * leaves, an announcement of it stops being news). Every cache (the site's own, a shared cache or
 * CDN in front, a browser) takes its lifetime from `freshUntil`, so that a version becomes the
 * page in force at midnight through all of them.
 */
import {organisationDayStart, organisationToday} from '../policy/dates'
import type {DatedVersion} from '../policy/periods'

/**
 * The start of the earliest effective date after today (in the organisation's time zone), or
 * `undefined` when no published version is still to come. `now` is the site's clock
 * (lib/clock.ts), the same that chooses the version in force.
 */
export function nextEffectiveChange(
  versions: readonly DatedVersion[],
  now: Date,
): Date | undefined {
  const today = organisationToday(now)
  const upcoming = versions
    .map((version) => version.effectiveDate)
    .filter((date) => date > today)
    .sort()[0]
  return upcoming === undefined ? undefined : organisationDayStart(upcoming)
}

/**
 * The instant until which a response built now may be served as fresh: `maxAgeSeconds` from now,
 * cut short by the next effective date.
 */
export function freshUntil(
  nextChange: Date | undefined,
  now: number,
  maxAgeSeconds: number,
): number {
  const limit = now + maxAgeSeconds * 1000
  return nextChange && nextChange.getTime() > now ? Math.min(limit, nextChange.getTime()) : limit
}
