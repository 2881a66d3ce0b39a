import type {Language} from '../policy/types'

/** A word or a punctuation mark, located in the text it comes from. */
export interface Token {
  start: number
  end: number
  /** The form compared between versions (see `normalise`). */
  norm: string
}

const WORD_CHAR = String.raw`\p{L}\p{M}\p{N}\u00AD`
const APOSTROPHE = `'’ʼ`
// Spaces of every width, including the no-break spaces French puts before ; : ! ? and inside
// « », and the zero-width space: none is a token, so none can show up as a change.
const SPACE = String.raw`\s\u200B`

// French: an elided word keeps its apostrophe and stands alone ("l'", "qu’", "jusqu'"), so that
// "l’information" → "l’accès" marks only the noun.
const FRENCH = new RegExp(
  `[${WORD_CHAR}]+(?:[${APOSTROPHE}](?=\\p{L}))?|[^${SPACE}${WORD_CHAR}]`,
  'gu',
)
// English: an apostrophe inside a word belongs to it ("don't", "organisation's").
const ENGLISH = new RegExp(
  `[${WORD_CHAR}]+(?:[${APOSTROPHE}][${WORD_CHAR}]+)*|[^${SPACE}${WORD_CHAR}]`,
  'gu',
)

/**
 * What two tokens are compared on: Unicode NFC (a precomposed "é" equals "e" + combining acute),
 * one apostrophe for the straight and curly forms, and no soft hyphens (invisible when rendered).
 * Typographic variants of the same words are therefore not changes.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[’ʼ]/g, "'")
    .replace(/\u00AD/g, '')
}

const NEEDS_NORMALISING = /[’ʼ\u00AD]/

/** Splits a text into words and punctuation marks; whitespace lies between tokens. */
export function tokenize(text: string, language: Language): Token[] {
  const pattern = language === 'fr' ? FRENCH : ENGLISH
  // Most texts are already in NFC with straight apostrophes: then a token is its own form.
  const verbatim = !NEEDS_NORMALISING.test(text) && text.normalize('NFC') === text
  const tokens: Token[] = []
  for (const match of text.matchAll(pattern)) {
    const start = match.index
    const end = start + match[0].length
    tokens.push({start, end, norm: verbatim ? match[0] : normalise(match[0])})
  }
  return tokens
}
