import {BookIcon, ClipboardIcon, DocumentsIcon} from '@sanity/icons'
import {map} from 'rxjs'
import type {ListItemBuilder, StructureBuilder, StructureResolver} from 'sanity/structure'
import {titled} from './studio/i18n'
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
  titled(S.list(), 'structure.root.title').items([
    titled(S.listItem().id(POLICY_ID), 'structure.policy.title')
      .icon(BookIcon)
      .child(
        titled(S.document().schemaType('policy').documentId(POLICY_ID), 'schema.policy.title'),
      ),
    titled(S.listItem().id('sections'), 'structure.sections.title')
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
              return titled(S.list().id('sections'), 'structure.sections.list-title')
                .items([
                  ...inPolicy.map((id) => sectionItem(S, id)),
                  ...(notInPolicy.length > 0
                    ? [titled(S.divider(), 'structure.sections.not-in-policy')]
                    : []),
                  ...notInPolicy.map((id) => sectionItem(S, id)),
                ])
                .menuItems([
                  titled(S.menuItem(), 'structure.sections.new').intent({
                    type: 'create',
                    params: {type: 'policySection'},
                  }),
                ])
            }),
          ),
      ),
    titled(S.listItem().id('checklists'), 'structure.checklists.title')
      .icon(ClipboardIcon)
      .child(
        titled(
          S.documentTypeList('complianceChecklist').id('checklists'),
          'structure.checklists.title',
        ),
      ),
    S.divider(),
    ...versionListItems(S, context),
  ])
