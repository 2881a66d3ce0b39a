/**
 * The life of a policy version, as pure rules shared by the Studio, the site's sign-off endpoints
 * and the embedded lake: an editor prepares a private candidate (`drafts.version-<n>`) with its
 * summary of changes and proposed effective date; a legal reviewer approves it through the site,
 * which signs; an editor publishes it through the site, which signs again and creates
 * `version-<n>`. docs/decisions/0007-signed-versions.md tells the whole story.
 */
import type {RecordedCoverage} from './checklist'
import {canonicalJson} from './canonicalJson'
import {draftId, isDraftId, POLICY_DOCUMENT_ID, publishedId} from './documentIds'
import {buildSnapshot, type PolicyDocument, type PolicySectionDocument} from './candidate'
import {recordContent, versionRecord} from './record'
import type {Refusal} from './refusals'
import {LANGUAGES, type Localized, type PolicyContent, type VersionActor} from './types'

const VERSION_ID = /^version-([1-9]\d{0,8})$/
const CANDIDATE_ID = /^drafts\.version-([1-9]\d{0,8})$/

/** A published version's id. */
export function versionDocumentId(number: number): string {
  return `version-${number}`
}

/**
 * A candidate's id: the draft of the version it will become. Sanity keeps every id with a dot
 * private, so nobody reads a candidate without a token, even on a public dataset.
 */
export function candidateDocumentId(number: number): string {
  return draftId(versionDocumentId(number))
}

/** The number a published version's id names, if it is one. */
export function publishedVersionNumber(id: string): number | undefined {
  const match = VERSION_ID.exec(id)
  return match ? Number(match[1]) : undefined
}

/** The number a candidate's id names, if it is one. */
export function candidateNumber(id: string): number | undefined {
  const match = CANDIDATE_ID.exec(id)
  return match ? Number(match[1]) : undefined
}

/**
 * One more than the highest published number (1 when nothing is published yet). Give it the
 * numbers of the versions `classifyVersions` (versionShape.ts) keeps: a value that is no version
 * number (text, a fraction, beyond the safe integers) is ignored, never counted.
 */
export function nextVersionNumber(publishedNumbers: readonly unknown[]): number {
  let highest = 0
  for (const number of publishedNumbers) {
    if (typeof number === 'number' && Number.isSafeInteger(number) && number > highest)
      highest = number
  }
  return highest + 1
}

/** Who did something, as the content source identifies them. */
export function actor(user: {id: string; name: string}, at: Date = new Date()): VersionActor {
  return {userId: user.id, name: user.name, at: at.toISOString()}
}

/**
 * The fields an editor writes when preparing (and, for the summary and the date, may change until
 * approval): everything in the record but what the site adds when it seals it.
 */
export const PREPARED_FIELDS = [
  'number',
  'title',
  'organisationName',
  'introduction',
  'sections',
  'effectiveDate',
  'changeSummary',
  'checklistCoverage',
  'preparedBy',
] as const

/** What an editor may still change on a candidate once prepared. */
export const PROPOSAL_FIELDS = ['effectiveDate', 'changeSummary'] as const

/** What an approval writes on a candidate: the approval, and the seal the site computed. */
export const APPROVAL_FIELDS = ['status', 'approval', 'linkAudit', 'previousFingerprint'] as const

/** What only publication writes. */
export const PUBLICATION_FIELDS = ['fingerprint', 'publication', 'publishedAt'] as const

export interface Proposal {
  effectiveDate: string
  changeSummary: Localized<string>
}

/**
 * The candidate document for `content`: bilingual wrappers typed for the Studio's forms, one
 * snapshot per section keyed by its stable key, and an introduction always present (empty when
 * the policy has none), with the editor's summary of changes and proposed date.
 */
export function candidateDocument(options: {
  number: number
  content: PolicyContent
  preparedBy: VersionActor
  proposal: Proposal
  /** The checklist's coverage when the policy follows one (lib/policy/checklist.ts). */
  coverage?: RecordedCoverage
}) {
  const {number, content, preparedBy, proposal, coverage} = options
  return {
    _id: candidateDocumentId(number),
    _type: 'policyVersion' as const,
    status: 'candidate' as const,
    number,
    title: {_type: 'localeString', fr: content.title.fr, en: content.title.en},
    organisationName: content.organisationName,
    introduction: {
      _type: 'localePortableText',
      fr: content.introduction?.fr ?? [],
      en: content.introduction?.en ?? [],
    },
    sections: content.sections.map((section) => ({
      _type: 'sectionSnapshot',
      _key: section.key,
      key: section.key,
      title: {_type: 'localeString', fr: section.title.fr, en: section.title.en},
      body: {_type: 'localePortableText', fr: section.body.fr, en: section.body.en},
    })),
    effectiveDate: proposal.effectiveDate,
    changeSummary: {
      _type: 'localeText',
      fr: proposal.changeSummary.fr,
      en: proposal.changeSummary.en,
    },
    ...(coverage ? {checklistCoverage: storedCoverageValue(coverage)} : {}),
    preparedBy: {_type: 'versionActor', ...preparedBy},
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A real calendar day written YYYY-MM-DD (no 31 February). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** Why an effective date cannot be used, if it cannot: a version never takes effect in the past. */
export function effectiveDateRefusal(value: unknown, today: string): Refusal | undefined {
  if (!isCalendarDate(value)) return {code: 'effective-date-invalid'}
  if (value < today) return {code: 'effective-date-past', params: {today}}
  return undefined
}

/** What is missing from a change summary, one refusal per language left blank. */
export function changeSummaryRefusals(summary: unknown): Refusal[] {
  const value =
    summary !== null && typeof summary === 'object' ? (summary as Record<string, unknown>) : {}
  return LANGUAGES.flatMap((language): Refusal[] => {
    const text = value[language]
    if (typeof text === 'string' && text.trim() !== '') return []
    return [{code: language === 'fr' ? 'summary-missing-fr' : 'summary-missing-en'}]
  })
}

/** Everything that stops a proposal (date and summary) from being approved, in order. */
export function proposalRefusals(doc: Record<string, unknown>, today: string): Refusal[] {
  const date = effectiveDateRefusal(doc.effectiveDate, today)
  return [...(date ? [date] : []), ...changeSummaryRefusals(doc.changeSummary)]
}

/**
 * Where two states of the policy's content differ: the keys of the sections changed, added or
 * removed, whether the title, organisation or introduction changed, and whether the sections
 * that both hold are in another order.
 */
export interface ContentDifference {
  sections: string[]
  frontMatter: boolean
  order: boolean
}

function sectionMap(content: PolicyContent): Map<string, string> {
  return new Map(
    content.sections.map((section) => [
      section.key,
      canonicalJson({title: section.title, body: section.body}),
    ]),
  )
}

function frontMatter(content: PolicyContent): string {
  return canonicalJson({
    title: content.title,
    organisationName: content.organisationName,
    introduction: {fr: content.introduction?.fr ?? [], en: content.introduction?.en ?? []},
  })
}

export function contentDifference(before: PolicyContent, after: PolicyContent): ContentDifference {
  const was = sectionMap(before)
  const is = sectionMap(after)
  const common = (content: PolicyContent) =>
    content.sections.map((section) => section.key).filter((key) => was.has(key) && is.has(key))
  return {
    sections: [...new Set([...was.keys(), ...is.keys()])].filter(
      (key) => was.get(key) !== is.get(key),
    ),
    frontMatter: frontMatter(before) !== frontMatter(after),
    order: canonicalJson(common(before)) !== canonicalJson(common(after)),
  }
}

export const EMPTY_CONTENT: PolicyContent = {
  title: {fr: '', en: ''},
  organisationName: '',
  sections: [],
}

/** The content a stored version (candidate or published) holds. */
export function storedContent(doc: object): PolicyContent {
  return recordContent(versionRecord(doc))
}

/**
 * How a candidate differs from the working text it was prepared from (the published policy and
 * sections): when it does, publishing it would leave the newer edits out.
 */
export interface Staleness extends ContentDifference {
  stale: boolean
}

/** The documents versions are prepared from: the published policy and its published sections. */
export interface WorkingDocuments {
  policy: PolicyDocument | null
  sections: PolicySectionDocument[]
}

/** The working text: what a version prepared now would hold. */
export function workingContent(working: WorkingDocuments): PolicyContent {
  return working.policy ? buildSnapshot(working.policy, working.sections).content : EMPTY_CONTENT
}

function differs(difference: ContentDifference): boolean {
  return difference.sections.length > 0 || difference.frontMatter || difference.order
}

export function candidateStaleness(candidate: object, working: WorkingDocuments): Staleness {
  const difference = contentDifference(storedContent(candidate), workingContent(working))
  return {...difference, stale: differs(difference)}
}

/**
 * How a section of the working text stands against the latest published version: changed, new
 * to the policy, or taken out of it.
 */
export interface SectionChange {
  key: string
  change: 'modified' | 'added' | 'removed'
  /** The section's title: the working text's, or the version's when it was taken out. */
  title: Localized<string>
}

/**
 * What preparing a version now would change, against the latest published version (the one the
 * next version follows): the sections as the difference counts them, each with how it changed,
 * in the working text's order and then those taken out.
 */
export interface WorkingChanges extends ContentDifference {
  /** The latest published version's number; undefined while none is published. */
  since: number | undefined
  /** The number the next version will take. */
  next: number
  changes: SectionChange[]
  /** Whether a version prepared now would differ from the latest published one. */
  changed: boolean
}

export function workingChanges(latest: object | null, working: WorkingDocuments): WorkingChanges {
  const before = latest ? storedContent(latest) : EMPTY_CONTENT
  const after = workingContent(working)
  const difference = contentDifference(before, after)
  const changed = new Set(difference.sections)
  const listedAfter = new Set(after.sections.map((section) => section.key))
  const listedBefore = new Set(before.sections.map((section) => section.key))
  const seen = new Set<string>()
  const changes: SectionChange[] = []
  for (const section of [...after.sections, ...before.sections]) {
    if (!changed.has(section.key) || seen.has(section.key)) continue
    seen.add(section.key)
    changes.push({
      key: section.key,
      change: !listedBefore.has(section.key)
        ? 'added'
        : listedAfter.has(section.key)
          ? 'modified'
          : 'removed',
      title: section.title,
    })
  }
  const since = latest ? (versionRecord(latest).number ?? undefined) : undefined
  return {
    ...difference,
    since,
    next: nextVersionNumber(since === undefined ? [] : [since]),
    changes,
    changed: differs(difference),
  }
}

/**
 * The documents whose authors may not approve a candidate: the candidate itself, the sections
 * whose content it changes relative to the version before it, and the policy when its title,
 * introduction, or list or order of sections changes (a section added or removed is a change to
 * the policy's list). Each with its draft.
 */
export function separationOfDutiesScope(
  candidate: Record<string, unknown>,
  previous: Record<string, unknown> | null,
  sections: readonly {_id: string; key?: {current?: string} | null}[],
): string[] {
  const before = previous ? storedContent(previous) : EMPTY_CONTENT
  const after = storedContent(candidate)
  const difference = contentDifference(before, after)
  const membership =
    canonicalJson(before.sections.map((section) => section.key).sort()) !==
    canonicalJson(after.sections.map((section) => section.key).sort())
  const changed = new Set(difference.sections)
  const ids = new Set<string>([String(candidate._id)])
  for (const section of sections) {
    if (section.key?.current && changed.has(section.key.current)) ids.add(section._id)
  }
  if (difference.frontMatter || difference.order || membership) ids.add(POLICY_DOCUMENT_ID)
  for (const id of [...ids]) {
    ids.add(isDraftId(id) ? publishedId(id) : draftId(id))
  }
  return [...ids].sort()
}

/**
 * The documents of a separation-of-duties scope a person wrote to, by their published ids, from
 * the transactions that touched them (the lake's log, or a hosted project's history): what an
 * approver must not have written.
 */
export function documentsWrittenBy(
  personId: string,
  scope: readonly string[],
  transactions: Iterable<{author?: string; documentIds: readonly string[]}>,
): string[] {
  const written = [...transactions]
    .filter((transaction) => transaction.author === personId)
    .flatMap((transaction) => transaction.documentIds.filter((id) => scope.includes(id)))
  return [...new Set(written.map(publishedId))].sort()
}

/**
 * The staleness as one parameter for a refusal, in words that need no translation: the sections'
 * keys, and `policy` (the document's id) when its title, introduction or order of sections moved.
 */
export function stalenessSummary(staleness: Staleness): string {
  return [
    ...staleness.sections.map((key) => `#${key}`),
    ...(staleness.frontMatter || staleness.order ? [POLICY_DOCUMENT_ID] : []),
  ].join(', ')
}

/** A recorded coverage as Sanity stores it: typed, with a `_key` per item. */
export function storedCoverageValue(coverage: RecordedCoverage) {
  return {
    _type: 'checklistCoverage',
    act: coverage.act,
    title: {_type: 'localeString', ...coverage.title},
    items: coverage.items.map((item) => ({
      _type: 'checklistCoverageItem',
      _key: item.key,
      key: item.key,
      label: {_type: 'localeString', ...item.label},
      reference: {_type: 'localeString', ...item.reference},
      sectionKeys: item.sectionKeys,
      covered: item.covered,
    })),
  }
}
