import {describe, expect, it} from 'vitest'

import {checklistCoverage, recordedCoverage, uncoveredItems} from '../../lib/policy/checklist'
import {LANGUAGES} from '../../lib/policy/types'
import {
  privateSectorChecklist,
  publicBodiesChecklist,
  SEED_SECTION_COVERAGE,
} from '../../sanity/seed/content/checklists'

const title = {fr: 'Section', en: 'Section'}

describe('the privacy-law checklist', () => {
  it('shows an editor which sections cover each item and which items none covers', () => {
    const coverage = checklistCoverage(publicBodiesChecklist, [
      {key: 'contact', title, covers: ['person-in-charge', 'rights']},
      {key: 'cookies', title, covers: ['identification-technologies']},
      {key: 'rights', title, covers: ['rights']},
    ])
    const byKey = Object.fromEntries(coverage.items.map((entry) => [entry.item.key, entry]))
    expect(byKey['person-in-charge']?.sectionKeys).toEqual(['contact'])
    expect(byKey.rights?.sectionKeys).toEqual(['contact', 'rights'])
    expect(coverage.missing.map((item) => item.key)).toEqual([
      'information-collected',
      'collection-means',
      'purposes',
      'access-within',
      'third-parties',
      'outside-quebec',
      'retention',
      'consent-withdrawal',
      'complaints',
    ])
  })

  it('counts the date of the last update as given by the site itself', () => {
    const coverage = checklistCoverage(privateSectorChecklist, [])
    const lastUpdate = coverage.items.find((entry) => entry.item.key === 'last-update')
    expect(lastUpdate?.covered).toBe(true)
    expect(lastUpdate?.sectionKeys).toEqual([])
    expect(coverage.missing).toHaveLength(privateSectorChecklist.items.length - 1)
  })

  it('reports tags that name no item of the chosen checklist, once each', () => {
    const coverage = checklistCoverage(publicBodiesChecklist, [
      {key: 'a', title, covers: ['retention', 'security-measures', 'security-measures']},
    ])
    expect(coverage.unknownTags).toEqual([{sectionKey: 'a', tag: 'security-measures'}])
  })

  it('records, with a version, each item and the sections that covered it', () => {
    const coverage = checklistCoverage(publicBodiesChecklist, [
      {key: 'contact', title, covers: ['person-in-charge']},
    ])
    const recorded = recordedCoverage(publicBodiesChecklist, coverage)
    expect(recorded.act).toBe('public-bodies')
    expect(recorded.title).toEqual(publicBodiesChecklist.title)
    expect(recorded.items[0]).toEqual({
      key: 'person-in-charge',
      label: publicBodiesChecklist.items[0]!.label,
      reference: publicBodiesChecklist.items[0]!.reference,
      sectionKeys: ['contact'],
      covered: true,
    })
    expect(uncoveredItems(recorded).map((item) => item.key)).not.toContain('person-in-charge')
    expect(recorded.items).toHaveLength(publicBodiesChecklist.items.length)
  })

  it('ships both Acts with the same items, each labelled and referenced in both languages', () => {
    const keys = (list: typeof publicBodiesChecklist) => list.items.map((item) => item.key)
    expect(keys(privateSectorChecklist)).toEqual(keys(publicBodiesChecklist))
    expect(new Set(keys(publicBodiesChecklist)).size).toBe(publicBodiesChecklist.items.length)
    for (const list of [publicBodiesChecklist, privateSectorChecklist]) {
      for (const language of LANGUAGES) {
        expect(list.title[language].trim()).not.toBe('')
        for (const item of list.items) {
          expect(item.label[language].trim(), `${item.key} label`).not.toBe('')
          expect(item.reference[language], `${item.key} reference`).toMatch(/\d/)
          expect(item.guidance?.[language].trim(), `${item.key} guidance`).not.toBe('')
        }
      }
    }
  })

  it('finds in the seed what its own notes say: version 1 names no person in charge and no way to complain', () => {
    const version1Sections = [
      'cookies',
      'automatically-transmitted-data',
      'transmission-of-personal-information',
      'links-to-other-sites',
    ]
    const tagged = (keys: string[]) =>
      keys.map((key) => ({key, title, covers: SEED_SECTION_COVERAGE[key]}))
    const missing = (keys: string[]) =>
      checklistCoverage(publicBodiesChecklist, tagged(keys)).missing.map((item) => item.key)
    expect(missing(version1Sections)).toEqual([
      'person-in-charge',
      'outside-quebec',
      'consent-withdrawal',
      'complaints',
    ])
    expect(
      missing([...version1Sections, 'comments-or-questions', 'learn-more-about-privacy']),
    ).toEqual(['outside-quebec', 'consent-withdrawal'])
  })
})
