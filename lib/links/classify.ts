import {decodeHTMLAttribute} from 'entities'
import {parse as parseDomain} from 'tldts'

import {hostToUnicode} from './displayHost'

/**
 * What a link in the policy points to, decided the way a browser would read its address.
 * Parsing is the WHATWG URL parser's (the browser's own), so an address cannot mean one thing here
 * and another once rendered.
 */
export type ClassifiedLink = InternalLink | EmailLink | PhoneLink | ExternalLink | UnsafeLink

export interface InternalLink {
  kind: 'internal'
  /** The address to render. */
  href: string
  /** The same address relative to the site (path, query and fragment), e.g. `/fr#cookies`. */
  path: string
}

export interface EmailLink {
  kind: 'email'
  href: string
  /** The recipient(s), decoded, e.g. `dpo@example.org`. */
  address: string
}

export interface PhoneLink {
  kind: 'phone'
  href: string
  /** The number as written after `tel:`, decoded. */
  number: string
}

export interface ExternalLink {
  kind: 'external'
  /** The normalised absolute address (scheme and host lower-cased, host in Punycode). */
  href: string
  /** The host name in its ASCII (Punycode) form, without a trailing dot: use it to compare. */
  host: string
  /** The host name in Unicode, for showing to readers and editors. */
  displayHost: string
}

/**
 * - `scheme`: a scheme other than http, https, mailto or tel (javascript:, data:, file:, …),
 *   including one hidden behind percent-encoding, behind HTML character references
 *   (`javascript&colon;`, `&#106;…&#58;`) or broken up by control characters (`jav&#x09;ascript:`,
 *   `ht<tab>tps:`), which a browser or another renderer would put back together.
 * - `credentials`: a web address carrying a user name or password (`https://our-site@elsewhere`),
 *   a classic way to make a link look as if it went somewhere else; policy links never need one.
 * - `missing-scheme`: an address to another site written without `https://` (`www.cai.gouv.qc.ca`,
 *   `example.org/page`) or an e-mail address without `mailto:`; a browser would read it as a page
 *   of this site and the link would be broken. `suggestion` holds the address meant.
 * - `malformed`: empty, unparseable, or containing invisible control characters.
 */
export type UnsafeReason = 'scheme' | 'credentials' | 'missing-scheme' | 'malformed'

export type UnsafeLink = {
  kind: 'unsafe'
  /** The address exactly as written, to show the editor what to fix. */
  href: string
} & (
  | {reason: Exclude<UnsafeReason, 'missing-scheme'>}
  | {
      reason: 'missing-scheme'
      /** The address as it should be written (`https://…`, `mailto:…`). */
      suggestion: string
    }
)

export interface LinkOptions {
  /**
   * The site's own hosts, e.g. `['policy.example.org', 'localhost:3000']` (full origins such as
   * `https://policy.example.org` are accepted too). A host without a port matches that host on the
   * default port only; a host with a port matches that port only.
   */
  siteHosts: readonly string[]
}

interface SiteHost {
  hostname: string
  port: string
}

// Browsers drop these before parsing an address: leading/trailing C0 controls and spaces, and
// tabs and newlines anywhere (so `java\tscript:` is `javascript:`).
const EDGE_CONTROLS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g
const TAB_OR_NEWLINE = /[\t\n\r]/g
// Left after that clean-up, these have no business in an address an editor typed: C0 and C1
// controls, DEL, and invisible formatting characters (zero-width and bidirectional controls).
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/
const SCHEME = /^[a-z][a-z0-9+.-]*:/i
// A scheme with tabs or line breaks inside it (`java<tab>script:`, `ht<tab>tps:`): browsers drop
// them, but nobody types them by accident.
const SCHEME_WITH_BREAKS = /^[a-z0-9+.\-\t\n\r]*[\t\n\r][a-z0-9+.\-\t\n\r]*:/i
// What comes before the first `/`, `?` or `#`: where a host would be in an address without a scheme.
const LEADING_PART = /^[^/?#]*/
const PROTOCOL_RELATIVE = /^[\\/]{2}/
// Only used to check that a relative address parses; never rendered.
const PARSE_BASE = 'https://relative.invalid/'

const siteHostCache = new Map<string, SiteHost[]>()

function normaliseHostname(hostname: string): string {
  return hostname.replace(/\.+$/, '')
}

function normalisePort(port: string): string {
  return port === '80' || port === '443' ? '' : port
}

function parseSiteHost(entry: string): SiteHost {
  let url: URL
  try {
    url = new URL(entry.includes('://') ? entry : `https://${entry}`)
  } catch {
    throw new Error(
      `Link options: "${entry}" is not a host name (expected e.g. policy.example.org).`,
    )
  }
  return {hostname: normaliseHostname(url.hostname), port: normalisePort(url.port)}
}

function siteHostsOf(options: LinkOptions): SiteHost[] {
  const cacheKey = options.siteHosts.join('\n')
  let hosts = siteHostCache.get(cacheKey)
  if (!hosts) {
    hosts = options.siteHosts.map(parseSiteHost)
    if (siteHostCache.size > 32) siteHostCache.clear()
    siteHostCache.set(cacheKey, hosts)
  }
  return hosts
}

function isSiteHost(url: URL, options: LinkOptions): boolean {
  const hostname = normaliseHostname(url.hostname)
  const port = normalisePort(url.port)
  return siteHostsOf(options).some((site) => site.hostname === hostname && site.port === port)
}

function classifyWeb(url: URL, href: string, options: LinkOptions): ClassifiedLink {
  if (url.username !== '' || url.password !== '')
    return {kind: 'unsafe', href, reason: 'credentials'}
  if (isSiteHost(url, options)) {
    return {kind: 'internal', href: url.href, path: `${url.pathname}${url.search}${url.hash}`}
  }
  const host = normaliseHostname(url.hostname)
  return {kind: 'external', href: url.href, host, displayHost: hostToUnicode(host)}
}

function decoded(value: string): string | undefined {
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

function classifyAbsolute(cleaned: string, href: string, options: LinkOptions): ClassifiedLink {
  let url: URL
  try {
    url = new URL(cleaned)
  } catch {
    return {kind: 'unsafe', href, reason: 'malformed'}
  }
  switch (url.protocol) {
    case 'http:':
    case 'https:':
      return classifyWeb(url, href, options)
    case 'mailto:': {
      const address = decoded(url.pathname)
      if (!address?.trim()) return {kind: 'unsafe', href, reason: 'malformed'}
      return {kind: 'email', href: url.href, address}
    }
    case 'tel:': {
      const number = decoded(url.pathname)
      if (!number || !/\d/.test(number)) return {kind: 'unsafe', href, reason: 'malformed'}
      return {kind: 'phone', href: url.href, number}
    }
    default:
      return {kind: 'unsafe', href, reason: 'scheme'}
  }
}

/**
 * Whether HTML character references form or change the address's scheme, or turn it into one
 * to another host (`javascript&colon;…`, `&#106;&#97;…&#58;…`, `&#47;&#47;elsewhere`): harmless
 * where the address is used as written, live in any renderer that decodes them first.
 * References further on (`?a=1&amp;b=2`) change nothing of the kind.
 */
function referencesHideScheme(cleaned: string): boolean {
  if (!cleaned.includes('&')) return false
  const decoded = decodeHTMLAttribute(cleaned)
    .replace(EDGE_CONTROLS, '')
    .replace(TAB_OR_NEWLINE, '')
  if (decoded === cleaned) return false
  const scheme = SCHEME.exec(cleaned)?.[0].toLowerCase()
  const decodedScheme = SCHEME.exec(decoded)?.[0].toLowerCase()
  if (decodedScheme !== undefined && decodedScheme !== scheme) return true
  return scheme === undefined && PROTOCOL_RELATIVE.test(decoded) && !PROTOCOL_RELATIVE.test(cleaned)
}

/** Whether a name is one a person would take for a site's host: `www.…`, an IP address, or a name under a real top-level domain. */
function looksLikeHost(name: string): boolean {
  let hostname: string
  try {
    hostname = new URL(`https://${name}`).hostname
  } catch {
    return false
  }
  if (/^www\./i.test(name) && hostname.includes('.', 4)) return true
  const {isIp, isIcann, domain, publicSuffix} = parseDomain(hostname)
  return isIp === true || (isIcann === true && domain !== null && publicSuffix !== hostname)
}

/**
 * The address meant when one to another site is written without its scheme: `https://` before a
 * host name (`www.cai.gouv.qc.ca`, `example.org/page`, `example.org:8443`), `mailto:` before an
 * e-mail address. Undefined for anything else (a page of this site such as `historique`).
 */
function missingScheme(cleaned: string): string | undefined {
  if (/^[./\\#?]/.test(cleaned)) return undefined
  const leading = LEADING_PART.exec(cleaned)?.[0] ?? ''
  const email = /^[^\s@:]+@([^\s@:]+)$/.exec(leading)
  if (email?.[1] && looksLikeHost(email[1]) && leading.length === cleaned.length) {
    return `mailto:${cleaned}`
  }
  const host = /^([^\s@:]+)(?::\d{1,5})?$/.exec(leading)
  if (host?.[1] && looksLikeHost(host[1])) return `https://${cleaned}`
  return undefined
}

/** Classifies a link address as written by an editor (a Portable Text `link` annotation's href). */
export function classifyLink(href: string, options: LinkOptions): ClassifiedLink {
  const trimmed = href.replace(EDGE_CONTROLS, '')
  if (SCHEME_WITH_BREAKS.test(trimmed)) return {kind: 'unsafe', href, reason: 'scheme'}
  const cleaned = trimmed.replace(TAB_OR_NEWLINE, '')
  if (cleaned === '' || INVISIBLE.test(cleaned)) return {kind: 'unsafe', href, reason: 'malformed'}
  if (referencesHideScheme(cleaned)) return {kind: 'unsafe', href, reason: 'scheme'}
  const suggestion = missingScheme(cleaned)
  if (suggestion !== undefined) return {kind: 'unsafe', href, reason: 'missing-scheme', suggestion}

  if (PROTOCOL_RELATIVE.test(cleaned)) {
    // `//host/path` (and `\\host`, which browsers read the same way) keeps the page's scheme:
    // always https for the site.
    let url: URL
    try {
      url = new URL(cleaned, PARSE_BASE)
    } catch {
      return {kind: 'unsafe', href, reason: 'malformed'}
    }
    return classifyWeb(url, href, options)
  }

  if (SCHEME.test(cleaned)) return classifyAbsolute(cleaned, href, options)

  // A relative address. One whose first segment holds a colon, even percent-encoded
  // (`javascript%3Aalert(1)`, `%6Aavascript:…`), is a disguised scheme, not a page of the site.
  const firstSegment = cleaned.split(/[/?#]/, 1)[0] ?? ''
  const decodedSegment = decoded(firstSegment)
  if (decodedSegment === undefined) return {kind: 'unsafe', href, reason: 'malformed'}
  if (decodedSegment.includes(':')) return {kind: 'unsafe', href, reason: 'scheme'}
  try {
    new URL(cleaned, PARSE_BASE)
  } catch {
    return {kind: 'unsafe', href, reason: 'malformed'}
  }
  return {kind: 'internal', href: cleaned, path: cleaned}
}
