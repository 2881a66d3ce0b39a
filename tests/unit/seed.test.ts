import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

import {evaluate, parse} from 'groq-js'

import {uncoveredItems} from '@/lib/policy/checklist'
import {buildSnapshot, checkCandidate} from '@/lib/policy/candidate'
import {LOCAL_EDITOR, LOCAL_LEGAL_REVIEWER, LOCAL_USERS} from '@/lib/localUsers'
import {fingerprint, versionRecord} from '@/lib/policy/record'
import {verifyHistory} from '@/lib/policy/verification'
import {contentDifference, storedContent} from '@/lib/policy/workflow'
import {SEED_PUBLIC_KEYS} from '@/sanity/seed/seedKey'
import type {Language, PolicyBody, PortableTextBlock} from '@/lib/policy/types'
import {VERSION_DOCUMENTS_QUERY} from '@/sanity/lib/queries'
import {classifyVersions} from '@/lib/policy/versionShape'
import {currentVersionNumber, type DatedVersion} from '@/lib/policy/periods'
import {
  buildSeedLines,
  SEED_FILE,
  toNdjson,
  type PolicyDocument,
  type PolicySectionDocument,
  type PolicyVersionDocument,
  type SeedDocument,
} from '@/sanity/seed/build'

const SOURCE_FILE = fileURLToPath(
  new URL('../../sanity/seed/source/privacy-policy.en.txt', import.meta.url),
)
const NBSP = '\u00a0'
const SECTION_KEYS_V1 = [
  'cookies',
  'automatically-transmitted-data',
  'transmission-of-personal-information',
  'links-to-other-sites',
]
const SECTION_KEYS_V2 = [...SECTION_KEYS_V1, 'comments-or-questions', 'learn-more-about-privacy']

const ndjson = readFileSync(SEED_FILE, 'utf8')
const lines = ndjson.split('\n').filter((line) => line !== '')
const documents = lines.map((line) => JSON.parse(line) as SeedDocument)

function byId<T extends SeedDocument>(id: string): T {
  const document = documents.find((candidate) => candidate._id === id)
  if (!document) throw new Error(`The seed has no document "${id}".`)
  return document as T
}

const version1 = byId<PolicyVersionDocument>('version-1')
const version2 = byId<PolicyVersionDocument>('version-2')
const policy = byId<PolicyDocument>('policy')
const versions = [version1, version2]

/** The published versions as the site reads them, through the site's own query. */
async function readVersions(): Promise<PolicyVersionDocument[]> {
  const read = (await (
    await evaluate(parse(VERSION_DOCUMENTS_QUERY), {dataset: documents})
  ).get()) as PolicyVersionDocument[]
  const {versions, anomalies} = classifyVersions(read)
  expect(anomalies).toEqual([])
  return versions
}

/** A published version as the site reads it. */
async function readVersion(number: number): Promise<unknown> {
  return (await readVersions()).find((version) => version.number === number)
}

const blockText = (block: PortableTextBlock): string =>
  block.children.map((span) => span.text).join('')
const bodyText = (body: PolicyBody): string => body.map(blockText).join('\n')

/** All the words a reader of `version` sees in one language, titles included. */
function versionText(version: PolicyVersionDocument, language: Language): string {
  return [
    version.title[language],
    bodyText(version.introduction[language]),
    ...version.sections.flatMap((section) => [
      section.title[language],
      bodyText(section.body[language]),
    ]),
  ].join('\n')
}

function hrefs(version: PolicyVersionDocument, language: Language): string[] {
  return version.sections.flatMap((section) =>
    section.body[language].flatMap((block) => (block.markDefs ?? []).map((mark) => mark.href)),
  )
}

/** Every Portable Text body in the seed, with where it is, for messages. */
function allBodies(): Array<[string, PolicyBody]> {
  return documents.flatMap((document) => {
    const bodies: Array<[string, {fr: PolicyBody; en: PolicyBody}]> = []
    if (document._type === 'policySection') bodies.push([document._id, document.body])
    if (document._type === 'policy') bodies.push([document._id, document.introduction])
    if (document._type === 'policyVersion') {
      bodies.push([`${document._id} introduction`, document.introduction])
      for (const section of document.sections)
        bodies.push([`${document._id} ${section.key}`, section.body])
    }
    return bodies.flatMap(([where, body]) => [
      [`${where} (fr)`, body.fr] as [string, PolicyBody],
      [`${where} (en)`, body.en] as [string, PolicyBody],
    ])
  })
}

describe('the seed dataset', () => {
  it('is NDJSON that `sanity dataset import` reads: one document per line, each with an _id and a _type', () => {
    expect(ndjson.endsWith('\n')).toBe(true)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) {
      const document = JSON.parse(line) as Record<string, unknown>
      expect(typeof document._id, line.slice(0, 80)).toBe('string')
      expect(typeof document._type, line.slice(0, 80)).toBe('string')
    }
  })

  it('holds the two checklists, the policy, one document per section and the two published versions, none with a private (dotted) id', () => {
    const ids = documents.map((document) => document._id)
    expect(ids).toEqual([
      'checklist-public-bodies',
      'checklist-private-sector',
      ...SECTION_KEYS_V2.map((key) => `section-${key}`),
      'policy',
      'version-1',
      'version-2',
    ])
    for (const id of ids) expect(id).not.toContain('.')
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('records with each version what the checklist found, as the seed notes say: version 1 names no person in charge and no way to complain', () => {
    const missing = (id: string) =>
      uncoveredItems(
        versionRecord(documents.find((document) => document._id === id)!).checklistCoverage!,
      ).map((item) => item.key)
    expect(missing('version-1')).toEqual([
      'person-in-charge',
      'outside-quebec',
      'consent-withdrawal',
      'complaints',
    ])
    expect(missing('version-2')).toEqual(['outside-quebec', 'consent-withdrawal'])
    const policy = documents.find((document) => document._id === 'policy') as PolicyDocument
    expect(policy.checklist).toEqual({_type: 'reference', _ref: 'checklist-public-bodies'})
  })

  it('is exactly what build.ts generates now, so neither is edited without the other', () => {
    expect(ndjson).toBe(toNdjson(buildSeedLines()))
  })

  it('keeps version 1’s English word for word as the organisation published it, typos included', () => {
    // What is normalised, and why: the source is plain text, so paragraphs are separated by blank
    // lines and list items are indented; the seed stores paragraphs and list items as blocks.
    // So each line is trimmed and blank lines are dropped, nothing else. Bullet items keep their
    // "• " marker on both sides and are compared with it. The source's list of contents (the
    // indented lines after "Our policy includes the following elements:") is removed: the site
    // generates that list from the sections. The cookie paragraph has no heading in the source.
    const sourceLines = readFileSync(SOURCE_FILE, 'utf8').split('\n')
    const introEnd = sourceLines.indexOf('Our policy includes the following elements:')
    expect(introEnd).toBeGreaterThan(0)
    let listStart = introEnd + 1
    while (sourceLines[listStart]?.trim() === '') listStart++
    let listEnd = listStart
    while (/^\s+\S/.test(sourceLines[listEnd] ?? '')) listEnd++
    expect(listEnd - listStart, 'the source’s list of contents has six entries').toBe(6)
    const expected = [...sourceLines.slice(0, listStart), ...sourceLines.slice(listEnd)]
      .map((line) => line.trim())
      .filter((line) => line !== '')

    const render = (block: PortableTextBlock) =>
      `${block.listItem === 'bullet' ? '• ' : ''}${blockText(block)}`
    const actual = [
      version1.title.en,
      ...version1.introduction.en.map(render),
      ...version1.sections.flatMap((section) => [
        ...(section.key === 'cookies' ? [] : [section.title.en]),
        ...section.body.en.map(render),
      ]),
    ]
    expect(actual).toEqual(expected)
  })

  it('gives the policy and every section of every version a title and a text in French and in English', () => {
    for (const version of versions) {
      for (const language of ['fr', 'en'] as const) {
        expect(version.title[language].trim()).not.toBe('')
        expect(bodyText(version.introduction[language]).trim()).not.toBe('')
        for (const section of version.sections) {
          const where = `${version._id} ${section.key} (${language})`
          expect(section.title[language].trim(), where).not.toBe('')
          expect(section.body[language].length, where).toBeGreaterThan(0)
          expect(bodyText(section.body[language]).trim(), where).not.toBe('')
        }
      }
    }
  })

  it('keeps section keys unique within a version and stable from one version to the next', () => {
    expect(version1.sections.map((section) => section.key)).toEqual(SECTION_KEYS_V1)
    expect(version2.sections.map((section) => section.key)).toEqual(SECTION_KEYS_V2)
    for (const version of versions) {
      for (const section of version.sections) expect(section._key).toBe(section.key)
    }
    // A paragraph corrected in version 2 keeps its key, so the two versions line up block by block.
    for (const section of version1.sections) {
      const later = version2.sections.find((candidate) => candidate.key === section.key)
      for (const language of ['fr', 'en'] as const) {
        expect(later?.body[language].map((block) => block._key)).toEqual(
          section.body[language].map((block) => block._key),
        )
      }
    }
  })

  it('gives every block, span and link the _type and _key Sanity expects, and every link mark a definition', () => {
    for (const [where, body] of allBodies()) {
      expect(new Set(body.map((block) => block._key)).size, where).toBe(body.length)
      for (const block of body) {
        expect(block).toMatchObject({_type: 'block', style: 'normal'})
        expect(block._key, where).toMatch(/^[\w-]+$/)
        expect(Array.isArray(block.markDefs), where).toBe(true)
        if (block.listItem) expect(block).toMatchObject({listItem: 'bullet', level: 1})
        const markKeys = (block.markDefs ?? []).map((mark) => mark._key)
        for (const mark of block.markDefs ?? []) {
          expect(mark._type).toBe('link')
          expect(mark.href).toMatch(/^(https:\/\/|mailto:|tel:)/)
        }
        const spanKeys = block.children.map((span) => span._key)
        expect(new Set([...spanKeys, ...markKeys]).size, where).toBe(
          spanKeys.length + markKeys.length,
        )
        for (const span of block.children) {
          expect(span._type).toBe('span')
          expect(span.text, where).not.toBe('')
          for (const mark of span.marks ?? []) expect(markKeys, where).toContain(mark)
        }
      }
    }
  })

  it('records each version as prepared by the editor, approved by the legal reviewer and published, all real local users', () => {
    for (const version of versions) {
      expect(version).toMatchObject({
        status: 'published',
        preparedBy: {userId: LOCAL_EDITOR.id, name: LOCAL_EDITOR.name},
        approval: {userId: LOCAL_LEGAL_REVIEWER.id, name: LOCAL_LEGAL_REVIEWER.name},
        publication: {userId: LOCAL_EDITOR.id, name: LOCAL_EDITOR.name},
      })
      expect(version.preparedBy.at < version.approval.at).toBe(true)
      expect(version.approval.at < version.publishedAt).toBe(true)
      expect(version.publishedAt).toBe(version.publication.at)
      expect(version.publishedAt.slice(0, 10) <= version.effectiveDate).toBe(true)
    }
    const roles = new Map(LOCAL_USERS.map((user) => [user.id, user.role]))
    expect(roles.get(version2.approval.userId)).toBe('legal-reviewer')
  })

  it('verifies with the seed’s public key: fingerprints over what the site reads, the chain and the signatures', async () => {
    const result = verifyHistory(versions, [SEED_PUBLIC_KEYS[0]!])
    expect(result).toMatchObject({verified: true, missing: []})
    expect(version1.previousFingerprint).toBeNull()
    expect(version2.previousFingerprint).toBe(version1.fingerprint)
    // The fingerprint is over the record as the site reads the version back, too.
    for (const version of versions) {
      const read = (await readVersion(version.number)) as Record<string, unknown>
      expect(await fingerprint(versionRecord(read)), version._id).toBe(version.fingerprint)
    }
    expect(version2.linkAudit.links.map((link) => link.host)).toContain('www.cai.gouv.qc.ca')
  })

  it('has the editors’ working copy equal to version 2, so a candidate prepared now is not out of date and changes nothing', () => {
    const sections = documents.filter(
      (document): document is PolicySectionDocument => document._type === 'policySection',
    )
    const {content, missingSections} = buildSnapshot(policy, sections)
    expect(missingSections).toEqual([])
    expect(contentDifference(storedContent(version2), content)).toEqual({
      sections: [],
      frontMatter: false,
      order: false,
    })
    expect(checkCandidate(content).errors).toEqual([])
  })

  it('shows version 1 until version 2 takes effect on 1 October 2026, and version 2 from then on', async () => {
    const published = (await readVersions()) as unknown as DatedVersion[]
    const current = async (today: string) => currentVersionNumber(published, today)
    expect(await current('2016-03-01')).toBe(1)
    expect(await current('2026-09-30')).toBe(1)
    expect(await current('2026-10-01')).toBe(2)
    expect(await current('2026-11-26')).toBe(2)
  })

  it('shows in version 2 the typos of version 1 corrected', () => {
    const slips = [
      'Group (e)space',
      'Group (e) space',
      'groupe (e) space',
      'advise you than',
      'browse Internet',
      'is the one exchanged',
      'must ensure that this information is collected',
      'provide us with an application',
      'control file',
    ]
    const before = versionText(version1, 'en')
    const after = versionText(version2, 'en')
    for (const slip of slips) {
      expect(before, `version 1 has "${slip}"`).toContain(slip)
      expect(after, `version 2 still has "${slip}"`).not.toContain(slip)
    }
    expect(after).toContain('must inform the person concerned')
    expect(versionText(version2, 'fr')).toContain('doit informer la personne concernée')
    expect(version2.changeSummary.fr).not.toBe('')
    expect(version2.changeSummary.en).not.toBe('')
  })

  it('sends readers of version 2 to LégisQuébec and the Commission d’accès à l’information, in both languages', () => {
    const fr = hrefs(version2, 'fr')
    const en = hrefs(version2, 'en')
    expect(fr).toContain('https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1')
    expect(en).toContain('https://www.legisquebec.gouv.qc.ca/en/document/cs/A-2.1')
    for (const language of [fr, en]) {
      expect(language.some((href) => new URL(href).hostname === 'www.cai.gouv.qc.ca')).toBe(true)
      // Contact details are fictitious, on a domain reserved for examples.
      expect(language).toContain('mailto:confidentialite@example.org')
    }
    expect(hrefs(version1, 'fr')).toEqual([])
    expect(hrefs(version1, 'en')).toEqual([])
  })

  it('gives editors a working copy equal to version 2: the policy and its six sections, in order', () => {
    expect(policy.sections).toEqual(
      SECTION_KEYS_V2.map((key) => ({_type: 'reference', _ref: `section-${key}`, _key: key})),
    )
    expect(policy.title).toEqual(version2.title)
    expect(policy.organisationName).toBe('groupe (e)space')
    expect(policy.introduction).toEqual(version2.introduction)
    for (const snapshot of version2.sections) {
      const section = byId<PolicySectionDocument>(`section-${snapshot.key}`)
      expect(section.key).toEqual({_type: 'slug', current: snapshot.key})
      expect(section.title).toEqual(snapshot.title)
      expect(section.body).toEqual(snapshot.body)
    }
  })

  it('writes the French in Québec French with French typography', () => {
    const french = [
      ...versions.flatMap((version) => [versionText(version, 'fr'), version.changeSummary.fr]),
    ].join('\n')
    for (const term of [
      'témoins',
      'renseignements personnels',
      'courriel',
      'listes de diffusion',
    ]) {
      expect(french.toLowerCase()).toContain(term)
    }
    expect(french).toContain(
      'Loi sur l’accès aux documents des organismes publics et sur la protection des renseignements personnels',
    )
    for (const term of ['cookie', 'e-mail', 'informations personnelles', 'données personnelles']) {
      expect(french.toLowerCase()).not.toContain(term)
    }
    // A non-breaking space before ; : ! ? and inside « », and one kind of apostrophe.
    expect(french.match(/[;:!?]/g)?.length).toBeGreaterThan(10)
    expect(french).not.toMatch(/[^\u00a0][;:!?]/)
    expect(french).not.toMatch(/«[^\u00a0]|[^\u00a0]»/)
    expect(french).toContain(`«${NBSP}site référent${NBSP}»`)
    expect(french).not.toContain("'")
  })
})
