import type {CandidateIssue} from '../../../lib/policy/candidate'
import type {UnsafeReason} from '../../../lib/links/classify'
import type {Localized, PolicyContent} from '../../../lib/policy/types'
import {languageName} from './workflow'

const UNSAFE_REASONS: Record<UnsafeReason, string> = {
  scheme: 'browsers could run it as a script or open a file, so it is never shown as a link',
  credentials:
    'it carries a user name or password, a way to make a link look as if it went elsewhere',
  'missing-scheme':
    'it lacks its https:// or mailto:, so readers would get a broken link to a page of this site',
  malformed: 'it is empty, unreadable or holds invisible characters',
}

function quoted(text: string): string {
  return `“${text}”`
}

function titleOf(title: Partial<Localized<string>> | undefined): string | undefined {
  return title?.en?.trim() || title?.fr?.trim() || undefined
}

/** A section as an editor finds it in the Studio: by its title, then its key or its place. */
function sectionName(
  content: PolicyContent,
  where: {sectionKey?: string | null; position?: number; sectionTitle?: Localized<string>},
): string {
  if (where.sectionKey === null) return 'The introduction'
  const section =
    (where.sectionKey ? content.sections.find((s) => s.key === where.sectionKey) : undefined) ??
    (where.position ? content.sections[where.position - 1] : undefined)
  const title = titleOf(where.sectionTitle) ?? titleOf(section?.title)
  const key = where.sectionKey?.trim()
  const place = key ? `#${key}` : where.position ? `section ${where.position}` : undefined
  if (title) return `Section ${quoted(title)}${place ? ` (${place})` : ''}`
  if (key) return `Section #${key}`
  return where.position ? `Section ${where.position}` : 'A section'
}

/**
 * What a problem found in a candidate means, in plain words naming the section and the language,
 * with what to do about it. `lastNumber` is the latest published version's number.
 */
export function describeIssue(
  issue: CandidateIssue,
  content: PolicyContent,
  lastNumber?: number,
): string {
  const since = lastNumber === undefined ? 'since the last version' : `since version ${lastNumber}`
  switch (issue.code) {
    case 'policy-title-missing':
      return `The policy has no ${languageName(issue.language)} title. Add it to the policy and publish the policy.`
    case 'organisation-name-missing':
      return 'The policy does not name the organisation. Add it to the policy and publish the policy.'
    case 'introduction-missing':
      return `The introduction has no ${languageName(issue.language)} text, although the other language has one. Translate it or empty both.`
    case 'no-sections':
      return 'The policy lists no section. Add at least one section to the policy.'
    case 'section-not-found':
      return `The policy lists a section that has never been published (${issue.documentId}). Publish that section, or remove it from the policy’s sections.`
    case 'section-key-missing':
      return `${sectionName(content, {position: issue.position, sectionTitle: issue.sectionTitle})} has no stable key. Open it and use “Generate” next to its key.`
    case 'duplicate-key':
      return `Sections ${issue.positions.join(' and ')} share the key ${quoted(issue.sectionKey)}. Each section needs a key of its own.`
    case 'title-missing':
      return `${sectionName(content, issue)} has no ${languageName(issue.language)} title.`
    case 'body-missing':
      return `${sectionName(content, issue)} has no ${languageName(issue.language)} text.`
    case 'unsafe-link':
      return `${sectionName(content, issue)}, ${languageName(issue.language)} text: the link on ${quoted(issue.linkText)} goes to ${quoted(issue.href)}, which is not a safe address (${UNSAFE_REASONS[issue.reason]}). Correct or remove the link.`
    case 'translation-drift':
      return `${sectionName(content, issue)}: the ${languageName(issue.changedLanguage)} text changed ${since}, the ${languageName(issue.unchangedLanguage)} text did not. Check that the ${languageName(issue.unchangedLanguage)} version says the same.`
    case 'no-changes':
      return `Nothing changed ${since}: this candidate would be identical to it.`
  }
}
