import type {DefaultDocumentNodeResolver} from 'sanity/structure'
import {VERSIONING_NAMESPACE} from './i18n'
import {VersionComparisonView} from './VersionComparisonView'

/** Versions open on their form, with the comparison one tab away: what legal reads before approving. */
export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType, i18n}) => {
  if (schemaType !== 'policyVersion') return S.document()
  const t = (key: string) => i18n.t(key, {ns: VERSIONING_NAMESPACE})
  return S.document().views([
    S.view.form().title(t('compare.formTab')),
    S.view.component(VersionComparisonView).id('compare').title(t('compare.tab')),
  ])
}
