/**
 * The policy's content as the domain sees it: plain data, shared by the site, the Studio and the
 * diff engine. Portable Text is kept structural (blocks, spans, link annotations) so that pure
 * functions can walk it without a rendering library.
 */

/** The policy's languages, French first: the one list the site's routing and the Studio use. */
export const LANGUAGES = ['fr', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** The organisation's language: the site's default, and the first of every pair. */
export const PRIMARY_LANGUAGE: Language = 'fr'

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language)
}

export type Localized<T> = Record<Language, T>

export interface PortableTextSpan {
  _type: 'span'
  _key: string
  text: string
  marks?: string[]
}

export interface LinkAnnotation {
  _type: 'link'
  _key: string
  href: string
}

export interface PortableTextBlock {
  _type: 'block'
  _key: string
  style?: 'normal' | 'h3' | 'h4'
  listItem?: 'bullet' | 'number'
  level?: number
  children: PortableTextSpan[]
  markDefs?: LinkAnnotation[]
}

export type PolicyBody = PortableTextBlock[]

export interface SectionContent {
  key: string
  title: Localized<string>
  body: Localized<PolicyBody>
}

/** What a version freezes: everything a reader sees, and so everything the content hash covers. */
export interface PolicyContent {
  title: Localized<string>
  organisationName: string
  introduction?: Localized<PolicyBody>
  sections: SectionContent[]
}

export type VersionStatus = 'candidate' | 'approved' | 'published'

export interface VersionActor {
  userId: string
  name: string
  at: string
}

/** A legal reviewer's approval: of exactly the record whose fingerprint it names, signed by the site. */
export interface VersionApproval extends VersionActor {
  fingerprint: string
  keyId: string
  signature: string
}

/** Who published a version and when, signed by the site. */
export interface VersionPublication extends VersionActor {
  keyId: string
  signature: string
}

export interface PolicyVersion extends PolicyContent {
  _id: string
  status: VersionStatus
  number?: number
  /** ISO date (YYYY-MM-DD), in the organisation's calendar. */
  effectiveDate?: string
  publishedAt?: string
  changeSummary?: Localized<string>
  /** SHA-256 of the version's record (lib/policy/record.ts). */
  fingerprint?: string
  preparedBy?: VersionActor
  approval?: VersionApproval
  publication?: VersionPublication
}
