import type {Language, Localized} from '../../../lib/policy/types'

/**
 * Concise building blocks for writing the seed's policy text. Content modules describe
 * paragraphs, bullet items and links; the build turns them into keyed Portable Text.
 */

/** Words inside a paragraph that link somewhere (a web page, `mailto:` or `tel:`). */
export interface LinkedText {
  text: string
  href: string
}

/** A run of text: plain words, or linked words. */
export type Inline = string | LinkedText

/** A paragraph or a bullet-list item, before it gets the `_key`s Sanity needs. */
export interface BlockDraft {
  listItem?: 'bullet'
  parts: Inline[]
}

export interface SectionDraft {
  key: string
  title: Localized<string>
  body: Localized<BlockDraft[]>
}

export interface PolicyDraft {
  title: Localized<string>
  organisationName: string
  introduction: Localized<BlockDraft[]>
  sections: SectionDraft[]
}

/** A published version: its content and the history of how it came to be published. */
export interface VersionDraft {
  number: number
  effectiveDate: string
  changeSummary: Localized<string>
  /** When the editor (lib/localUsers.ts) prepared it, the legal reviewer approved it, and it was published. */
  preparedAt: string
  approvedAt: string
  publishedAt: string
  content: PolicyDraft
}

/** A paragraph. */
export const p = (...parts: Inline[]): BlockDraft => ({parts})

/** One item of a bulleted list; consecutive items form the list. */
export const li = (...parts: Inline[]): BlockDraft => ({listItem: 'bullet', parts})

/** Linked words inside a paragraph or list item. */
export const link = (text: string, href: string): LinkedText => ({text, href})

const NBSP = '\u00a0'

/**
 * French typography: a non-breaking space before ; : ! ? and inside « », so that punctuation
 * never starts a line. Content modules write an ordinary space there (readable in an editor,
 * where U+00A0 is invisible); the stored text has the non-breaking one.
 */
export function typeset(language: Language, text: string): string {
  if (language !== 'fr') return text
  return text
    .replace(/ ([;:!?])/g, `${NBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`)
}
