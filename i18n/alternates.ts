import type {Metadata} from 'next'
import {getTranslations} from 'next-intl/server'
import type {LanguageOption} from '@/components/LanguageSwitcher'
import {getPathname} from './navigation'
import {routing, type Locale} from './routing'

export type LocalizedHref = Parameters<typeof getPathname>[0]['href']

/** The same page's address in every language: one source for hreflang, canonical and the switcher. */
export function localizedPaths(href: LocalizedHref): Record<Locale, string> {
  return Object.fromEntries(
    routing.locales.map((locale) => [locale, getPathname({href, locale})]),
  ) as Record<Locale, string>
}

export function alternates(href: LocalizedHref, locale: Locale): Metadata['alternates'] {
  const paths = localizedPaths(href)
  return {
    canonical: paths[locale],
    languages: {...paths, 'x-default': paths[routing.defaultLocale]},
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
