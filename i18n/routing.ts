import {defineRouting} from 'next-intl/routing'

/** The one place that knows the site's languages and its localized addresses. */
export const routing = defineRouting({
  locales: ['fr', 'en'],
  defaultLocale: 'fr',
  localePrefix: 'always',
  // No maxAge: next-intl 4 sets the locale cookie for the browser session only, which is the
  // "temporary cookie" the policy itself promises readers.
  localeCookie: {name: 'NEXT_LOCALE'},
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
