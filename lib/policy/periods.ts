/**
 * When each published version is, was or will be in force. On any day the version in force is the
 * highest-numbered verified version whose effective date has arrived; everything here follows
 * from that rule. A version that does not verify is never in force, never announced and replaces
 * nothing (docs/decisions/0016-history-fails-closed.md).
 */

export interface DatedVersion {
  number: number
  /** YYYY-MM-DD */
  effectiveDate: string
  /** False for a version whose signatures or chain do not verify. */
  verified?: boolean
}

function trusted<T extends DatedVersion>(versions: readonly T[]): T[] {
  return versions.filter((version) => version.verified !== false)
}

export type VersionPeriod =
  /** In force today, since `from`. */
  | {state: 'current'; from: string}
  /** Was in force from `from` to `to` inclusive. */
  | {state: 'past'; from: string; to: string}
  /** Will come into force on `from` unless a later version replaces it first. */
  | {state: 'upcoming'; from: string}
  /** Replaced by a later version before its effective date came: never in force. */
  | {state: 'never'}

/** The day before an ISO date, as an ISO date. */
export function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}

/** The period of every version, keyed by number, as seen on `today` (YYYY-MM-DD). */
export function versionPeriods(
  versions: DatedVersion[],
  today: string,
): Map<number, VersionPeriod> {
  const periods = new Map<number, VersionPeriod>()
  const considered = trusted(versions)
  for (const version of versions) {
    if (version.verified === false) {
      periods.set(version.number, {state: 'never'})
      continue
    }
    const later = considered.filter((other) => other.number > version.number)
    if (later.some((other) => other.effectiveDate <= version.effectiveDate)) {
      periods.set(version.number, {state: 'never'})
      continue
    }
    if (version.effectiveDate > today) {
      periods.set(version.number, {state: 'upcoming', from: version.effectiveDate})
      continue
    }
    // Replaced on the earliest date a later version takes effect, if that date has come.
    const replacedOn = later
      .map((other) => other.effectiveDate)
      .filter((date) => date <= today)
      .sort()[0]
    periods.set(
      version.number,
      replacedOn
        ? {state: 'past', from: version.effectiveDate, to: dayBefore(replacedOn)}
        : {state: 'current', from: version.effectiveDate},
    )
  }
  return periods
}

/** The number of the version in force on `today`, if any. */
export function currentVersionNumber(
  versions: readonly DatedVersion[],
  today: string,
): number | undefined {
  const inForce = trusted(versions).filter((version) => version.effectiveDate <= today)
  return inForce.length ? Math.max(...inForce.map((version) => version.number)) : undefined
}

/**
 * The published versions still to come into force on `today`, soonest first: those a reader of
 * the version in force is told about. A version replaced before its day is not among them.
 */
export function upcomingVersions<T extends DatedVersion>(
  versions: readonly T[],
  today: string,
): T[] {
  const periods = versionPeriods([...versions], today)
  return versions
    .filter((version) => periods.get(version.number)?.state === 'upcoming')
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.number - b.number)
}
