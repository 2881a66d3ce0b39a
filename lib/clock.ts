/**
 * The site's clock: the one source of "now" for everything on the site that depends on the date
 * (which version is in force, which versions are announced as upcoming, the periods in the
 * history and the feeds) and for how long anything built from them may be kept
 * (lib/delivery/freshness.ts, scripts/serve.ts), so that all of them change together.
 *
 * It is the system's clock. Tests move it with TEST_CLOCK_FILE (lib/env, refused by a
 * production server unless ALLOW_TEST_CLOCK=1): the file holds an ISO 8601 instant, which the
 * clock shows at the moment the file was written, and runs on from there at the normal pace;
 * writing the file again moves the clock, and a missing or empty file leaves the system's clock.
 * The site's server and Next's bundles each load their own copy of this module: the file, not
 * the module, holds the setting, so both always agree.
 */
import {readFileSync, statSync} from 'node:fs'
import {env} from './env'
import {organisationToday} from './policy/dates'

/** The file last read, known by its inode and modification time, and how far it moves the clock. */
let lastRead: {version: string; offsetMs: number} | undefined

/** How far the test clock file moves the clock from the system's, in milliseconds. */
function offsetFrom(path: string): number {
  let modifiedMs: number
  let version: string
  try {
    const stats = statSync(path)
    modifiedMs = stats.mtimeMs
    version = `${path}:${stats.ino}:${modifiedMs}`
  } catch {
    return 0
  }
  if (lastRead?.version === version) return lastRead.offsetMs
  const text = readFileSync(path, 'utf8').trim()
  if (text === '') return 0
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN
  if (Number.isNaN(instant)) {
    throw new Error(
      `${path} (TEST_CLOCK_FILE) must hold an instant such as 2027-01-15T05:00:00Z (got "${text}").`,
    )
  }
  // The file system's clock is coarser than Date.now() and may run a few milliseconds ahead of
  // it: the clock never shows a moment before the instant set.
  lastRead = {version, offsetMs: instant - Math.min(modifiedMs, Date.now())}
  return lastRead.offsetMs
}

/** Now, on the site's clock. */
export function siteNow(): Date {
  const path = env().testClockFile
  return new Date(path === undefined ? Date.now() : Date.now() + offsetFrom(path))
}

/** Today's date (YYYY-MM-DD) in the organisation's time zone, on the site's clock. */
export function siteToday(): string {
  return organisationToday(siteNow())
}
