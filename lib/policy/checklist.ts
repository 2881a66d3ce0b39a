import type {Localized} from './types'

/**
 * A checklist of what the law expects a privacy policy published on a website to say, kept in
 * the dataset so that an organisation can adapt it. Editors tag each section with the items it
 * covers; preparing a version shows which items are covered by which sections and which are
 * missing. It is an aid for the people who write and review the policy, not legal advice.
 */

/** The Québec Acts the shipped checklists follow; an organisation may write its own. */
export const CHECKLIST_ACTS = ['public-bodies', 'private-sector', 'other'] as const
export type ChecklistAct = (typeof CHECKLIST_ACTS)[number]

export interface ChecklistItem {
  /** Stable across checklists, so that a section's tags survive a change of Act. */
  key: string
  label: Localized<string>
  /** Where the requirement comes from, e.g. "art. 8.1". */
  reference: Localized<string>
  /** What a section must say to cover the item, in an editor's words. */
  guidance?: Localized<string>
  /**
   * True when the site itself gives readers what the item asks for, whatever the sections say
   * (the date of the last update: every page shows the version's effective date and history).
   */
  providedBySite?: boolean
}

export interface ComplianceChecklist {
  act: ChecklistAct
  title: Localized<string>
  items: ChecklistItem[]
}

/** A section as far as the checklist is concerned: its key and the items its editors tagged. */
export interface TaggedSection {
  key: string
  title: Localized<string>
  covers?: readonly string[]
}

export interface ItemCoverage {
  item: ChecklistItem
  /** Keys of the sections tagged with the item, in the policy's order. */
  sectionKeys: string[]
  covered: boolean
}

export interface ChecklistCoverage {
  act: ChecklistAct
  items: ItemCoverage[]
  missing: ChecklistItem[]
  /** Tags on sections that name no item of the checklist (an item removed or renamed since). */
  unknownTags: {sectionKey: string; tag: string}[]
}

/** Which items the sections cover, and which none does. */
export function checklistCoverage(
  checklist: ComplianceChecklist,
  sections: readonly TaggedSection[],
): ChecklistCoverage {
  const keys = new Set(checklist.items.map((item) => item.key))
  const items = checklist.items.map((item) => {
    const sectionKeys = sections
      .filter((section) => section.covers?.includes(item.key))
      .map((section) => section.key)
    return {item, sectionKeys, covered: item.providedBySite === true || sectionKeys.length > 0}
  })
  const unknownTags = sections.flatMap((section) =>
    [...new Set(section.covers ?? [])]
      .filter((tag) => !keys.has(tag))
      .map((tag) => ({sectionKey: section.key, tag})),
  )
  return {
    act: checklist.act,
    items,
    missing: items.filter((entry) => !entry.covered).map((entry) => entry.item),
    unknownTags,
  }
}

/**
 * What a version records of its coverage: the checklist it was judged against (its Act and title)
 * and, for each item as worded then, the sections that covered it. Recorded with the version and
 * covered by its fingerprint, so what legal saw is what stays on record, whatever the checklist
 * says later.
 */
export interface RecordedCoverage {
  act: ChecklistAct
  title: Localized<string>
  items: RecordedCoverageItem[]
}

export interface RecordedCoverageItem {
  key: string
  label: Localized<string>
  reference: Localized<string>
  sectionKeys: string[]
  covered: boolean
}

export function recordedCoverage(
  checklist: ComplianceChecklist,
  coverage: ChecklistCoverage,
): RecordedCoverage {
  return {
    act: checklist.act,
    title: {fr: checklist.title.fr, en: checklist.title.en},
    items: coverage.items.map(({item, sectionKeys, covered}) => ({
      key: item.key,
      label: {fr: item.label.fr, en: item.label.en},
      reference: {fr: item.reference.fr, en: item.reference.en},
      sectionKeys,
      covered,
    })),
  }
}

/** The items a recorded coverage leaves uncovered. */
export function uncoveredItems(coverage: RecordedCoverage): RecordedCoverageItem[] {
  return coverage.items.filter((item) => !item.covered)
}

/**
 * The coverage a candidate records: the checklist's items against the sections the candidate
 * holds (in its order), with the tags their section documents carry.
 */
export function candidateCoverage(
  checklist: ComplianceChecklist,
  sections: readonly {key: string; title: Localized<string>}[],
  tags: ReadonlyMap<string, readonly string[] | undefined>,
): RecordedCoverage {
  const tagged = sections.map((section) => ({...section, covers: tags.get(section.key)}))
  return recordedCoverage(checklist, checklistCoverage(checklist, tagged))
}
