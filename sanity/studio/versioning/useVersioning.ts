import {useEffect, useMemo, useState} from 'react'
import {useDocumentStore, useTranslation} from 'sanity'
import type {PolicyDocument, PolicySectionDocument} from '../../../lib/policy/candidate'
import {candidateStaleness, stalenessSummary, type Staleness} from '../../../lib/policy/workflow'
import {VERSIONING_NAMESPACE} from './i18n'

/** The workflow's words, in the person's language. */
export function useVersioningT() {
  return useTranslation(VERSIONING_NAMESPACE).t
}

interface WorkingState {
  policy: PolicyDocument | null
  sections: PolicySectionDocument[]
}

/** The published policy and sections, kept current: what a candidate is prepared from. */
const WORKING_QUERY = /* groq */ `{
  "policy": *[_id == "policy"][0]{title, organisationName, introduction, sections},
  "sections": *[_type == "policySection" && !(_id in path("drafts.**"))]{_id, key, title, body}
}`
const WORKING_LISTEN = /* groq */ `*[_type in ["policy", "policySection"]]`

/** The query results, kept current by the Studio's listener; nothing while `enabled` is false. */
function useListenQuery<T>(fetch: string, listen: string, enabled: boolean): T | undefined {
  const documentStore = useDocumentStore()
  const [state, setState] = useState<T>()
  useEffect(() => {
    if (!enabled) return
    const subscription = documentStore
      .listenQuery({fetch, listen}, {}, {perspective: 'raw', tag: 'versioning.listen'})
      .subscribe((next: T) => setState(next))
    return () => subscription.unsubscribe()
  }, [documentStore, fetch, listen, enabled])
  return state
}

export function useWorkingState(enabled = true): WorkingState | undefined {
  return useListenQuery<WorkingState>(WORKING_QUERY, WORKING_LISTEN, enabled)
}

/**
 * Whether a candidate still matches the working text it was prepared from, and which sections
 * moved since; undefined for a published version, or while the working text loads.
 */
export function useStaleness(
  version: Record<string, unknown> | null | undefined,
): (Staleness & {summary: string}) | undefined {
  const working = useWorkingState(!!version && version.status !== 'published')
  return useMemo(() => {
    if (!version || !working || version.status === 'published') return undefined
    const staleness = candidateStaleness(version, working)
    return {...staleness, summary: stalenessSummary(staleness)}
  }, [version, working])
}
