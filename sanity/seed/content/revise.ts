import type {Language, Localized} from '../../../lib/policy/types'
import type {BlockDraft, Inline, PolicyDraft, SectionDraft} from './portableText'

/** One correction: the exact words of the earlier version, and what replaces them. */
export type Fix = readonly [before: string, after: string]

function occurrences(text: string, search: string): number {
  return text.split(search).length - 1
}

function fixInline(part: Inline, [before, after]: Fix): Inline {
  // A replacer function, so that `$` in the new text is taken literally.
  if (typeof part === 'string') return part.replace(before, () => after)
  return {...part, text: part.text.replace(before, () => after)}
}

function applyFix(blocks: BlockDraft[], fix: Fix, where: string): BlockDraft[] {
  const count = blocks
    .flatMap((block) => block.parts)
    .reduce(
      (sum, part) => sum + occurrences(typeof part === 'string' ? part : part.text, fix[0]),
      0,
    )
  // A fix that matches nothing (or several places) would silently leave the old text in place.
  if (count !== 1)
    throw new Error(
      `"${fix[0]}" appears ${count} times in ${where}; a fix must match exactly once.`,
    )
  return blocks.map((block) => ({...block, parts: block.parts.map((part) => fixInline(part, fix))}))
}

/**
 * A section of `previous` with corrections applied to its text, so that everything not named in a
 * fix stays word for word the same and a redline between the two versions shows only the fixes.
 */
export function revise(
  previous: PolicyDraft,
  key: string,
  fixes: Partial<Localized<Fix[]>>,
): SectionDraft {
  const section = previous.sections.find((candidate) => candidate.key === key)
  if (!section) throw new Error(`No section "${key}" to revise.`)
  const body = {...section.body}
  for (const language of Object.keys(fixes) as Language[]) {
    for (const fix of fixes[language] ?? []) {
      body[language] = applyFix(body[language], fix, `${key} (${language})`)
    }
  }
  return {...section, body}
}
