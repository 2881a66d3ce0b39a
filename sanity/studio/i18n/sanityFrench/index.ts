import {defineLocaleResourceBundle, type LocaleResourceBundle} from 'sanity'
import {copyPasteFrFR} from './copyPaste'
import {structureFrFR} from './structure'
import {studioFrFR} from './studio'

/**
 * What Sanity's French locale (@sanity/locale-fr-fr, written for Studio 5) lacks for Studio 6, in
 * Sanity's own namespaces: the core, the desk, copy and paste. Sanity merges a locale's bundles of
 * one namespace key by key, so these only add to its French. tests/unit/sanityFrench.test.ts checks
 * them, with Sanity's French, key for key against Sanity's English.
 */
export const sanityFrenchBundles: LocaleResourceBundle[] = [
  defineLocaleResourceBundle({locale: 'fr-FR', namespace: 'studio', resources: studioFrFR}),
  defineLocaleResourceBundle({locale: 'fr-FR', namespace: 'structure', resources: structureFrFR}),
  defineLocaleResourceBundle({locale: 'fr-FR', namespace: 'copy-paste', resources: copyPasteFrFR}),
]
