import {ArchiveIcon} from '@sanity/icons/Archive'
import {BellIcon} from '@sanity/icons/Bell'
import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {
  combineLatest,
  distinctUntilChanged,
  from,
  map,
  of,
  shareReplay,
  type Observable,
} from 'rxjs'
import type {
  ListBuilder,
  ListItemBuilder,
  StructureBuilder,
  StructureResolverContext,
} from 'sanity/structure'
import type {PolicyDocument, PolicySectionDocument} from '../../../lib/policy/candidate'
import {organisationToday, spelledOutDate} from '../../../lib/policy/dates'
import {isDraftId, publishedId} from '../../../lib/policy/documentIds'
import {versionPeriods, type VersionPeriod} from '../../../lib/policy/periods'
import {awaiting, type OpenVersion, type Person, type Turn} from '../../../lib/policy/turns'
import {candidateStaleness, stalenessSummary} from '../../../lib/policy/workflow'
import type {VERSIONS_QUERY_RESULT} from '../../../sanity.types'
import {POLICY_DOCUMENTS_LISTEN, VERSIONS_QUERY} from '../../lib/queries'
import {asDomain} from '../../lib/queryResult'
import {VERSIONING_NAMESPACE} from './i18n'
import {VERSIONING_API_VERSION} from './settings'
import {signoffPermissions} from './signoffApi'

/**
 * The desk's versions: what awaits the signed-in person ("Your turn", with a count: for a legal
 * reviewer the candidates to review, for an editor the approved versions to publish and the
 * candidates to prepare again), what waits for a legal reviewer, and every version, newest first.
 * Each is named in the person's language with its status and its dates spelled out. Versions come
 * from the policy by the workflow, never from a blank form.
 */

interface ListedVersion {
  _id: string
  status?: string
  number?: number
  effectiveDate?: string
  preparedBy?: string
}

interface VersionsState {
  versions: ListedVersion[]
  open: Record<string, unknown> | null
  policy: PolicyDocument | null
  sections: PolicySectionDocument[]
}

interface Desk {
  /** One entry per version (a draft stands for its version), newest first. */
  versions: (ListedVersion & {id: string; number: number; stale?: string})[]
}

type T = (key: string, values?: Record<string, unknown>) => string

// One listener for the desk's lists, however many are open.
const desks = new WeakMap<object, Observable<Desk>>()

function deskState(context: StructureResolverContext): Observable<Desk> {
  let desk = desks.get(context.documentStore)
  if (!desk) {
    desk = context.documentStore
      .listenQuery(
        {fetch: VERSIONS_QUERY, listen: POLICY_DOCUMENTS_LISTEN},
        {},
        {perspective: 'raw', tag: 'versioning.structure'},
      )
      .pipe(
        map((result: VERSIONS_QUERY_RESULT) => {
          const state: VersionsState = asDomain(result)
          const staleness = state.open ? candidateStaleness(state.open, state) : undefined
          const openId = typeof state.open?._id === 'string' ? publishedId(state.open._id) : ''
          // A draft and its published document are one version.
          const byId = new Map<string, ListedVersion>()
          for (const version of state.versions) {
            const id = publishedId(version._id)
            if (!byId.has(id) || isDraftId(version._id)) byId.set(id, version)
          }
          return {
            versions: [...byId.entries()]
              .map(([id, version]) => ({
                ...version,
                id,
                number: version.number ?? 0,
                stale: id === openId && staleness?.stale ? stalenessSummary(staleness) : undefined,
              }))
              .sort((a, b) => b.number - a.number),
          }
        }),
        shareReplay({bufferSize: 1, refCount: true}),
      )
    desks.set(context.documentStore, desk)
  }
  return desk
}

/** What the site says the signed-in person may do; nobody's turn while it cannot say. */
function person(context: StructureResolverContext): Observable<Person | undefined> {
  const token = context.getClient({apiVersion: VERSIONING_API_VERSION}).config().token
  if (!token) return of(undefined)
  return from(signoffPermissions(token)).pipe(
    map((answer) =>
      answer
        ? {id: answer.userId, reviewer: answer.reviewer, publisher: answer.publisher}
        : undefined,
    ),
  )
}

function translator(context: StructureResolverContext): T {
  return (key, values = {}) => context.i18n.t(key, {ns: VERSIONING_NAMESPACE, ...values})
}

/**
 * A version's line in a list: its name and, for a published one, its period, which says its
 * status (a line cut short by the pane's width must still say when); for an open one, its status
 * or what is asked of the person, and the date proposed.
 */
function versionTitle(
  t: T,
  locale: string,
  version: Desk['versions'][number],
  period: VersionPeriod | undefined,
  turn?: Turn,
): string {
  const date = (value: string) => spelledOutDate(value, locale)
  const open = version.status === 'candidate' || version.status === 'approved'
  const when = open
    ? version.effectiveDate && t('preview.proposedFor', {date: date(version.effectiveDate)})
    : period?.state === 'current'
      ? t('preview.inForceFrom', {date: date(period.from)})
      : period?.state === 'upcoming'
        ? t('preview.upcoming', {date: date(period.from)})
        : period?.state === 'past'
          ? t('preview.wasInForce', {from: date(period.from), to: date(period.to)})
          : period?.state === 'never'
            ? t('preview.neverInForce')
            : undefined
  return [
    t(open ? 'preview.candidate' : 'preview.version', {number: version.number}),
    turn ? t(`turn.${turn}`) : open && version.status ? t(`status.${version.status}`) : undefined,
    when || (!open && version.status ? t(`status.${version.status}`) : undefined),
    version.stale ? t('preview.stale', {sections: version.stale}) : undefined,
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * Each published version's period, by the site's rule (lib/policy/periods.ts): in force, upcoming,
 * in force from one day to another, or replaced before it came into force.
 */
function periods(versions: Desk['versions']): Map<number, VersionPeriod> {
  return versionPeriods(
    versions.flatMap((version) =>
      version.status === 'published' && version.effectiveDate
        ? [{number: version.number, effectiveDate: version.effectiveDate}]
        : [],
    ),
    organisationToday(),
  )
}

function versionsList(
  S: StructureBuilder,
  context: StructureResolverContext,
  options: {id: string; title: string; show: 'mine' | 'awaiting-review' | 'all'},
): Observable<ListBuilder> {
  const t = translator(context)
  const locale = context.i18n.currentLocale.id
  return combineLatest([deskState(context), person(context)]).pipe(
    map(([desk, me]) => {
      const byNumber = periods(desk.versions)
      const listed: {version: Desk['versions'][number]; turn?: Turn}[] =
        options.show === 'mine'
          ? me
            ? awaiting(me, desk.versions.map(asOpenVersion)).map(({version, turn}) => ({
                version: desk.versions.find((candidate) => candidate.id === version.id)!,
                turn,
              }))
            : []
          : desk.versions
              .filter((version) => options.show === 'all' || version.status === 'candidate')
              .map((version) => ({version}))
      return (
        S.list()
          .id(options.id)
          .title(options.title)
          .items(
            listed.map(({version, turn}) => {
              const open = version.status === 'candidate' || version.status === 'approved'
              return S.listItem()
                .id(version.id)
                .title(versionTitle(t, locale, version, byNumber.get(version.number), turn))
                .icon(open ? CheckmarkCircleIcon : ArchiveIcon)
                .schemaType('policyVersion')
            }),
          )
          // Any version opens, even one that left the list: a candidate the reviewer just
          // approved is no longer awaiting review, and she stays on it.
          .child((id) => S.defaultDocument({schemaType: 'policyVersion', documentId: id}))
          .canHandleIntent((intent, params) => intent === 'edit' && params.type === 'policyVersion')
      )
    }),
  )
}

function asOpenVersion(version: Desk['versions'][number]): OpenVersion {
  return {
    id: version.id,
    number: version.number,
    status: version.status,
    preparedBy: version.preparedBy,
    stale: version.stale !== undefined,
  }
}

/**
 * The desk's versioning items. "Your turn" says how many await the signed-in person in its title,
 * so it changes as they come and go (a candidate approved elsewhere appears on an editor's desk
 * without a reload); the rest of the desk stays as it is.
 */
export function versionListItems(
  S: StructureBuilder,
  context: StructureResolverContext,
): Observable<ListItemBuilder[]> {
  const t = translator(context)
  const count = combineLatest([deskState(context), person(context)]).pipe(
    map(([desk, me]) => (me ? awaiting(me, desk.versions.map(asOpenVersion)).length : 0)),
    distinctUntilChanged(),
  )
  return count.pipe(
    map((mine) => [
      S.listItem()
        .id('your-turn')
        .title(t('structure.yourTurn', {count: mine}))
        .icon(BellIcon)
        .child(() =>
          versionsList(S, context, {
            id: 'your-turn',
            title: t('structure.yourTurn.list'),
            show: 'mine',
          }),
        ),
      S.listItem()
        .id('awaiting-review')
        .title(t('structure.awaitingReview'))
        .icon(CheckmarkCircleIcon)
        .child(() =>
          versionsList(S, context, {
            id: 'awaiting-review',
            title: t('structure.awaitingReview'),
            show: 'awaiting-review',
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
            show: 'all',
          }),
        ),
    ]),
  )
}
