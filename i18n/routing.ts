import {defineRouting} from 'next-intl/routing'
import {LANGUAGES, PRIMARY_LANGUAGE} from '../lib/policy/types'

/** The cookie that remembers a reader's language for the browser session. */
export const LOCALE_COOKIE = 'NEXT_LOCALE'

/** The site's languages (the policy's, lib/policy/types.ts) and its localized addresses. */
export const routing = defineRouting({
  locales: LANGUAGES,
  defaultLocale: PRIMARY_LANGUAGE,
  localePrefix: 'always',
  // No maxAge: next-intl 4 sets the locale cookie for the browser session only, which is the
  // "temporary cookie" the policy itself promises readers.
  localeCookie: {name: LOCALE_COOKIE},
  // Pages name their language versions in <link rel="alternate">; the header next-intl would add
  // is built from the request's Host, which a page kept for everyone must not depend on.
  alternateLinks: false,
  pathnames: {
    '/': '/',
    '/privacy-policy': {fr: '/politique-de-confidentialite', en: '/privacy-policy'},
    '/privacy-policy/history': {
      fr: '/politique-de-confidentialite/historique',
      en: '/privacy-policy/history',
    },
    '/privacy-policy/versions/[number]': {
      fr: '/politique-de-confidentialite/versions/[number]',
      en: '/privacy-policy/versions/[number]',
    },
    '/privacy-policy/compare': {
      fr: '/politique-de-confidentialite/comparer',
      en: '/privacy-policy/compare',
    },
  },
})

export type Locale = (typeof routing.locales)[number]
export type AppPathname = keyof typeof routing.pathnames
