import type {ComplianceChecklist} from '../../../lib/policy/checklist'
import type {Localized} from '../../../lib/policy/types'
import checklistsText from './checklists.json'

/**
 * The two checklists the product ships: what Québec's privacy Acts, as amended in 2021 (Law 25),
 * expect of a privacy policy published on a website, item by item with the article it comes from.
 * One for public bodies (the Act the seed's own policy cites), one for enterprises. Both use the
 * same item keys, so a section's tags mean the same thing whichever Act the organisation chooses.
 *
 * References are to the Act respecting access to documents held by public bodies and the
 * protection of personal information (CQLR c., « Loi sur l'accès ») and to the Act
 * respecting the protection of personal information in the private sector (CQLR c. P-39.1,
 * « Loi sur le privé »), and to the Commission d'accès à l'information's guidance where the Acts
 * leave the wording to the organisation. An aid, not legal advice.
 */

/** The Acts the product ships a checklist for. */
type ShippedAct = keyof typeof checklistsText.titles

/** Each item's words, and where each Act requires it, kept as data in checklists.json. */
interface ItemText {
  label: Localized<string>
  guidance: Localized<string>
  references: Record<ShippedAct, Localized<string>>
  providedBySite?: boolean
}

const ITEMS: Record<keyof typeof checklistsText.items, ItemText> = checklistsText.items

export type ChecklistItemKey = keyof typeof ITEMS

/** An Act's checklist: every item, in order, with where that Act requires it. */
function checklistOf(act: ShippedAct): ComplianceChecklist {
  return {
    act,
    title: checklistsText.titles[act],
    items: (Object.keys(ITEMS) as ChecklistItemKey[]).map((key) => {
      const {label, guidance, references, ...rest} = ITEMS[key]
      return {key, label, reference: references[act], guidance, ...rest}
    }),
  }
}

export const publicBodiesChecklist = checklistOf('public-bodies')
export const privateSectorChecklist = checklistOf('private-sector')

/**
 * What each section of the seed's policy covers, as its editors would tag it. Version 1 covers
 * neither the person in charge nor complaints (its table of contents announced the sections that
 * would, and they were missing); no version says whether information leaves Québec, or how to
 * withdraw consent beyond unsubscribing from a mailing list.
 */
export const SEED_SECTION_COVERAGE: Record<string, ChecklistItemKey[]> = {
  cookies: ['identification-technologies', 'collection-means'],
  'automatically-transmitted-data': [
    'information-collected',
    'collection-means',
    'purposes',
    'third-parties',
  ],
  'transmission-of-personal-information': [
    'information-collected',
    'collection-means',
    'purposes',
    'access-within',
    'third-parties',
    'retention',
    'rights',
  ],
  'links-to-other-sites': [],
  'comments-or-questions': ['person-in-charge', 'rights'],
  'learn-more-about-privacy': ['complaints'],
}
