/**
 * Atom (RFC 4287) documents from plain data. Only what a change feed needs: text constructs are
 * plain text, entry content is HTML (escaped, as `type="html"` requires).
 */

export interface AtomLink {
  href: string
  /** `alternate` when absent, as in Atom itself. */
  rel?: 'alternate' | 'self' | 'related'
  type?: string
  hreflang?: string
  title?: string
}

export interface AtomEntry {
  /** A permanent, unique IRI. */
  id: string
  title: string
  /** RFC 3339 date-time. */
  updated: string
  published?: string
  summary?: string
  /** HTML, escaped on output. */
  contentHtml?: string
  links: AtomLink[]
}

export interface AtomFeed {
  id: string
  title: string
  subtitle?: string
  /** RFC 3339 date-time: the latest entry's, or the time of writing when there is none. */
  updated: string
  /** The language of the feed's text, e.g. `fr`. */
  language: string
  author: {name: string; uri?: string}
  links: AtomLink[]
  entries: AtomEntry[]
}

// Characters XML 1.0 forbids outright; content pasted into a CMS can carry them.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/** Text escaped for an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** The same instant as an RFC 3339 date-time in UTC, as Atom requires (`Z`, no offset names). */
export function atomDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${iso}"`)
  return date.toISOString().replace(/\.000Z$/, 'Z')
}

function link({href, rel, type, hreflang, title}: AtomLink): string {
  const attributes = [
    ['rel', rel],
    ['type', type],
    ['hreflang', hreflang],
    ['title', title],
    ['href', href],
  ]
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `${name}="${escapeXml(value)}"`)
  return `<link ${attributes.join(' ')}/>`
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`
}

function entry(item: AtomEntry): string {
  return [
    '  <entry>',
    `    ${element('id', item.id)}`,
    `    ${element('title', item.title, ' type="text"')}`,
    `    ${element('updated', atomDate(item.updated))}`,
    ...(item.published ? [`    ${element('published', atomDate(item.published))}`] : []),
    ...item.links.map((l) => `    ${link(l)}`),
    ...(item.summary ? [`    ${element('summary', item.summary, ' type="text"')}`] : []),
    ...(item.contentHtml ? [`    ${element('content', item.contentHtml, ' type="html"')}`] : []),
    '  </entry>',
  ].join('\n')
}

/** The feed as an Atom document, UTF-8, ready to serve as `application/atom+xml`. */
export function renderAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title, ' type="text"')}`,
    ...(feed.subtitle ? [`  ${element('subtitle', feed.subtitle, ' type="text"')}`] : []),
    `  ${element('updated', atomDate(feed.updated))}`,
    `  <author>${element('name', feed.author.name)}${feed.author.uri ? element('uri', feed.author.uri) : ''}</author>`,
    ...feed.links.map((l) => `  ${link(l)}`),
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n')
}
