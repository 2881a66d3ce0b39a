import {classifyLink, type UnsafeReason} from '../../../lib/links/classify'
import type {StudioLocale} from '../i18n/locales'
import {inEveryStudioLanguage, type StudioTextKey} from '../i18n/text'

export interface LinkProblem {
  /** `error` stops the section from being published; `warning` only asks the editor to look. */
  level: 'error' | 'warning'
  /** What the editor reads, in each of the Studio's languages (as Sanity's validation takes it). */
  message: Record<StudioLocale, string>
  /** The address to use instead, when it is certain (an address written without its https://). */
  fix?: string
}

const UNSAFE: Record<Exclude<UnsafeReason, 'missing-scheme'>, StudioTextKey> = {
  scheme: 'links.problem.scheme',
  credentials: 'links.problem.credentials',
  malformed: 'links.problem.malformed',
}

/**
 * What is wrong with a link's address, if anything, decided as the site will decide it
 * (lib/links/classify.ts): an unsafe or incomplete address is an error, a plain `http:` address to
 * another site a warning, since readers would leave the site without encryption.
 */
export function linkAddressProblem(
  href: unknown,
  siteHosts: readonly string[],
): LinkProblem | undefined {
  if (typeof href !== 'string' || href === '') return undefined
  const link = classifyLink(href, {siteHosts})
  if (link.kind === 'unsafe') {
    if (link.reason !== 'missing-scheme')
      return {level: 'error', message: inEveryStudioLanguage(UNSAFE[link.reason])}
    const fix = link.suggestion
    const key = fix.startsWith('mailto:')
      ? 'links.problem.missing-mailto'
      : 'links.problem.missing-https'
    return {level: 'error', message: inEveryStudioLanguage(key, {fix}), fix}
  }
  if (link.kind === 'external' && link.href.startsWith('http:')) {
    return {
      level: 'warning',
      message: inEveryStudioLanguage('links.problem.insecure', {host: link.displayHost}),
    }
  }
  return undefined
}

/** The host of a link that leaves the site, for the marker that tells editors so. */
export function outboundLinkHost(href: unknown, siteHosts: readonly string[]): string | undefined {
  if (typeof href !== 'string' || href === '') return undefined
  const link = classifyLink(href, {siteHosts})
  return link.kind === 'external' ? link.displayHost : undefined
}
