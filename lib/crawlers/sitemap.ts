/**
 * The site's sitemap (sitemaps.org 0.9, with `xhtml:link` language alternates as search engines
 * read them): which pages search engines are told about, and the XML itself. Pure: the addresses
 * come from the caller (app/sitemap.xml/route.ts), built by the same function as the pages' own
 * `<link rel="alternate" hreflang>`.
 */
import {escapeXml} from '../feed/atom'
import {currentVersionNumber, type DatedVersion} from '../policy/periods'

/** A published version as the signed record dates it. */
export interface SignedDates extends DatedVersion {
  /** When its publication was signed (ISO date-time). */
  publishedAt: string
}

/** A page of the site, whatever its language. */
export type SitemapPage =
  | {page: 'policy'}
  | {page: 'history'}
  | {page: 'version'; number: number}
  | {page: 'compare'; from: number; to: number}

export interface PlannedPage {
  page: SitemapPage
  /** W3C date-time (or date): when what the page shows last changed, from the signed records. */
  lastmod: string
}

/** The later of a date-time and a calendar date, compared by day. */
function later(moment: string, day: string): string {
  return day > moment.slice(0, 10) ? day : moment
}

/**
 * The pages to list on `today` (YYYY-MM-DD): the policy in force (when one is), the history, the
 * page of each version that verifies and the redline between each two consecutive versions that
 * both verify. An unverified version is on the site, under its integrity warning, but not offered
 * to search engines.
 *
 * Each is dated from the records: a version's page and the redline leading to it by the version's
 * publication; the policy in force and the history by the latest publication or coming into
 * force, whichever came last.
 */
export function sitemapPages(
  versions: readonly SignedDates[],
  verified: ReadonlySet<number>,
  today: string,
): PlannedPage[] {
  const ordered = [...versions].sort((a, b) => a.number - b.number)
  const listed = ordered.filter((version) => verified.has(version.number))
  const pages: PlannedPage[] = []

  const latestPublication = ordered.map((version) => version.publishedAt).sort()[ordered.length - 1]
  if (latestPublication !== undefined) {
    const inForce = ordered
      .filter((version) => version.effectiveDate <= today)
      .map((version) => version.effectiveDate)
      .sort()
      .at(-1)
    const lastmod = inForce ? later(latestPublication, inForce) : latestPublication
    if (currentVersionNumber(ordered, today) !== undefined) {
      pages.push({page: {page: 'policy'}, lastmod})
    }
    pages.push({page: {page: 'history'}, lastmod})
  }

  for (const version of listed) {
    pages.push({page: {page: 'version', number: version.number}, lastmod: version.publishedAt})
  }
  const listedNumbers = new Set(listed.map((version) => version.number))
  for (const version of listed) {
    if (listedNumbers.has(version.number - 1)) {
      pages.push({
        page: {page: 'compare', from: version.number - 1, to: version.number},
        lastmod: version.publishedAt,
      })
    }
  }
  return pages
}

export interface SitemapUrl {
  loc: string
  lastmod: string
  /** The page in every language, and the default (`x-default`): absolute addresses. */
  alternates: {hreflang: string; href: string}[]
}

/** W3C date-time in UTC, to the second, or a calendar date as it is. */
function w3cDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: "${value}"`)
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The sitemap document. */
export function renderSitemap(urls: readonly SitemapUrl[]): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ]
  for (const url of urls) {
    lines.push('  <url>', `    <loc>${escapeXml(url.loc)}</loc>`)
    lines.push(`    <lastmod>${w3cDate(url.lastmod)}</lastmod>`)
    for (const alternate of url.alternates) {
      lines.push(
        `    <xhtml:link rel="alternate" hreflang="${escapeXml(alternate.hreflang)}" href="${escapeXml(alternate.href)}"/>`,
      )
    }
    lines.push('  </url>')
  }
  lines.push('</urlset>', '')
  return lines.join('\n')
}
