/** The pages measured, one of each type in each language, addressed as readers reach them. */
import {routing, type Locale} from '../../i18n/routing'

/** `floor`: the minimal App Router page of bench/site/floor-app, for reference. */
export type PageType = 'policy' | 'history' | 'version' | 'compare' | '404' | 'floor'

export interface MeasuredPage {
  type: PageType
  locale: Locale
  path: string
  /** The status a reader gets; anything else means the page is not the one meant. */
  status: number
}

function localized(pathname: keyof typeof routing.pathnames, locale: Locale): string {
  const entry = routing.pathnames[pathname]
  return `/${locale}${typeof entry === 'string' ? entry : entry[locale]}`
}

export function pagesOf(locale: Locale): MeasuredPage[] {
  const missing = locale === 'fr' ? 'page-inexistante' : 'no-such-page'
  const page = (type: PageType, path: string, status = 200): MeasuredPage => ({
    type,
    locale,
    path,
    status,
  })
  return [
    page('policy', localized('/privacy-policy', locale)),
    page('history', localized('/privacy-policy/history', locale)),
    page(
      'version',
      localized('/privacy-policy/versions/[number]', locale).replace('[number]', '1'),
    ),
    page('compare', `${localized('/privacy-policy/compare', locale)}?from=1&to=2`),
    page('404', `/${locale}/${missing}`, 404),
  ]
}

export const ALL_PAGES: MeasuredPage[] = routing.locales.flatMap(pagesOf)
