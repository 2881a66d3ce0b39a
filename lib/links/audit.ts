import {LANGUAGES, type Language, type PolicyBody, type PolicyContent} from '../policy/types'
import {classifyLink, type LinkOptions, type UnsafeReason} from './classify'
import {linksInBody, type LinkRun} from './portableText'

/** Where in the policy a link sits. `sectionKey` is null for the policy's introduction. */
export interface LinkLocation {
  sectionKey: string | null
  language: Language
}

/** A link leaving the site, as listed for an audit. */
export interface OutboundLink extends LinkLocation {
  /** ASCII (Punycode) host name, without a trailing dot. */
  host: string
  /** The host name in Unicode, for display. */
  displayHost: string
  /** The normalised address. */
  url: string
  /** The linked words. */
  text: string
}

/** A link that must not be rendered as one (see `UnsafeReason`). */
export interface UnsafeLinkFound extends LinkLocation {
  /** The address exactly as written. */
  href: string
  text: string
  reason: UnsafeReason
}

interface LocatedRun extends LinkLocation {
  run: LinkRun
}

function runsOf(content: PolicyContent): LocatedRun[] {
  const bodies: {sectionKey: string | null; body: Partial<Record<Language, PolicyBody>>}[] = [
    ...(content.introduction ? [{sectionKey: null, body: content.introduction}] : []),
    ...content.sections.map((section) => ({sectionKey: section.key, body: section.body})),
  ]
  return bodies.flatMap(({sectionKey, body}) =>
    LANGUAGES.flatMap((language) =>
      linksInBody(body[language] ?? []).map((run) => ({run, sectionKey, language})),
    ),
  )
}

/** Every link to another site, in reading order (introduction first, then section by section). */
export function collectOutboundLinks(content: PolicyContent, options: LinkOptions): OutboundLink[] {
  const links: OutboundLink[] = []
  for (const {run, sectionKey, language} of runsOf(content)) {
    const link = classifyLink(run.href, options)
    if (link.kind !== 'external') continue
    links.push({
      host: link.host,
      displayHost: link.displayHost,
      url: link.href,
      text: run.text,
      sectionKey,
      language,
    })
  }
  return links
}

/** Every link that is unsafe whatever the site's hosts are, in reading order. */
export function findUnsafeLinks(content: PolicyContent): UnsafeLinkFound[] {
  const found: UnsafeLinkFound[] = []
  for (const {run, sectionKey, language} of runsOf(content)) {
    const link = classifyLink(run.href, {siteHosts: []})
    if (link.kind !== 'unsafe') continue
    found.push({href: run.href, text: run.text, reason: link.reason, sectionKey, language})
  }
  return found
}
