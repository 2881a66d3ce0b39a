import {collectOutboundLinks, type OutboundLink} from '../links/audit'
import {
  LANGUAGES,
  type Language,
  type Localized,
  type PolicyBody,
  type PolicyContent,
  type SectionContent,
} from '../policy/types'
import {compareBodies, wholeBody, type BodyComparison} from './blocks'
import {movedKeys} from './moves'
import {diffText, hasChanges, type TextChange} from './text'

/**
 * - `added` / `removed`: the section exists in one version only.
 * - `modified`: its title, text or links changed in at least one language (it may also have
 *   moved: see `moved`).
 * - `moved`: same content, but its place among the other sections changed.
 * - `unchanged`: same content, same place.
 */
export type SectionStatus = 'added' | 'removed' | 'modified' | 'moved' | 'unchanged'

export interface LanguageComparison {
  /** Whether the title, the text or a link target changed in this language. */
  changed: boolean
  title: TextChange[]
  body: BodyComparison
}

export interface SectionComparison {
  key: string
  status: SectionStatus
  /** True when the section changed place, whether or not its content changed too. */
  moved: boolean
  /** Position (from 0) in the earlier version; absent when added. */
  indexBefore?: number
  /** Position (from 0) in the later version; absent when removed. */
  indexAfter?: number
  /** The section's title to label it with: the later version's, or the earlier one's if removed. */
  title: Localized<string>
  languages: Localized<LanguageComparison>
}

export interface ComparisonSummary {
  added: number
  removed: number
  /** Sections whose content changed, including those that also moved. */
  modified: number
  /** Sections that only moved. */
  moved: number
  unchanged: number
}

export interface PolicyComparison {
  /** True when a reader would see no difference at all, order of sections included. */
  identical: boolean
  title: Localized<TextChange[]>
  organisationName: TextChange[]
  introduction: Localized<BodyComparison>
  /**
   * Every section of both versions, in the later version's order, each removed section placed
   * after the section that preceded it in the earlier version.
   */
  sections: SectionComparison[]
  summary: ComparisonSummary
  /** Links to other sites that appear in one version and not the other (per language). */
  outboundLinks: {added: OutboundLink[]; removed: OutboundLink[]}
}

export interface CompareOptions {
  /** The site's own hosts, to tell outbound links from internal ones (see `LinkOptions`). */
  siteHosts?: readonly string[]
  /**
   * Time the word-level comparison of edited blocks may take, in milliseconds; blocks still to
   * compare after that are shown replaced whole, so that any comparison answers in about this
   * time. The 60,000-word benchmark policy takes about 20 ms.
   */
  budgetMs?: number
}

/** Enough for any real policy; a block of tens of thousands of words rewritten stops here. */
export const DEFAULT_BUDGET_MS = 400

const EMPTY_BODY: PolicyBody = []

function perLanguage<T>(make: (language: Language) => T): Localized<T> {
  return {fr: make('fr'), en: make('en')}
}

function sectionAlone(
  section: SectionContent,
  status: 'added' | 'removed',
  index: number,
): SectionComparison {
  const kind = status === 'added' ? 'inserted' : 'deleted'
  return {
    key: section.key,
    status,
    moved: false,
    ...(status === 'added' ? {indexAfter: index} : {indexBefore: index}),
    title: section.title,
    languages: perLanguage((language) => ({
      changed: true,
      title: section.title[language] ? [{kind, text: section.title[language]}] : [],
      body: wholeBody(section.body[language] ?? EMPTY_BODY, status),
    })),
  }
}

function compareSection(
  before: SectionContent,
  after: SectionContent,
  indexBefore: number,
  indexAfter: number,
  moved: boolean,
  deadline: number,
): SectionComparison {
  const languages = perLanguage((language): LanguageComparison => {
    const title = diffText(before.title[language] ?? '', after.title[language] ?? '', language)
    const body = compareBodies(
      before.body[language] ?? EMPTY_BODY,
      after.body[language] ?? EMPTY_BODY,
      language,
      deadline,
    )
    return {changed: hasChanges(title) || body.changed, title, body}
  })
  const modified = LANGUAGES.some((language) => languages[language].changed)
  return {
    key: after.key,
    status: modified ? 'modified' : moved ? 'moved' : 'unchanged',
    moved,
    indexBefore,
    indexAfter,
    title: after.title,
    languages,
  }
}

function outboundKey(link: OutboundLink): string {
  return `${link.language} ${link.url}`
}

/** Links in `links` beyond those in `others`, counting repeated links (multiset difference). */
function outboundBeyond(links: OutboundLink[], others: OutboundLink[]): OutboundLink[] {
  const available = new Map<string, number>()
  for (const link of others)
    available.set(outboundKey(link), (available.get(outboundKey(link)) ?? 0) + 1)
  return links.filter((link) => {
    const count = available.get(outboundKey(link)) ?? 0
    if (count === 0) return true
    available.set(outboundKey(link), count - 1)
    return false
  })
}

/**
 * Compares two versions of the policy, section by section, matching sections by their stable key
 * (so a retitled section is modified, not removed and added), then word by word within each
 * section's title and text, in both languages. Either version may be the earlier: `from` is read
 * as "before" and `to` as "after".
 */
export function comparePolicies(
  from: PolicyContent,
  to: PolicyContent,
  options: CompareOptions = {},
): PolicyComparison {
  const deadline = Date.now() + (options.budgetMs ?? DEFAULT_BUDGET_MS)
  const beforeByKey = new Map(from.sections.map((section, i) => [section.key, {section, index: i}]))
  const afterKeys = new Set(to.sections.map((section) => section.key))
  const moved = movedKeys(
    from.sections.map((section) => section.key),
    to.sections.map((section) => section.key),
  )

  const sections: SectionComparison[] = to.sections.map((section, indexAfter) => {
    const earlier = beforeByKey.get(section.key)
    return earlier
      ? compareSection(
          earlier.section,
          section,
          earlier.index,
          indexAfter,
          moved.has(section.key),
          deadline,
        )
      : sectionAlone(section, 'added', indexAfter)
  })
  // Each removed section goes after the section that came before it in the earlier version.
  from.sections.forEach((section, indexBefore) => {
    if (afterKeys.has(section.key)) return
    const predecessor = from.sections[indexBefore - 1]?.key
    const at = predecessor === undefined ? -1 : sections.findIndex((s) => s.key === predecessor)
    sections.splice(at + 1, 0, sectionAlone(section, 'removed', indexBefore))
  })

  const introduction = perLanguage((language) =>
    compareBodies(
      from.introduction?.[language] ?? EMPTY_BODY,
      to.introduction?.[language] ?? EMPTY_BODY,
      language,
      deadline,
    ),
  )
  const title = perLanguage((language) =>
    diffText(from.title[language] ?? '', to.title[language] ?? '', language),
  )
  const organisationName = diffText(from.organisationName, to.organisationName, 'fr')

  const summary: ComparisonSummary = {added: 0, removed: 0, modified: 0, moved: 0, unchanged: 0}
  for (const section of sections) summary[section.status]++

  const linkOptions = {siteHosts: options.siteHosts ?? []}
  const linksBefore = collectOutboundLinks(from, linkOptions)
  const linksAfter = collectOutboundLinks(to, linkOptions)

  const identical =
    sections.every((section) => section.status === 'unchanged') &&
    LANGUAGES.every(
      (language) => !hasChanges(title[language]) && !introduction[language].changed,
    ) &&
    !hasChanges(organisationName)

  return {
    identical,
    title,
    organisationName,
    introduction,
    sections,
    summary,
    outboundLinks: {
      added: outboundBeyond(linksAfter, linksBefore),
      removed: outboundBeyond(linksBefore, linksAfter),
    },
  }
}
