import {BookIcon} from '@sanity/icons/Book'
import {ClipboardIcon} from '@sanity/icons/Clipboard'
import {DocumentsIcon} from '@sanity/icons/Documents'
import {map} from 'rxjs'
import type {ListItemBuilder, StructureBuilder, StructureResolver} from 'sanity/structure'
import {POLICY_DOCUMENT_ID, publishedId} from '../lib/policy/documentIds'
import type {SECTION_ORDER_QUERY_RESULT} from '../sanity.types'
import {POLICY_TEXT_LISTEN, SECTION_ORDER_QUERY} from './lib/queries'
import {asDomain} from './lib/queryResult'
import {titled} from './studio/i18n'
import {versionListItems} from './studio/versioning/structure'

interface SectionOrder {
  listed: string[] | null
  existing: string[]
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

/**
 * The desk. It is drawn again only when what awaits the signed-in person changes (the count in
 * "Your turn"), not on every edit.
 */
export const structure: StructureResolver = (S, context) =>
  versionListItems(S, context).pipe(map((versionItems) => desk(S, context, versionItems)))

function desk(
  S: StructureBuilder,
  context: Parameters<StructureResolver>[1],
  versionItems: ListItemBuilder[],
) {
  return titled(S.list(), 'structure.root.title').items([
    titled(S.listItem().id(POLICY_DOCUMENT_ID), 'structure.policy.title')
      .icon(BookIcon)
      .child(
        titled(
          S.document().schemaType('policy').documentId(POLICY_DOCUMENT_ID),
          'schema.policy.title',
        ),
      ),
    titled(S.listItem().id('sections'), 'structure.sections.title')
      .icon(DocumentsIcon)
      .child(() =>
        context.documentStore
          .listenQuery(
            {fetch: SECTION_ORDER_QUERY, listen: POLICY_TEXT_LISTEN},
            {},
            {perspective: 'raw', tag: 'structure.section-order'},
          )
          .pipe(
            map((result: SECTION_ORDER_QUERY_RESULT) => {
              const order: SectionOrder = asDomain(result)
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
    ...versionItems,
  ])
}
