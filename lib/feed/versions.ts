import type {VersionPeriod} from '../policy/periods'
import type {HistoryVerification} from '../policy/verification'
import type {Language, Localized} from '../policy/types'

/** What the notifications say about a published version. */
export interface PublishedVersion {
  number: number
  /** YYYY-MM-DD */
  effectiveDate: string
  publishedAt: string
  changeSummary: Localized<string> | null
}

/**
 * For each version, the published version just before it, to compare it with. Numbers can skip
 * (a candidate that was never published keeps its number), so this is not always `number - 1`.
 */
export function previousVersions(versions: readonly {number: number}[]): Map<number, number> {
  const numbers = [...new Set(versions.map((version) => version.number))].sort((a, b) => a - b)
  const previous = new Map<number, number>()
  numbers.forEach((number, i) => {
    const before = numbers[i - 1]
    if (before !== undefined) previous.set(number, before)
  })
  return previous
}

/** Absolute addresses of a version, in one language. */
export interface VersionAddresses {
  /** The version as published. */
  version: string
  /** Its changes from the previous version; absent for the first. */
  changes?: string
}

export interface VersionListItem {
  number: number
  effectiveDate: string
  publishedAt: string
  /** When the version is, was or will be in force, as seen today. */
  period: VersionPeriod
  changeSummary: Localized<string> | null
  /** The version it is compared with, if any. */
  previous: number | null
  links: Localized<VersionAddresses>
  /** Its fingerprint, and whether the site's check of the history found it intact. */
  fingerprint: string | null
  verification: {verified: boolean; problems: string[]}
  /** Its whole record, to verify it (`npm run verify`). */
  json: string
}

export interface VersionList {
  /** The version in force today, if any. */
  current: number | null
  versions: VersionListItem[]
  feeds: Localized<string>
  /** True when every version verifies and none is missing. */
  verified: boolean
  /** Numbers missing from the history. */
  missing: number[]
  /** Documents that pose as versions without being ones (lib/policy/versionShape.ts). */
  anomalies: HistoryVerification['anomalies']
  /** The version the history was rolled back behind, if it was (lib/policy/checkpoint.ts). */
  rollback: HistoryVerification['rollback'] | null
  /** The public keys the versions are signed with. */
  signingKeys: string
}

export interface VersionListInput {
  versions: readonly PublishedVersion[]
  periods: ReadonlyMap<number, VersionPeriod>
  /** The absolute addresses of a version in a language, given the version it follows. */
  addresses(number: number, previous: number | undefined, language: Language): VersionAddresses
  feeds: Localized<string>
  verification: HistoryVerification
  /** The absolute address of a version's JSON, and of the signing keys. */
  json(number: number): string
  signingKeys: string
}

/** The machine-readable list of published versions, newest first. */
export function versionList({
  versions,
  periods,
  addresses,
  feeds,
  verification,
  json,
  signingKeys,
}: VersionListInput): VersionList {
  const previous = previousVersions(versions)
  const items = [...versions]
    .sort((a, b) => b.number - a.number)
    .map((version): VersionListItem => {
      const before = previous.get(version.number)
      const verified = verification.versions.find((item) => item.number === version.number)
      return {
        number: version.number,
        effectiveDate: version.effectiveDate,
        publishedAt: version.publishedAt,
        period: periods.get(version.number) ?? {state: 'never'},
        changeSummary: version.changeSummary,
        previous: before ?? null,
        links: {
          fr: addresses(version.number, before, 'fr'),
          en: addresses(version.number, before, 'en'),
        },
        fingerprint: verified?.fingerprint ?? null,
        verification: {
          verified: verified?.verified ?? false,
          problems: verified?.problems.map((problem) => problem.code) ?? [],
        },
        json: json(version.number),
      }
    })
  const current = items.find((item) => item.period.state === 'current')
  return {
    current: current?.number ?? null,
    versions: items,
    feeds,
    verified: verification.verified,
    missing: verification.missing,
    anomalies: verification.anomalies,
    rollback: verification.rollback ?? null,
    signingKeys,
  }
}
