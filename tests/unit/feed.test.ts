// @vitest-environment jsdom
import {describe, expect, it} from 'vitest'
import {atomDate, escapeXml, renderAtomFeed} from '@/lib/feed/atom'
import {feedPath} from '@/lib/feed/addresses'
import {loadOrUnavailable, unavailableResponse} from '@/lib/feed/responses'
import {versionFeed, type VersionFeedInput} from '@/lib/feed/versionFeed'
import {previousVersions, versionList, type PublishedVersion} from '@/lib/feed/versions'
import {versionPeriods} from '@/lib/policy/periods'

const ATOM = 'http://www.w3.org/2005/Atom'
const SITE = 'https://policy.example.org'

const versions: PublishedVersion[] = [
  {
    number: 1,
    effectiveDate: '2016-03-01',
    publishedAt: '2016-02-15T14:00:00Z',
    changeSummary: {fr: 'Première version publiée.', en: 'First published version.'},
  },
  {
    number: 2,
    effectiveDate: '2026-10-01',
    publishedAt: '2026-09-15T14:00:00.000Z',
    changeSummary: {
      fr: 'Ajout de la section « Commentaires ou questions » & corrections.',
      en: 'Added the section “Comments or questions” & fixed <typos>.',
    },
  },
]

function englishFeed(overrides: Partial<VersionFeedInput> = {}): VersionFeedInput {
  return {
    language: 'en',
    versions,
    feedUrl: `${SITE}/en/feed.xml`,
    historyUrl: `${SITE}/en/privacy-policy/history`,
    translations: [{language: 'fr', url: `${SITE}/fr/feed.xml`}],
    author: 'groupe (e)space',
    text: {
      title: 'Privacy policy of groupe (e)space: new versions',
      subtitle: 'Each version as it is published.',
      entryTitle: (version) => `Version ${version.number}, effective ${version.effectiveDate}`,
      seeChanges: (previous) => `See the changes from version ${previous}`,
      readVersion: (number) => `Read version ${number}`,
      doesNotVerify: 'This version does not verify.',
    },
    addresses: (number, previous) => ({
      version: `${SITE}/en/privacy-policy/versions/${number}`,
      ...(previous === undefined
        ? {}
        : {changes: `${SITE}/en/privacy-policy/compare?from=${previous}&to=${number}`}),
    }),
    now: new Date('2026-11-26T12:00:00Z'),
    ...overrides,
  }
}

function parse(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml')
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0)
  return document
}

const child = (parent: Element | Document, name: string) =>
  parent.getElementsByTagNameNS(ATOM, name)[0]
const links = (parent: Element) =>
  [...parent.children]
    .filter((element) => element.localName === 'link')
    .map((element) => `${element.getAttribute('rel')} ${element.getAttribute('href')}`)

describe('a subscriber following the policy in a feed reader', () => {
  it('gets a well-formed Atom feed that names itself, its language and the other language', () => {
    const document = parse(renderAtomFeed(versionFeed(englishFeed())))
    const feed = document.documentElement
    expect(feed.namespaceURI).toBe(ATOM)
    expect(feed.localName).toBe('feed')
    expect(feed.getAttribute('xml:lang')).toBe('en')
    expect(child(feed, 'id')?.textContent).toBe(`${SITE}/en/feed.xml`)
    expect(child(feed, 'title')?.textContent).toBe(
      'Privacy policy of groupe (e)space: new versions',
    )
    // The feed changed when the latest version was published.
    expect(child(feed, 'updated')?.textContent).toBe('2026-09-15T14:00:00Z')
    expect(child(child(feed, 'author')!, 'name')?.textContent).toBe('groupe (e)space')
    expect(links(feed)).toEqual([
      `self ${SITE}/en/feed.xml`,
      `alternate ${SITE}/en/privacy-policy/history`,
      `alternate ${SITE}/fr/feed.xml`,
    ])
  })

  it('sees each version, newest first, leading to its changes and to the version itself', () => {
    const document = parse(renderAtomFeed(versionFeed(englishFeed())))
    const entries = [...document.getElementsByTagNameNS(ATOM, 'entry')]
    expect(entries.map((entry) => child(entry, 'title')?.textContent)).toEqual([
      'Version 2, effective 2026-10-01',
      'Version 1, effective 2016-03-01',
    ])
    const [second, first] = entries
    expect(child(second!, 'id')?.textContent).toBe(`${SITE}/en/privacy-policy/versions/2`)
    expect(child(second!, 'updated')?.textContent).toBe('2026-09-15T14:00:00Z')
    expect(child(second!, 'summary')?.textContent).toBe(
      'Added the section “Comments or questions” & fixed <typos>.',
    )
    expect(links(second!)).toEqual([
      `alternate ${SITE}/en/privacy-policy/compare?from=1&to=2`,
      `related ${SITE}/en/privacy-policy/versions/2`,
    ])
    // The first version has nothing to compare with: it leads to itself.
    expect(links(first!)).toEqual([`alternate ${SITE}/en/privacy-policy/versions/1`])

    // Readers that show the content get the summary and both links, as HTML.
    const content = child(second!, 'content')
    expect(content?.getAttribute('type')).toBe('html')
    const html = new DOMParser().parseFromString(content?.textContent ?? '', 'text/html')
    expect(html.querySelector('p')?.textContent).toContain('fixed <typos>')
    expect(
      [...html.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['See the changes from version 1', `${SITE}/en/privacy-policy/compare?from=1&to=2`],
      ['Read version 2', `${SITE}/en/privacy-policy/versions/2`],
    ])
  })

  it('is told first thing in an entry when its version does not verify', () => {
    const document = parse(renderAtomFeed(versionFeed(englishFeed({unverified: new Set([2])}))))
    const [second, first] = [...document.getElementsByTagNameNS(ATOM, 'entry')]
    expect(child(second!, 'summary')?.textContent).toBe(
      'This version does not verify. Added the section “Comments or questions” & fixed <typos>.',
    )
    const html = new DOMParser().parseFromString(
      child(second!, 'content')?.textContent ?? '',
      'text/html',
    )
    expect(html.querySelector('p strong')?.textContent).toBe('This version does not verify.')
    expect(child(first!, 'summary')?.textContent).not.toContain('does not verify')
  })

  it('still gets a valid feed before any version is published', () => {
    const document = parse(renderAtomFeed(versionFeed(englishFeed({versions: []}))))
    expect(document.getElementsByTagNameNS(ATOM, 'entry')).toHaveLength(0)
    expect(child(document, 'updated')?.textContent).toBe('2026-11-26T12:00:00Z')
  })

  it('never breaks the XML, whatever an editor typed', () => {
    const nasty = 'Tom & Jerry say "hi" <script>\u0001</script>'
    expect(escapeXml(nasty)).toBe(
      'Tom &amp; Jerry say &quot;hi&quot; &lt;script&gt;&lt;/script&gt;',
    )
    const feed = versionFeed(
      englishFeed({
        versions: [{...versions[0]!, changeSummary: {fr: nasty, en: nasty}}],
        author: nasty,
      }),
    )
    const document = parse(renderAtomFeed(feed))
    expect(child(document, 'summary')?.textContent).toBe('Tom & Jerry say "hi" <script></script>')
  })

  it('writes dates as RFC 3339 in UTC and refuses what is not a date', () => {
    expect(atomDate('2026-09-15T10:00:00-04:00')).toBe('2026-09-15T14:00:00Z')
    expect(() => atomDate('yesterday')).toThrow(RangeError)
  })
})

describe('a program reading the list of versions', () => {
  it('compares each version with the published one before it, even when numbers skip', () => {
    expect([...previousVersions([{number: 5}, {number: 1}, {number: 2}])]).toEqual([
      [2, 1],
      [5, 2],
    ])
  })

  it('gets every version, newest first, with its period, summary and addresses in both languages', () => {
    const list = versionList({
      versions,
      periods: versionPeriods(versions, '2026-11-26'),
      addresses: (number, previous, language) => ({
        version: `${SITE}/${language}/v/${number}`,
        ...(previous === undefined ? {} : {changes: `${SITE}/${language}/c/${previous}-${number}`}),
      }),
      feeds: {fr: `${SITE}${feedPath('fr')}`, en: `${SITE}${feedPath('en')}`},
      verification: {
        verified: false,
        missing: [],
        anomalies: [],
        versions: [
          {number: 1, fingerprint: 'f1', recomputed: 'f1', verified: true, problems: []},
          {
            number: 2,
            fingerprint: 'f2',
            recomputed: 'f3',
            verified: false,
            problems: [{code: 'fingerprint-mismatch'}],
          },
        ],
      },
      json: (number) => `${SITE}/api/versions/${number}`,
      signingKeys: `${SITE}/.well-known/policy-signing-keys.json`,
    })
    expect(list.current).toBe(2)
    expect(list.verified).toBe(false)
    expect(
      list.versions.map(({number, fingerprint, verification}) => [
        number,
        fingerprint,
        verification,
      ]),
    ).toEqual([
      [2, 'f2', {verified: false, problems: ['fingerprint-mismatch']}],
      [1, 'f1', {verified: true, problems: []}],
    ])
    expect(list.versions[0]?.json).toBe(`${SITE}/api/versions/2`)
    expect(
      list.versions.map((version) => [version.number, version.previous, version.period]),
    ).toEqual([
      [2, 1, {state: 'current', from: '2026-10-01'}],
      [1, null, {state: 'past', from: '2016-03-01', to: '2026-09-30'}],
    ])
    expect(list.versions[0]?.links).toEqual({
      fr: {version: `${SITE}/fr/v/2`, changes: `${SITE}/fr/c/1-2`},
      en: {version: `${SITE}/en/v/2`, changes: `${SITE}/en/c/1-2`},
    })
    expect(list.versions[1]?.links.en).toEqual({version: `${SITE}/en/v/1`})
    expect(list.feeds).toEqual({fr: `${SITE}/fr/feed.xml`, en: `${SITE}/en/feed.xml`})
    // What a program receives survives a round trip through JSON unchanged.
    expect(JSON.parse(JSON.stringify(list))).toEqual(list)
  })
})

describe('a feed reader polling while the content source is down', () => {
  class Outage extends Error {}
  const isOutage = (error: unknown) => error instanceof Outage

  it('is told to come back later rather than shown an error or an empty feed', async () => {
    const loaded = await loadOrUnavailable(() => Promise.reject(new Outage()), isOutage)
    expect(loaded).toBeUndefined()
    const response = unavailableResponse()
    expect(response.status).toBe(503)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('still sees real bugs fail loudly, and content pass through', async () => {
    await expect(
      loadOrUnavailable(() => Promise.reject(new TypeError('bad query')), isOutage),
    ).rejects.toThrow('bad query')
    expect(await loadOrUnavailable(() => Promise.resolve(versions), isOutage)).toBe(versions)
  })
})
