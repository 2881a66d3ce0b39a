import {createNavigation} from 'next-intl/navigation'
import {useLocale} from 'next-intl'
import NextLink from 'next/link'
import type {ComponentProps} from 'react'
import {routing} from './routing'

export const {redirect, getPathname} = createNavigation(routing)

type LinkProps = Omit<ComponentProps<typeof NextLink>, 'href'> & {
  href: Parameters<typeof getPathname>[0]['href']
}

/**
 * A link to a page of the site in the page's language, its address localized on the server. Not
 * next-intl's Link: that one is a client component that brings next-intl's runtime and the
 * message catalogue into every page, for addresses that never change in the browser.
 */
export function Link({href, ...props}: LinkProps) {
  const locale = useLocale()
  return <NextLink href={getPathname({href, locale})} {...props} />
}
