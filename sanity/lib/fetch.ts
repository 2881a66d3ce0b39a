import 'server-only'
import path from 'node:path'
import {cache} from 'react'
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
import {advancedCheckpoint, rollbackFrom, withRollback} from '@/lib/policy/checkpoint'
import {CHECKPOINT_FILE_NAME, readCheckpoint, writeCheckpoint} from '@/lib/policy/checkpointFile'
import {canonicalSite} from '@/lib/policy/statements'
import {classifyVersions} from '@/lib/policy/versionShape'
import {env} from '@/lib/env'
import {VERSION_DOCUMENTS_QUERY} from './queries'
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
  /**
   * False when it does not verify: listed and flagged, never in force or announced
   * (lib/policy/periods.ts). When no version verifies at all, none is marked, so that readers get
   * the policy with the warning rather than nothing.
   */
  verified: boolean
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
 * The published history as the site reads it, once per request: every document that looks like a
 * version, sorted by the strict definition into versions and anomalies, verified (fingerprints,
 * chain, numbers, signatures, the site the statements name) and checked against the newest
 * history the site verified before (its checkpoint, kept outside the content source).
 */
export interface PolicyHistory {
  /** The well-formed published versions, oldest first, verified or not. */
  records: PolicyVersion[]
  /** The well-formed versions, newest first, each marked verified or not. */
  readable: VersionSummary[]
  verification: HistoryVerification
}

function summary(version: PolicyVersion, verified: boolean): VersionSummary {
  return {
    verified,
    _id: version._id,
    number: version.number!,
    effectiveDate: version.effectiveDate!,
    publishedAt: version.publishedAt ?? '',
    changeSummary: version.changeSummary ?? null,
  }
}

export const fetchHistory = cache(async (): Promise<PolicyHistory> => {
  const documents: object[] = await query(VERSION_DOCUMENTS_QUERY, {})
  const {siteUrl, siteDataDir} = env()
  const verification = verifyHistory(documents, trustedKeys(), {site: canonicalSite(siteUrl)})
  const records = classifyVersions(documents as PolicyVersion[]).versions
  const checked = withCheckpoint(verification, records, siteDataDir)
  const verified = new Set(
    checked.versions.filter((version) => version.verified).map((version) => version.number),
  )
  const noneVerifies = verified.size === 0
  const readable = records
    .map((record) => summary(record, noneVerifies || verified.has(record.number!)))
    .reverse()
  // Whatever is built from them is kept no later than the next effective date.
  noteVersions(readable, siteNow())
  return {records, readable, verification: checked}
})

/**
 * The history judged against the site's checkpoint (lib/policy/checkpoint.ts), which moves on
 * when the verified history extends it. A checkpoint that cannot be read or written is said in
 * the server's log and judged as none: pages keep verifying everything else.
 */
function withCheckpoint(
  verification: HistoryVerification,
  records: readonly PolicyVersion[],
  siteDataDir: string,
): HistoryVerification {
  const file = path.resolve(siteDataDir, CHECKPOINT_FILE_NAME)
  try {
    const checkpoint = readCheckpoint(file)
    const publishedAt = (number: number) =>
      records.find((record) => record.number === number)?.publishedAt ?? null
    const next = advancedCheckpoint(checkpoint, verification, publishedAt, siteNow())
    if (next && next !== checkpoint) writeCheckpoint(file, next)
    return withRollback(verification, rollbackFrom(next, verification))
  } catch (error) {
    console.error((error as Error).message)
    return verification
  }
}

/**
 * The version in force today: the highest verified version whose date has come. Chosen here
 * rather than in the query so that the cached queries do not change with the date: a page stays
 * servable from cache across midnight when the content source is down.
 */
export async function fetchCurrentVersion(): Promise<PolicyVersion | null> {
  const {readable} = await fetchHistory()
  const number = currentVersionNumber(readable, siteToday())
  return number === undefined ? null : fetchVersion(number)
}

/**
 * Every well-formed published version, newest first, including upcoming ones, each marked
 * verified or not (lib/policy/periods.ts keeps the unverified ones out of force).
 */
export async function fetchPublishedVersions(): Promise<VersionSummary[]> {
  return (await fetchHistory()).readable
}

/** A well-formed published version, by number; never a document that only looks like one. */
export async function fetchVersion(number: number): Promise<PolicyVersion | null> {
  const {records} = await fetchHistory()
  return records.find((record) => record.number === number) ?? null
}

/** Every well-formed published version with all it needs to be verified, oldest first. */
export async function fetchPublishedRecords(): Promise<PolicyVersion[]> {
  return (await fetchHistory()).records
}

/**
 * The whole published history verified: fingerprints, chain, numbers, signatures, anomalies and
 * rollback. Every public page, feed and JSON shows what this says. Recomputed for every request
 * from the (cached) content: a few hashes and signature checks per version, so that nothing
 * stale is ever shown as verified.
 */
export async function fetchHistoryVerification(): Promise<HistoryVerification> {
  return (await fetchHistory()).verification
}
