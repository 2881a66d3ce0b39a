import {useLocale} from 'next-intl'
import {redirect as redirectTo} from 'next/navigation'
import type {ComponentProps} from 'react'
import {routing, type AppPathname, type Locale} from './routing'

type ParamsOf<P extends string> = P extends `${string}[${infer Name}]${infer Rest}`
  ? {[K in Name]: string} & ParamsOf<Rest>
  : unknown

/** A page of the site, with its parameters and query when it has any. */
export type Href =
  | AppPathname
  | {
      [P in AppPathname]: {
        pathname: P
        query?: Record<string, string | number>
      } & (P extends `${string}[${string}]` ? {params: ParamsOf<P>} : {params?: never})
    }[AppPathname]

/**
 * A page's address in a language, from the localized paths of i18n/routing.ts. Written here rather
 * than taken from next-intl's createNavigation: importing that into a page registers next-intl's
 * client Link with the page, and its runtime then ships in the page's scripts.
 */
export function getPathname({href, locale}: {href: Href; locale: Locale}): string {
  const {
    pathname,
    params = {},
    query,
  } = typeof href === 'string' ? {pathname: href, params: {}, query: undefined} : href
  const entry = routing.pathnames[pathname]
  const template = typeof entry === 'string' ? entry : entry[locale]
  const path = template.replace(/\[(\w+)\]/g, (_, name: string) =>
    encodeURIComponent((params as Record<string, string>)[name] ?? ''),
  )
  const search = query
    ? new URLSearchParams(
        Object.entries(query).map(([name, value]) => [name, String(value)]),
      ).toString()
    : ''
  return `/${locale}${path === '/' ? '' : path}${search ? `?${search}` : ''}`
}

/** Sends the reader to a page of the site in a language. */
export function redirect({href, locale}: {href: Href; locale: Locale}): never {
  return redirectTo(getPathname({href, locale}))
}

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & {href: Href}

/**
 * A link to a page of the site in the page's language: a plain link, rendered on the server.
 * Every page is kept whole and answered at once, so following a link costs no more than a
 * client-side navigation would, without sending the router's link component to every page.
 */
export function Link({href, ...props}: LinkProps) {
  const locale = useLocale() as Locale
  return <a href={getPathname({href, locale})} {...props} />
}
