import {classifyLink, type UnsafeReason} from '../../../lib/links/classify'

export interface LinkProblem {
  /** `error` stops the section from being published; `warning` only asks the editor to look. */
  level: 'error' | 'warning'
  message: string
}

const UNSAFE: Record<UnsafeReason, string> = {
  scheme:
    'This address could run a script or open something other than a page, so it will never be shown as a link. Use a web address (https://…), an e-mail address (mailto:…), a phone number (tel:…) or a part of this page (#…).',
  credentials:
    'This address hides a user name or password before the site’s name (“…@”), a trick that makes a link look as if it went somewhere else. Remove that part.',
  malformed:
    'This address is empty, cannot be read as an address, or contains invisible characters. Type it again.',
}

/**
 * What is wrong with a link's address, if anything, decided as the site will decide it
 * (lib/links/classify.ts): an unsafe address is an error, a plain `http:` address to another
 * site a warning, since readers would leave the site without encryption.
 */
export function linkAddressProblem(
  href: unknown,
  siteHosts: readonly string[],
): LinkProblem | undefined {
  if (typeof href !== 'string' || href === '') return undefined
  const link = classifyLink(href, {siteHosts})
  if (link.kind === 'unsafe') return {level: 'error', message: UNSAFE[link.reason]}
  if (link.kind === 'external' && link.href.startsWith('http:')) {
    return {
      level: 'warning',
      message: `This address is not secure (http://). If ${link.displayHost} offers https://, use that instead.`,
    }
  }
  return undefined
}

/** How an editor is told that a link leaves the site, or undefined when it stays on it. */
export function outboundLinkNotice(
  href: unknown,
  siteHosts: readonly string[],
): string | undefined {
  if (typeof href !== 'string' || href === '') return undefined
  const link = classifyLink(href, {siteHosts})
  return link.kind === 'external'
    ? `Goes to another site (${link.displayHost}): opens in a new window, flagged to readers as another site.`
    : undefined
}
