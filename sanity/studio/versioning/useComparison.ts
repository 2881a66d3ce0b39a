import {useEffect, useMemo, useState} from 'react'
import {useClient, useCurrentLocale} from 'sanity'
import {comparePolicies, type PolicyComparison} from '../../../lib/diff'
import {checkCandidate, type CandidateIssue} from '../../../lib/policy/candidate'
import {ORGANISATION_TIME_ZONE, spelledOutDate, withFrenchOrdinal} from '../../../lib/policy/dates'
import type {PolicyContent} from '../../../lib/policy/types'
import {EMPTY_CONTENT, storedContent} from '../../../lib/policy/workflow'
import {studioSiteHosts} from '../links/siteHosts'
import {BASELINE_QUERY} from '../../lib/queries'
import {asDomain} from '../../lib/queryResult'
import {VERSIONING_API_VERSION} from './settings'

export type Baseline = PolicyContent & {number: number}

export interface VersionComparison {
  /** The published version compared with; null when none was published before. */
  baseline: Baseline | null
  content: PolicyContent
  comparison: PolicyComparison
  /** Translation drift: one language changed since the baseline, not the other. */
  drift: CandidateIssue[]
}

/**
 * What a version changes from the published version before it, with the site's own diff engine
 * (lib/diff), as legal reviews it and readers will see it.
 */
export function useComparison(version: Record<string, unknown> | null | undefined): {
  result?: VersionComparison
  failure?: string
} {
  const client = useClient({apiVersion: VERSIONING_API_VERSION})
  const before =
    version?.status === 'published' && typeof version.number === 'number' ? version.number : null
  const [baseline, setBaseline] = useState<Baseline | null | undefined>(undefined)
  const [failure, setFailure] = useState<string>()

  useEffect(() => {
    let cancelled = false
    client
      .fetch(BASELINE_QUERY, {before}, {perspective: 'raw'})
      .then((result) => {
        const found: Baseline | null = asDomain(result)
        if (!cancelled) setBaseline(found)
      })
      .catch((error: unknown) => !cancelled && setFailure(String(error)))
    return () => {
      cancelled = true
    }
  }, [client, before])

  const hasSections = Array.isArray(version?.sections)
  const content = useMemo(
    () => (version && hasSections ? storedContent(version) : undefined),
    [version, hasSections],
  )
  const result = useMemo(() => {
    if (!content || baseline === undefined) return undefined
    const compared = baseline ?? EMPTY_CONTENT
    return {
      baseline,
      content,
      comparison: comparePolicies(compared, content, {siteHosts: studioSiteHosts()}),
      drift: baseline
        ? checkCandidate(content, {lastPublished: baseline}).warnings.filter(
            (issue) => issue.code === 'translation-drift',
          )
        : [],
    }
  }, [baseline, content])
  return {result, failure}
}

/** Dates as the person reads them in the Studio's language. */
export function useDateFormats() {
  const locale = useCurrentLocale().id
  return useMemo(() => {
    const moment = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeZone: ORGANISATION_TIME_ZONE,
    })
    return {
      /** A calendar date (YYYY-MM-DD), as stored. */
      calendar: (value: unknown) =>
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? spelledOutDate(value, locale)
          : '',
      /** A moment (ISO date and time), on its day in Québec. */
      moment: (value: unknown) =>
        typeof value === 'string' && !Number.isNaN(Date.parse(value))
          ? withFrenchOrdinal(moment.format(new Date(value)), locale)
          : '',
    }
  }, [locale])
}

/**
 * When a step of the workflow was taken, to the minute, on the organisation's clock and in the
 * person's language: « 1er février 2027 à 14 h 03 », "February 1, 2027 at 2:03 PM".
 */
export function useMomentFormat(): (at: Date) => string {
  const locale = useCurrentLocale().id
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: ORGANISATION_TIME_ZONE,
    })
    return (at: Date) => withFrenchOrdinal(format.format(at), locale)
  }, [locale])
}
