import 'server-only'
import type {PolicyVersion, Localized} from '@/lib/policy/types'
import {organisationToday} from '@/lib/policy/dates'
import {client} from './client'
import {CURRENT_VERSION_QUERY, PUBLISHED_VERSIONS_QUERY, VERSION_BY_NUMBER_QUERY} from './queries'

/** Cache tag of everything rendered from policy versions; the revalidation webhook expires it. */
export const POLICY_CACHE_TAG = 'policy'

/**
 * Cached pages are refreshed at least this often, so that a version whose effective date arrives
 * becomes current with nobody acting.
 */
export const REVALIDATE_SECONDS = 60

export interface VersionSummary {
  _id: string
  number: number
  effectiveDate: string
  publishedAt: string
  changeSummary: Localized<string> | null
}

const cacheOptions = {next: {revalidate: REVALIDATE_SECONDS, tags: [POLICY_CACHE_TAG]}}

export function fetchCurrentVersion(): Promise<PolicyVersion | null> {
  return client.fetch<PolicyVersion | null>(
    CURRENT_VERSION_QUERY,
    {today: organisationToday()},
    cacheOptions,
  )
}

export function fetchPublishedVersions(): Promise<VersionSummary[]> {
  return client.fetch<VersionSummary[]>(PUBLISHED_VERSIONS_QUERY, {}, cacheOptions)
}

export function fetchVersion(number: number): Promise<PolicyVersion | null> {
  return client.fetch<PolicyVersion | null>(VERSION_BY_NUMBER_QUERY, {number}, cacheOptions)
}
