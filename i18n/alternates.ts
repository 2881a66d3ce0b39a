import type {Metadata} from 'next'
import {getTranslations} from 'next-intl/server'
import type {LanguageOption} from '@/components/LanguageSwitcher'
import type {SitemapPage} from '@/lib/crawlers/sitemap'
import {getPathname} from './navigation'
import {routing, type Locale} from './routing'

export type LocalizedHref = Parameters<typeof getPathname>[0]['href']

/** The same page's address in every language: one source for hreflang, canonical and the switcher. */
export function localizedPaths(href: LocalizedHref): Record<Locale, string> {
  return Object.fromEntries(
    routing.locales.map((locale) => [locale, getPathname({href, locale})]),
  ) as Record<Locale, string>
}

/**
 * The page's language versions as it declares them (`<link rel="alternate" hreflang>`) and as the
 * sitemap lists them: each language, and the primary one as the default for any other reader.
 */
export function languageAlternates(href: LocalizedHref): Record<Locale | 'x-default', string> {
  const paths = localizedPaths(href)
  return {...paths, 'x-default': paths[routing.defaultLocale]}
}

export function alternates(href: LocalizedHref, locale: Locale): Metadata['alternates'] {
  return {
    canonical: localizedPaths(href)[locale],
    languages: languageAlternates(href),
  }
}

/** The address, in any language, of a page the sitemap lists. */
export function sitemapPageHref(page: SitemapPage): LocalizedHref {
  switch (page.page) {
    case 'policy':
      return '/privacy-policy'
    case 'history':
      return '/privacy-policy/history'
    case 'version':
      return {
        pathname: '/privacy-policy/versions/[number]',
        params: {number: String(page.number)},
      }
    case 'compare':
      return {
        pathname: '/privacy-policy/compare',
        query: {from: String(page.from), to: String(page.to)},
      }
  }
}

/** The links of the language switcher: every other language, each named in its own language. */
export async function languageOptions(
  href: LocalizedHref,
  current: Locale,
): Promise<LanguageOption[]> {
  const paths = localizedPaths(href)
  return Promise.all(
    routing.locales
      .filter((locale) => locale !== current)
      .map(async (locale) => {
        const t = await getTranslations({locale, namespace: 'LanguageSwitcher'})
        return {locale, href: paths[locale], label: t('languageName')}
      }),
  )
}
