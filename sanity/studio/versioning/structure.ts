import {ArchiveIcon, CheckmarkCircleIcon} from '@sanity/icons'
import type {ListItemBuilder, StructureBuilder, StructureResolverContext} from 'sanity/structure'
import {VERSIONING_NAMESPACE} from './i18n'
import {VERSIONING_API_VERSION} from './settings'

/**
 * The desk's versions: what waits for a legal reviewer, in a list of its own so she sees it at a
 * glance, and every version, newest first. Versions come from the policy by the workflow, never
 * from a blank form.
 */
export function versionListItems(
  S: StructureBuilder,
  context: StructureResolverContext,
): ListItemBuilder[] {
  const t = (key: string) => context.i18n.t(key, {ns: VERSIONING_NAMESPACE})
  return [
    S.listItem()
      .id('awaiting-review')
      .title(t('structure.awaitingReview'))
      .icon(CheckmarkCircleIcon)
      .child(
        S.documentList()
          .id('awaiting-review')
          .title(t('structure.awaitingReview'))
          .schemaType('policyVersion')
          .apiVersion(VERSIONING_API_VERSION)
          .filter('_type == "policyVersion" && status == "candidate"')
          .initialValueTemplates([]),
      ),
    S.listItem()
      .id('versions')
      .title(t('structure.versions'))
      .icon(ArchiveIcon)
      .child(
        S.documentTypeList('policyVersion')
          .id('versions')
          .title(t('structure.versions.list'))
          .defaultOrdering([{field: 'number', direction: 'desc'}])
          .initialValueTemplates([]),
      ),
  ]
}
