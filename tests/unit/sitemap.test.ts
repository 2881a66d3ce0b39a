import {describe, expect, it} from 'vitest'
import {renderRobots} from '@/lib/crawlers/robots'
import {renderSitemap, sitemapPages, type SignedDates} from '@/lib/crawlers/sitemap'

const VERSIONS: SignedDates[] = [
  {number: 1, effectiveDate: '2016-03-01', publishedAt: '2016-02-20T15:00:00.000Z'},
  {number: 2, effectiveDate: '2026-10-01', publishedAt: '2026-09-15T13:30:00.000Z'},
  {number: 3, effectiveDate: '2027-01-01', publishedAt: '2026-11-20T10:00:00.000Z'},
]

describe('the sitemap', () => {
  it('lists the policy in force, the history, each version and each redline between consecutive versions', () => {
    expect(sitemapPages(VERSIONS, new Set([1, 2, 3]), '2026-12-06')).toEqual([
      {page: {page: 'policy'}, lastmod: '2026-11-20T10:00:00.000Z'},
      {page: {page: 'history'}, lastmod: '2026-11-20T10:00:00.000Z'},
      {page: {page: 'version', number: 1}, lastmod: '2016-02-20T15:00:00.000Z'},
      {page: {page: 'version', number: 2}, lastmod: '2026-09-15T13:30:00.000Z'},
      {page: {page: 'version', number: 3}, lastmod: '2026-11-20T10:00:00.000Z'},
      {page: {page: 'compare', from: 1, to: 2}, lastmod: '2026-09-15T13:30:00.000Z'},
      {page: {page: 'compare', from: 2, to: 3}, lastmod: '2026-11-20T10:00:00.000Z'},
    ])
  })

  it('dates the policy in force by the day a version came into force, when that came last', () => {
    const pages = sitemapPages(VERSIONS.slice(0, 2), new Set([1, 2]), '2026-10-02')
    expect(pages[0]).toEqual({page: {page: 'policy'}, lastmod: '2026-10-01'})
  })

  it('offers search engines no version that does not verify, nor a redline to or from it', () => {
    const pages = sitemapPages(VERSIONS, new Set([1, 3]), '2026-12-06').map(({page}) => page)
    expect(pages).toEqual([
      {page: 'policy'},
      {page: 'history'},
      {page: 'version', number: 1},
      {page: 'version', number: 3},
    ])
  })

  it('has no policy in force before the first effective date, but the history', () => {
    const pages = sitemapPages(VERSIONS.slice(0, 1), new Set([1]), '2016-02-21')
    expect(pages.map(({page}) => page.page)).toEqual(['history', 'version'])
  })

  it('writes each address with its language alternates, escaped, dated to the second in UTC', () => {
    const xml = renderSitemap([
      {
        loc: 'https://policy.example/en/privacy-policy/compare?from=1&to=2',
        lastmod: '2026-09-15T13:30:00.123Z',
        alternates: [
          {hreflang: 'fr', href: 'https://policy.example/fr/a?from=1&to=2'},
          {hreflang: 'x-default', href: 'https://policy.example/fr/a?from=1&to=2'},
        ],
      },
    ])
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://policy.example/en/privacy-policy/compare?from=1&amp;to=2</loc>
    <lastmod>2026-09-15T13:30:00Z</lastmod>
    <xhtml:link rel="alternate" hreflang="fr" href="https://policy.example/fr/a?from=1&amp;to=2"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="https://policy.example/fr/a?from=1&amp;to=2"/>
  </url>
</urlset>
`)
  })
})

describe('robots.txt', () => {
  it('keeps crawlers out of what it names and says where the sitemap is', () => {
    expect(
      renderRobots({
        disallow: ['/studio', '/api/versions/publish'],
        sitemap: 'https://p.example/sitemap.xml',
      }),
    ).toBe(
      'User-agent: *\nDisallow: /studio\nDisallow: /api/versions/publish\nAllow: /\n\nSitemap: https://p.example/sitemap.xml\n',
    )
  })
})
