import {defineLocaleResourceBundle} from 'sanity'
import {REFUSAL_MESSAGES} from '../../../../lib/policy/refusals'
import type {Language} from '../../../../lib/policy/types'
import {versioningEnUS} from './en-US'
import {versioningFrFR} from './fr-FR'

/**
 * Every word the versioning workflow shows in the Studio, in the Studio's languages (its French
 * is Québec's: « renseignements personnels », « version en vigueur »). Refusals come from
 * lib/policy/refusals.ts, the texts the site and the lake send too, so they are said alike.
 */
export const VERSIONING_NAMESPACE = 'policy-versioning'

type Resources = Record<string, string>

function refusals(language: Language): Resources {
  return Object.fromEntries(
    Object.entries(REFUSAL_MESSAGES[language]).map(([code, text]) => [`refusal.${code}`, text]),
  )
}

export const VERSIONING_RESOURCES: Record<'en-US' | 'fr-FR', Resources> = {
  'en-US': {...versioningEnUS, ...refusals('en')},
  'fr-FR': {...versioningFrFR, ...refusals('fr')},
}

/** Registered in sanity.config.ts under `i18n.bundles`. */
export const versioningBundles = (['en-US', 'fr-FR'] as const).map((locale) =>
  defineLocaleResourceBundle({
    locale,
    namespace: VERSIONING_NAMESPACE,
    resources: VERSIONING_RESOURCES[locale],
  }),
)
