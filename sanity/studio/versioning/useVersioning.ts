import {useEffect, useMemo, useState} from 'react'
import {map, shareReplay, type Observable} from 'rxjs'
import {useDocumentStore, useTranslation, type DocumentStore} from 'sanity'
import {
  candidateStaleness,
  stalenessSummary,
  workingChanges,
  type Staleness,
  type WorkingChanges,
  type WorkingDocuments,
} from '../../../lib/policy/workflow'
import {VERSIONING_NAMESPACE} from './i18n'
import type {WORKING_QUERY_RESULT} from '../../../sanity.types'
import {POLICY_DOCUMENTS_LISTEN, WORKING_QUERY} from '../../lib/queries'
import {asDomain} from '../../lib/queryResult'

/** The workflow's words, in the person's language. */
export function useVersioningT() {
  return useTranslation(VERSIONING_NAMESPACE).t
}

interface WorkingState extends WorkingDocuments {
  /** What a version prepared now would change, against the latest published version. */
  changes: WorkingChanges
}

// One listener for the whole Studio, however many actions, badges and list items read it: each
// section's mark in the desk reads the same state, counted once per change.
const workingStates = new WeakMap<DocumentStore, Observable<WorkingState>>()

function workingState(documentStore: DocumentStore): Observable<WorkingState> {
  let state = workingStates.get(documentStore)
  if (!state) {
    state = documentStore
      .listenQuery(
        {fetch: WORKING_QUERY, listen: POLICY_DOCUMENTS_LISTEN},
        {},
        {perspective: 'raw', tag: 'versioning.working'},
      )
      .pipe(
        map((result: WORKING_QUERY_RESULT) => {
          const working: WorkingDocuments & {latest: object | null} = asDomain(result)
          return {
            policy: working.policy,
            sections: working.sections,
            changes: workingChanges(working.latest, working),
          }
        }),
        shareReplay({bufferSize: 1, refCount: true}),
      )
    workingStates.set(documentStore, state)
  }
  return state
}

/** The working text and its changes, kept current; nothing while `enabled` is false or it loads. */
function useWorkingState(enabled = true): WorkingState | undefined {
  const documentStore = useDocumentStore()
  const [state, setState] = useState<WorkingState>()
  useEffect(() => {
    if (!enabled) return
    const subscription = workingState(documentStore).subscribe(setState)
    return () => subscription.unsubscribe()
  }, [documentStore, enabled])
  return enabled ? state : undefined
}

/**
 * What the published policy and sections change since the latest published version: what the
 * next version would hold that readers do not have yet. Undefined while it loads.
 */
export function useWorkingChanges(): WorkingChanges | undefined {
  return useWorkingState()?.changes
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
