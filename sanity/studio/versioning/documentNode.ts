import type {DefaultDocumentNodeResolver} from 'sanity/structure'
import {VersionComparisonView} from './VersionComparisonView'

/** Versions open on their form, with the comparison one tab away: what legal reads before approving. */
export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, {schemaType}) =>
  schemaType === 'policyVersion'
    ? S.document().views([
        S.view.form().title('Version'),
        S.view.component(VersionComparisonView).id('compare').title('Compare with published'),
      ])
    : S.document()
