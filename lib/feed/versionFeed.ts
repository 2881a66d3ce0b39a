import type {Language} from '../policy/types'
import {escapeXml, type AtomEntry, type AtomFeed, type AtomLink} from './atom'
import {previousVersions, type PublishedVersion, type VersionAddresses} from './versions'

/** The feed's words, already in its language. */
export interface VersionFeedText {
  title: string
  subtitle: string
  entryTitle(version: PublishedVersion): string
  seeChanges(previous: number): string
  readVersion(number: number): string
  /** Said of a version that does not verify (lib/policy/verification.ts). */
  doesNotVerify: string
}

export interface VersionFeedInput {
  language: Language
  versions: readonly PublishedVersion[]
  /** Absolute address of this feed. */
  feedUrl: string
  /** Absolute address of the version history page in this language. */
  historyUrl: string
  /** The same feed in the other languages. */
  translations: {language: Language; url: string}[]
  /** Who publishes the policy. */
  author: string
  text: VersionFeedText
  addresses(number: number, previous: number | undefined): VersionAddresses
  /** When the feed is written; its `updated` when no version has been published yet. */
  now: Date
  /** Versions that do not verify: their entries say so first. */
  unverified?: ReadonlySet<number>
}

function entryContent(
  warning: string | undefined,
  summary: string | undefined,
  links: {href: string; text: string}[],
): string {
  const alert = warning ? `<p><strong>${escapeXml(warning)}</strong></p>` : ''
  const paragraph = summary ? `<p>${escapeXml(summary)}</p>` : ''
  const items = links.map(
    (link) => `<li><a href="${escapeXml(link.href)}">${escapeXml(link.text)}</a></li>`,
  )
  return `${alert}${paragraph}<ul>${items.join('')}</ul>`
}

/**
 * One entry per published version, newest first. A reader following an entry lands on what changed
 * (the redline against the version before), or on the version itself for the first one.
 */
export function versionFeed(input: VersionFeedInput): AtomFeed {
  const {language, text} = input
  const previous = previousVersions(input.versions)
  const versions = [...input.versions].sort((a, b) => b.number - a.number)

  const entries = versions.map((version): AtomEntry => {
    const before = previous.get(version.number)
    const addresses = input.addresses(version.number, before)
    const links: AtomLink[] = addresses.changes
      ? [
          {rel: 'alternate', type: 'text/html', href: addresses.changes},
          {rel: 'related', type: 'text/html', href: addresses.version},
        ]
      : [{rel: 'alternate', type: 'text/html', href: addresses.version}]
    const written = version.changeSummary?.[language] || undefined
    const warning = input.unverified?.has(version.number) ? text.doesNotVerify : undefined
    const summary = warning ? [warning, written].filter(Boolean).join(' ') : written
    return {
      id: addresses.version,
      title: text.entryTitle(version),
      updated: version.publishedAt,
      published: version.publishedAt,
      ...(summary ? {summary} : {}),
      contentHtml: entryContent(warning, written, [
        ...(addresses.changes && before !== undefined
          ? [{href: addresses.changes, text: text.seeChanges(before)}]
          : []),
        {href: addresses.version, text: text.readVersion(version.number)},
      ]),
      links,
    }
  })

  const latest = versions
    .map((version) => version.publishedAt)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1)

  return {
    id: input.feedUrl,
    title: text.title,
    subtitle: text.subtitle,
    updated: latest ?? input.now.toISOString(),
    language,
    author: {name: input.author},
    links: [
      {rel: 'self', type: 'application/atom+xml', href: input.feedUrl},
      {rel: 'alternate', type: 'text/html', hreflang: language, href: input.historyUrl},
      ...input.translations.map((translation): AtomLink => ({
        rel: 'alternate',
        type: 'application/atom+xml',
        hreflang: translation.language,
        href: translation.url,
      })),
    ],
    entries,
  }
}
