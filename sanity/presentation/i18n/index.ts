import {defineLocaleResourceBundle, type LocaleResourceBundle} from 'sanity'
import {presentationFrFR} from './fr-FR'

/** Sanity's namespace for its Presentation tool: its English is Sanity's own. */
export const PRESENTATION_NAMESPACE = 'presentation'

export const presentationBundles: LocaleResourceBundle[] = [
  defineLocaleResourceBundle({
    locale: 'fr-FR',
    namespace: PRESENTATION_NAMESPACE,
    resources: presentationFrFR,
  }),
]
