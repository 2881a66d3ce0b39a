import {ArchiveIcon} from '@sanity/icons/Archive'
import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {map, type Observable} from 'rxjs'
import type {ListBuilder, StructureBuilder, StructureResolverContext} from 'sanity/structure'
import type {PolicyDocument, PolicySectionDocument} from '../../../lib/policy/candidate'
import {calendarDate, organisationToday} from '../../../lib/policy/dates'
import {isDraftId, publishedId} from '../../../lib/policy/documentIds'
import {candidateStaleness, stalenessSummary} from '../../../lib/policy/workflow'
import type {VERSIONS_QUERY_RESULT} from '../../../sanity.types'
import {POLICY_DOCUMENTS_LISTEN, VERSIONS_QUERY} from '../../lib/queries'
import {asDomain} from '../../lib/queryResult'
import {VERSIONING_NAMESPACE} from './i18n'

/**
 * The desk's versions: what waits for a legal reviewer, in a list of its own so she sees it at a
 * glance, and every version, newest first. Each is named in the person's language with its
 * status and date, upcoming when its date has not come, and, for a candidate, out of date (with
 * the sections) when the policy changed after it was prepared. Versions come from the policy by
 * the workflow, never from a blank form.
 */

interface ListedVersion {
  _id: string
  status?: string
  number?: number
  effectiveDate?: string
}

interface VersionsState {
  versions: ListedVersion[]
  open: Record<string, unknown> | null
  policy: PolicyDocument | null
  sections: PolicySectionDocument[]
}

function versionsList(
  S: StructureBuilder,
  context: StructureResolverContext,
  options: {id: string; title: string; awaitingReview: boolean},
): Observable<ListBuilder> {
  const t = (key: string, values: Record<string, unknown> = {}) =>
    context.i18n.t(key, {ns: VERSIONING_NAMESPACE, ...values})
  const day = new Intl.DateTimeFormat(context.i18n.currentLocale.id, {
    dateStyle: 'long',
    timeZone: 'UTC',
  })
  const date = (value: string) => day.format(calendarDate(value))
  return context.documentStore
    .listenQuery(
      {fetch: VERSIONS_QUERY, listen: POLICY_DOCUMENTS_LISTEN},
      {},
      {perspective: 'raw', tag: 'versioning.structure'},
    )
    .pipe(
      map((result: VERSIONS_QUERY_RESULT) => {
        const state: VersionsState = asDomain(result)
        const today = organisationToday()
        const staleness = state.open ? candidateStaleness(state.open, state) : undefined
        // A draft and its published document are one version; candidates first, then newest.
        const byId = new Map<string, ListedVersion>()
        for (const version of state.versions) {
          const id = publishedId(version._id)
          if (!byId.has(id) || isDraftId(version._id)) byId.set(id, version)
        }
        const versions = [...byId.entries()]
          .filter(([, version]) => !options.awaitingReview || version.status === 'candidate')
          .sort(([, a], [, b]) => (b.number ?? 0) - (a.number ?? 0))
        return S.list()
          .id(options.id)
          .title(options.title)
          .items(
            versions.map(([id, version]) => {
              const open = version.status === 'candidate' || version.status === 'approved'
              const number = version.number ?? 0
              const when = version.effectiveDate
                ? open
                  ? t('preview.proposedFor', {date: date(version.effectiveDate)})
                  : version.effectiveDate > today
                    ? t('preview.upcoming', {date: date(version.effectiveDate)})
                    : t('preview.inForceFrom', {date: date(version.effectiveDate)})
                : undefined
              const stale =
                open && staleness?.stale
                  ? t('preview.stale', {sections: stalenessSummary(staleness)})
                  : undefined
              const title = [
                t(open ? 'preview.candidate' : 'preview.version', {number}),
                version.status ? t(`status.${version.status}`) : undefined,
                when,
                stale,
              ]
                .filter(Boolean)
                .join(' · ')
              return S.listItem()
                .id(id)
                .title(title)
                .icon(open ? CheckmarkCircleIcon : ArchiveIcon)
                .schemaType('policyVersion')
                .child(S.defaultDocument({schemaType: 'policyVersion', documentId: id}))
            }),
          )
      }),
    )
}

export function versionListItems(S: StructureBuilder, context: StructureResolverContext) {
  const t = (key: string) => context.i18n.t(key, {ns: VERSIONING_NAMESPACE})
  return [
    S.listItem()
      .id('awaiting-review')
      .title(t('structure.awaitingReview'))
      .icon(CheckmarkCircleIcon)
      .child(() =>
        versionsList(S, context, {
          id: 'awaiting-review',
          title: t('structure.awaitingReview'),
          awaitingReview: true,
        }),
      ),
    S.listItem()
      .id('versions')
      .title(t('structure.versions'))
      .icon(ArchiveIcon)
      .child(() =>
        versionsList(S, context, {
          id: 'versions',
          title: t('structure.versions.list'),
          awaitingReview: false,
        }),
      ),
  ]
}
