import 'server-only'
import {headers} from 'next/headers'
import {redirect} from 'next/navigation'
import {noteVersions} from '@/lib/delivery/contentState'
import {markUnavailable, REQUEST_PATH_HEADER} from '@/lib/delivery/unavailablePages'
import {siteNow, siteToday} from '@/lib/clock'
import {currentVersionNumber} from '@/lib/policy/periods'
import type {Localized, PolicyVersion} from '@/lib/policy/types'
import type {ClientReturn} from '@sanity/client'
import {client} from './client'
import {verifyHistory, type HistoryVerification} from '@/lib/policy/verification'
import {PUBLISHED_RECORDS_QUERY, PUBLISHED_VERSIONS_QUERY, VERSION_BY_NUMBER_QUERY} from './queries'
import {asDomain} from './queryResult'
import {trustedKeys} from './signingKeys'

/** Cache tag of everything read from policy versions; the revalidation webhook expires it. */
export const POLICY_CACHE_TAG = 'policy'

/**
 * Cached content is refreshed at least this often, so that a version whose effective date arrives
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

/** The content source did not answer (stopped, slow or failing): not the reader's fault. */
export class ContentUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The policy content could not be loaded', {cause})
    this.name = 'ContentUnavailableError'
  }
}

const cacheOptions = {next: {revalidate: REVALIDATE_SECONDS, tags: [POLICY_CACHE_TAG]}}

/**
 * Statuses that mean the content source cannot serve now, though the query is fine: Sanity's
 * rate limit (429) and a project over its plan's quota (402). Like an outage, they are answered
 * from cache, or with a 503 and Retry-After.
 */
const UNAVAILABLE_STATUSES = new Set([402, 429])

async function query<const Query extends string>(
  groq: Query,
  params: Record<string, unknown>,
): Promise<ClientReturn<Query>> {
  try {
    return await client.fetch(groq, params, cacheOptions)
  } catch (error) {
    // A query the lake refuses (4xx) is a bug to see; anything else means it is out of reach.
    const status = (error as {statusCode?: number}).statusCode
    if (status !== undefined && status >= 400 && status < 500 && !UNAVAILABLE_STATUSES.has(status))
      throw error
    throw new ContentUnavailableError(error)
  }
}

/**
 * Runs a page's data loading. When the content source is out of reach and nothing is cached, the
 * address is marked and the browser sent to it again, to be answered with a localized 503 and
 * Retry-After by the proxy (see lib/delivery/unavailablePages.ts) rather than a 500.
 */
export async function loadContent<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (!(error instanceof ContentUnavailableError)) throw error
    const path = (await headers()).get(REQUEST_PATH_HEADER)
    if (!path) throw error
    markUnavailable(path)
    redirect(path)
  }
}

/**
 * The version in force today. Chosen here rather than in the query so that the cached queries do
 * not change with the date: a page stays servable from cache across midnight when the content
 * source is down.
 */
export async function fetchCurrentVersion(): Promise<PolicyVersion | null> {
  const number = currentVersionNumber(await fetchPublishedVersions(), siteToday())
  return number === undefined ? null : fetchVersion(number)
}

export async function fetchPublishedVersions(): Promise<VersionSummary[]> {
  const versions: VersionSummary[] = asDomain(await query(PUBLISHED_VERSIONS_QUERY, {}))
  // Whatever is built from them is kept no later than the next effective date.
  noteVersions(versions, siteNow())
  return versions
}

export async function fetchVersion(number: number): Promise<PolicyVersion | null> {
  return asDomain(await query(VERSION_BY_NUMBER_QUERY, {number}))
}

/** Every published version with all it needs to be verified, oldest first. */
export async function fetchPublishedRecords(): Promise<PolicyVersion[]> {
  return asDomain(await query(PUBLISHED_RECORDS_QUERY, {}))
}

/**
 * The whole published history verified: fingerprints, chain, numbers, signatures. Every public
 * page, feed and JSON shows what this says. Recomputed on every use from the (cached) content:
 * a few hashes and signature checks per version, so that nothing stale is ever shown as verified.
 */
export async function fetchHistoryVerification(): Promise<HistoryVerification> {
  return verifyHistory(await fetchPublishedRecords(), trustedKeys())
}
