import type {CandidateIssue} from '../../../lib/policy/candidate'
import type {Language, Localized, PolicyContent} from '../../../lib/policy/types'

/** The translation function of the workflow's namespace (useVersioningT). */
export type Translate = (key: string, values?: Record<string, unknown>) => string

/** A section's title in the Studio's language first (`section.titleLanguage`), else the other. */
function titleOf(
  title: Partial<Localized<string>> | undefined,
  first: Language,
): string | undefined {
  const second: Language = first === 'fr' ? 'en' : 'fr'
  return title?.[first]?.trim() || title?.[second]?.trim() || undefined
}

/** A section as an editor finds it in the Studio: by its title, then its key or its place. */
export function sectionName(
  t: Translate,
  content: PolicyContent,
  where: {sectionKey?: string | null; position?: number; sectionTitle?: Localized<string>},
): string {
  if (where.sectionKey === null) return t('section.introduction')
  const section =
    (where.sectionKey ? content.sections.find((s) => s.key === where.sectionKey) : undefined) ??
    (where.position ? content.sections[where.position - 1] : undefined)
  const first: Language = t('section.titleLanguage') === 'fr' ? 'fr' : 'en'
  const title = titleOf(where.sectionTitle, first) ?? titleOf(section?.title, first)
  const key = where.sectionKey?.trim()
  const place = key
    ? `#${key}`
    : where.position
      ? t('section.place.position', {position: where.position})
      : undefined
  if (title) return place ? t('section.titled', {title, place}) : t('section.titledOnly', {title})
  if (key) return t('section.key', {key})
  return where.position ? t('section.position', {position: where.position}) : t('section.unknown')
}

/**
 * What a problem found in a candidate means, in plain words naming the section and the language,
 * with what to do about it. `lastNumber` is the latest published version's number.
 */
export function describeIssue(
  t: Translate,
  issue: CandidateIssue,
  content: PolicyContent,
  lastNumber?: number,
): string {
  const language = (value: Language) => t(`language.${value}`)
  const since =
    lastNumber === undefined ? t('since.last') : t('since.version', {number: lastNumber})
  const section = (where: Parameters<typeof sectionName>[2]) => sectionName(t, content, where)
  switch (issue.code) {
    case 'policy-title-missing':
    case 'introduction-missing':
      return t(`issue.${issue.code}`, {language: language(issue.language)})
    case 'organisation-name-missing':
    case 'no-sections':
      return t(`issue.${issue.code}`)
    case 'section-not-found':
      return t('issue.section-not-found', {id: issue.documentId})
    case 'section-key-missing':
      return t('issue.section-key-missing', {
        section: section({position: issue.position, sectionTitle: issue.sectionTitle}),
      })
    case 'duplicate-key':
      return t('issue.duplicate-key', {
        positions: issue.positions.join(', '),
        key: issue.sectionKey,
      })
    case 'title-missing':
    case 'body-missing':
      return t(`issue.${issue.code}`, {section: section(issue), language: language(issue.language)})
    case 'unsafe-link':
      return t('issue.unsafe-link', {
        section: section(issue),
        language: language(issue.language),
        text: issue.linkText,
        href: issue.href,
        reason: t(`issue.unsafe.${issue.reason}`),
      })
    case 'translation-drift':
      return t('issue.translation-drift', {
        section: section(issue),
        changed: language(issue.changedLanguage),
        unchanged: language(issue.unchangedLanguage),
        since,
      })
    case 'no-changes':
      return t('issue.no-changes', {since})
  }
}
