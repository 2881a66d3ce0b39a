/**
 * The life of a policy version: prepared as a candidate from the published sections, approved by a
 * legal reviewer against its content hash, then published once, with the next number. Pure
 * functions with no framework imports, shared by the Studio's document actions and by the embedded
 * lake's server-side rules, so that both judge a version alike.
 */
import {collectOutboundLinks} from '../../../lib/links/audit'
import {
  LANGUAGES,
  type Language,
  type Localized,
  type PolicyContent,
  type VersionActor,
} from '../../../lib/policy/types'

/** The role a legal reviewer holds, unless a project names it otherwise. */
export const DEFAULT_LEGAL_ROLE = 'legal-reviewer'

/** Statuses of a version that has not been published yet: at most one such version exists. */
export const OPEN_STATUSES = ['candidate', 'approved'] as const

/** Published versions, and the candidate that will become the next one, are `version-<n>`. */
export function versionDocumentId(number: number): string {
  return `version-${number}`
}

/** One more than the highest published number (1 when nothing is published yet). */
export function nextVersionNumber(publishedNumbers: readonly number[]): number {
  return Math.max(0, ...publishedNumbers) + 1
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

// What a GROQ projection gives for an attribute: the value, or null when it is missing.
function attribute(value: unknown): unknown {
  return value === undefined ? null : value
}

function bothLanguages(value: unknown): unknown {
  return isObject(value) ? {fr: attribute(value.fr), en: attribute(value.en)} : null
}

/**
 * A stored version's content exactly as the site reads it back (`title{fr, en}`,
 * `introduction{fr, en}`, `sections[]{key, title{fr, en}, body{fr, en}}`): without the `_type`s
 * of the bilingual wrappers, and with null where an attribute is missing, as GROQ gives it. This
 * is what the content hash covers, so that the Studio, the lake and the site's integrity check
 * recompute the same fingerprint. Undefined when the document has no list of sections to read.
 */
export function versionContent(doc: Json): PolicyContent | undefined {
  const sections = doc.sections
  if (!Array.isArray(sections) || !sections.every(isObject)) return undefined
  const read = {
    title: bothLanguages(doc.title),
    organisationName: attribute(doc.organisationName),
    introduction: bothLanguages(doc.introduction),
    sections: sections.map((section) => ({
      key: attribute(section.key),
      title: bothLanguages(section.title),
      body: bothLanguages(section.body),
    })),
  }
  // The nulls are part of what is hashed; the type describes a well-formed version.
  return read as unknown as PolicyContent
}

/** Who did something, as the Studio's current user identifies them. */
export function actor(user: {id: string; name: string}, at: Date = new Date()): VersionActor {
  return {userId: user.id, name: user.name, at: at.toISOString()}
}

/**
 * The candidate document for `content`: bilingual wrappers typed for the Studio's forms, one
 * snapshot per section keyed by its stable key, and an introduction always present (empty when
 * the policy has none) so that the site reads back exactly what was hashed.
 */
export function candidateDocument(options: {
  id: string
  content: PolicyContent
  contentHash: string
  preparedBy: VersionActor
}): Json & {_id: string; _type: 'policyVersion'} {
  const {id, content, contentHash, preparedBy} = options
  return {
    _id: id,
    _type: 'policyVersion',
    status: 'candidate',
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
    contentHash,
    preparedBy: {_type: 'versionActor', ...preparedBy},
  }
}

/** A link to another site, as a published version records it for audits. */
export interface OutboundLinkRecord {
  _type: 'outboundLink'
  _key: string
  host: string
  url: string
  text: string
  /** Absent for a link in the policy's introduction. */
  sectionKey?: string
  language: Language
}

export function outboundLinkRecords(
  content: PolicyContent,
  siteHosts: readonly string[],
): OutboundLinkRecord[] {
  return collectOutboundLinks(content, {siteHosts}).map((link, index) => ({
    _type: 'outboundLink',
    _key: `link-${index + 1}`,
    host: link.host,
    url: link.url,
    text: link.text,
    ...(link.sectionKey === null ? {} : {sectionKey: link.sectionKey}),
    language: link.language,
  }))
}

/** Whether one of a user's roles is the legal reviewer's. */
export function isLegalReviewer(
  roles: readonly {name: string}[] | undefined,
  legalRole: string = DEFAULT_LEGAL_ROLE,
): boolean {
  return (roles ?? []).some((role) => role.name === legalRole)
}

/**
 * Why an approval does not (or no longer does) cover a version, if it does not:
 * - `not-approved`: no approval recorded;
 * - `not-prepared`: nobody is recorded as having prepared the version;
 * - `self-approval`: the reviewer is the person who prepared it;
 * - `content-changed`: the content no longer hashes to the recorded fingerprint;
 * - `other-content`: the approval names another fingerprint than the recorded one.
 */
export type ApprovalProblem =
  'not-approved' | 'not-prepared' | 'self-approval' | 'content-changed' | 'other-content'

export function approvalProblem(
  version: {[field: string]: unknown},
  recomputedHash: string | undefined,
): ApprovalProblem | undefined {
  const {approval, preparedBy} = version
  if (!isObject(approval) || typeof approval.userId !== 'string') return 'not-approved'
  if (!isObject(preparedBy) || typeof preparedBy.userId !== 'string') return 'not-prepared'
  if (approval.userId === preparedBy.userId) return 'self-approval'
  if (typeof version.contentHash !== 'string' || version.contentHash !== recomputedHash)
    return 'content-changed'
  if (approval.contentHash !== version.contentHash) return 'other-content'
  return undefined
}

/** Why an approval problem stops a version, in an editor's words. */
export function describeApprovalProblem(problem: ApprovalProblem): string {
  switch (problem) {
    case 'not-approved':
      return 'A legal reviewer has not approved this version yet.'
    case 'not-prepared':
      return 'This version does not say who prepared it, so its approval cannot be checked. Prepare a new candidate from the policy.'
    case 'self-approval':
      return 'The person who prepared this version cannot also approve it: another person, a legal reviewer, must.'
    case 'content-changed':
      return 'The content of this version changed after it was prepared, so its fingerprint no longer matches. Prepare a new candidate from the policy.'
    case 'other-content':
      return 'The approval was given for different content than this version now holds. A legal reviewer must approve it again.'
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
export function effectiveDateProblem(value: unknown, today: string): string | undefined {
  if (!isCalendarDate(value)) return 'Choose the day this version comes into force.'
  if (value < today)
    return `A version cannot come into force in the past: choose today (${today}) or a later day.`
  return undefined
}

const LANGUAGE_NAMES: Localized<string> = {fr: 'French', en: 'English'}

export function languageName(language: Language): string {
  return LANGUAGE_NAMES[language]
}

/** What is missing from a change summary, one message per language left blank. */
export function changeSummaryProblems(summary: unknown): string[] {
  const value = isObject(summary) ? summary : {}
  return LANGUAGES.flatMap((language) => {
    const text = value[language]
    return typeof text === 'string' && text.trim() !== ''
      ? []
      : [
          `Write the summary of changes in ${languageName(language)}: readers of the ${languageName(language)} history see it.`,
        ]
  })
}

/** Who is asking, as the Studio knows the current user. */
export interface StudioUser {
  id: string
  name: string
  roles?: readonly {name: string}[]
}

/**
 * Why this person cannot approve this version, in plain words; undefined when they can. The
 * lake checks the same again when the approval is written.
 */
export function approvalRefusal(
  user: StudioUser | null | undefined,
  version: {[field: string]: unknown},
  legalRole: string = DEFAULT_LEGAL_ROLE,
): string | undefined {
  if (!user) return 'Sign in to approve a version.'
  if (version.status === 'approved') return 'A legal reviewer has already approved this version.'
  if (version.status !== 'candidate') return 'Only a candidate version can be approved.'
  const preparedBy = version.preparedBy
  if (isObject(preparedBy) && preparedBy.userId === user.id)
    return 'You prepared this candidate, so another person must approve it: a legal reviewer.'
  if (!isLegalReviewer(user.roles, legalRole))
    return 'Only a legal reviewer can approve a version. Ask one to open this candidate.'
  return undefined
}
