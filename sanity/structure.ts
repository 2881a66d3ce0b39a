import {BookIcon, DocumentsIcon} from '@sanity/icons'
import {map} from 'rxjs'
import type {ListItemBuilder, StructureBuilder, StructureResolver} from 'sanity/structure'
import {versionListItems} from './studio/versioning/structure'

/** The policy is a singleton: one document, always this id. */
export const POLICY_ID = 'policy'

const DRAFTS_PREFIX = 'drafts.'

/** The section ids the policy lists (its draft when there is one) and every section that exists. */
const SECTION_ORDER_QUERY = `{
  "listed": coalesce(
    *[_id == "${DRAFTS_PREFIX}${POLICY_ID}"][0],
    *[_id == "${POLICY_ID}"][0]
  ).sections[]._ref,
  "existing": *[_type == "policySection"]._id
}`
const SECTION_ORDER_LISTEN = `*[_type in ["policy", "policySection"]]`

interface SectionOrder {
  listed: string[] | null
  existing: string[]
}

function publishedId(id: string): string {
  return id.startsWith(DRAFTS_PREFIX) ? id.slice(DRAFTS_PREFIX.length) : id
}

/**
 * Sections in the order the policy lists them, then those it does not list yet (a new section
 * appears there until an editor adds it to the policy's "Sections, in order").
 */
export function orderSections({listed, existing}: SectionOrder): {
  inPolicy: string[]
  notInPolicy: string[]
} {
  const exists = new Set(existing.map(publishedId))
  const inPolicy = [...new Set(listed ?? [])].filter((id) => exists.has(id))
  const placed = new Set(inPolicy)
  const notInPolicy = [...exists].filter((id) => !placed.has(id)).sort()
  return {inPolicy, notInPolicy}
}

function sectionItem(S: StructureBuilder, id: string): ListItemBuilder {
  return S.documentListItem().schemaType('policySection').id(id)
}

export const structure: StructureResolver = (S, context) =>
  S.list()
    .title('Privacy policy')
    .items([
      S.listItem()
        .id(POLICY_ID)
        .title('Policy')
        .icon(BookIcon)
        .child(S.document().schemaType('policy').documentId(POLICY_ID).title('Privacy policy')),
      S.listItem()
        .id('sections')
        .title('Sections')
        .icon(DocumentsIcon)
        .child(() =>
          context.documentStore
            .listenQuery(
              {fetch: SECTION_ORDER_QUERY, listen: SECTION_ORDER_LISTEN},
              {},
              {perspective: 'raw', tag: 'structure.section-order'},
            )
            .pipe(
              map((order: SectionOrder) => {
                const {inPolicy, notInPolicy} = orderSections(order)
                return S.list()
                  .id('sections')
                  .title('Sections, in policy order')
                  .items([
                    ...inPolicy.map((id) => sectionItem(S, id)),
                    ...(notInPolicy.length > 0 ? [S.divider().title('Not in the policy yet')] : []),
                    ...notInPolicy.map((id) => sectionItem(S, id)),
                  ])
                  .menuItems([
                    S.menuItem()
                      .title('New section')
                      .intent({type: 'create', params: {type: 'policySection'}}),
                  ])
              }),
            ),
        ),
      S.divider(),
      ...versionListItems(S, context),
    ])
