/**
 * Builds `production.ndjson`, the seed dataset, from the content modules in `content/`.
 * Run with `npx tsx sanity/seed/build.ts`. The output is deterministic (keys derived from each
 * block's place, fixed timestamps, revisions derived from content) so that the committed file
 * changes only when the content does.
 */
import {createHash} from 'node:crypto'
import {writeFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

import {contentHash} from '../../lib/policy/contentHash'
import {
  LANGUAGES,
  type Language,
  type Localized,
  type PolicyBody,
  type PolicyContent,
  type PolicyVersion,
  type PortableTextBlock,
  type PortableTextSpan,
  type LinkAnnotation,
  type SectionContent,
  type VersionActor,
  type VersionApproval,
} from '../../lib/policy/types'
import {
  typeset,
  type BlockDraft,
  type SectionDraft,
  type VersionDraft,
} from './content/portableText'
import {version1} from './content/version1'
import {version2} from './content/version2'

/** Where the seed is written, and where the embedded lake imports it from. */
export const SEED_FILE = fileURLToPath(new URL('./production.ndjson', import.meta.url))

/** Every version, oldest first; the last one is what the editors' working copy holds. */
const VERSIONS: VersionDraft[] = [version1, version2]

/** When the editors last saved the working copy: just before the current version was prepared. */
const WORKING_COPY_CREATED_AT = '2026-09-01T13:00:00Z'
const WORKING_COPY_UPDATED_AT = '2026-09-10T15:30:00Z'

export interface LocaleString extends Localized<string> {
  _type: 'localeString'
}
export interface LocaleText extends Localized<string> {
  _type: 'localeText'
}
export interface LocalePortableText extends Localized<PolicyBody> {
  _type: 'localePortableText'
}

export interface SectionSnapshotValue extends SectionContent {
  _type: 'sectionSnapshot'
  _key: string
  title: LocaleString
  body: LocalePortableText
}

interface SystemFields {
  _id: string
  _createdAt: string
  _updatedAt: string
  _rev: string
}

export interface PolicyVersionDocument extends PolicyVersion, SystemFields {
  _type: 'policyVersion'
  number: number
  effectiveDate: string
  publishedAt: string
  changeSummary: LocaleText
  title: LocaleString
  introduction: LocalePortableText
  sections: SectionSnapshotValue[]
  contentHash: string
  preparedBy: VersionActor & {_type: 'versionActor'}
  approval: VersionApproval & {_type: 'versionApproval'}
}

export interface PolicySectionDocument extends SystemFields {
  _type: 'policySection'
  title: LocaleString
  key: {_type: 'slug'; current: string}
  body: LocalePortableText
}

export interface SectionReference {
  _type: 'reference'
  _ref: string
  _key: string
}

export interface PolicyDocument extends SystemFields {
  _type: 'policy'
  title: LocaleString
  organisationName: string
  introduction: LocalePortableText
  sections: SectionReference[]
}

export type SeedDocument = PolicyVersionDocument | PolicySectionDocument | PolicyDocument

export const sectionDocumentId = (key: string): string => `section-${key}`
export const versionDocumentId = (number: number): string => `version-${number}`

/**
 * Portable Text for one language. A block's `_key` comes from its place (`cookies-en-2`), so a
 * paragraph corrected between versions keeps its key, as it would after an edit in the Studio.
 */
function toBody(scope: string, language: Language, drafts: BlockDraft[]): PolicyBody {
  return drafts.map((draft, index): PortableTextBlock => {
    const blockKey = `${scope}-${language}-${index + 1}`
    const markDefs: LinkAnnotation[] = []
    const children: PortableTextSpan[] = []
    for (const part of draft.parts) {
      const text = typeset(language, typeof part === 'string' ? part : part.text)
      let marks: string[] = []
      if (typeof part !== 'string') {
        const linkKey = `${blockKey}-link${markDefs.length + 1}`
        markDefs.push({_type: 'link', _key: linkKey, href: part.href})
        marks = [linkKey]
      }
      children.push({_type: 'span', _key: `${blockKey}-span${children.length + 1}`, text, marks})
    }
    const list = draft.listItem ? {listItem: draft.listItem, level: 1} : {}
    return {_type: 'block', _key: blockKey, style: 'normal', ...list, markDefs, children}
  })
}

function localeString(value: Localized<string>): LocaleString {
  return {_type: 'localeString', fr: typeset('fr', value.fr), en: typeset('en', value.en)}
}

function localePortableText(scope: string, value: Localized<BlockDraft[]>): LocalePortableText {
  const [fr, en] = LANGUAGES.map((language) => toBody(scope, language, value[language]))
  return {_type: 'localePortableText', fr: fr ?? [], en: en ?? []}
}

function sectionSnapshot(section: SectionDraft): SectionSnapshotValue {
  return {
    _type: 'sectionSnapshot',
    _key: section.key,
    key: section.key,
    title: localeString(section.title),
    body: localePortableText(section.key, section.body),
  }
}

/** A revision id that changes whenever the document's content does, as Sanity's does. */
function withRevision<T extends Omit<SeedDocument, '_rev'>>(document: T): T & {_rev: string} {
  const rev = createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 22)
  return {...document, _rev: rev}
}

const plain = <T>({fr, en}: Localized<T>): Localized<T> => ({fr, en})

/**
 * The content as the site reads a version back (`title{fr, en}`, `sections[]{key, title{fr, en},
 * body{fr, en}}`) and as a candidate is built from the working copy: without the `_type`s Sanity
 * stores on the bilingual wrappers. Hashing this shape lets either recompute the same hash.
 */
function readerContent(snapshot: {
  title: LocaleString
  organisationName: string
  introduction: LocalePortableText
  sections: SectionSnapshotValue[]
}): PolicyContent {
  return {
    title: plain(snapshot.title),
    organisationName: snapshot.organisationName,
    introduction: plain(snapshot.introduction),
    sections: snapshot.sections.map(({key, title, body}) => ({
      key,
      title: plain(title),
      body: plain(body),
    })),
  }
}

async function versionDocument(version: VersionDraft): Promise<PolicyVersionDocument> {
  const {content} = version
  const snapshot = {
    title: localeString(content.title),
    organisationName: content.organisationName,
    introduction: localePortableText('introduction', content.introduction),
    sections: content.sections.map(sectionSnapshot),
  }
  const hash = await contentHash(readerContent(snapshot))
  return withRevision<Omit<PolicyVersionDocument, '_rev'>>({
    _id: versionDocumentId(version.number),
    _type: 'policyVersion',
    _createdAt: version.preparedBy.at,
    _updatedAt: version.publishedAt,
    status: 'published',
    number: version.number,
    effectiveDate: version.effectiveDate,
    publishedAt: version.publishedAt,
    changeSummary: {
      _type: 'localeText',
      fr: typeset('fr', version.changeSummary.fr),
      en: typeset('en', version.changeSummary.en),
    },
    ...snapshot,
    contentHash: hash,
    preparedBy: {_type: 'versionActor', ...version.preparedBy},
    approval: {_type: 'versionApproval', ...version.approvedBy, contentHash: hash},
  })
}

/** The editors' working copy: one document per section of the current version, and the policy. */
function workingCopy(current: PolicyVersionDocument): SeedDocument[] {
  const system = {_createdAt: WORKING_COPY_CREATED_AT, _updatedAt: WORKING_COPY_UPDATED_AT}
  const sections = current.sections.map((section) =>
    withRevision<Omit<PolicySectionDocument, '_rev'>>({
      _id: sectionDocumentId(section.key),
      _type: 'policySection',
      ...system,
      title: section.title,
      key: {_type: 'slug', current: section.key},
      body: section.body,
    }),
  )
  const policy = withRevision<Omit<PolicyDocument, '_rev'>>({
    _id: 'policy',
    _type: 'policy',
    ...system,
    title: current.title,
    organisationName: current.organisationName,
    introduction: current.introduction,
    sections: current.sections.map(({key}) => ({
      _type: 'reference',
      _ref: sectionDocumentId(key),
      _key: key,
    })),
  })
  // Sections come before the policy that references them, for importers that check references.
  return [...sections, policy]
}

/** Every seed document, in the order they are written. */
export async function buildSeedDocuments(): Promise<SeedDocument[]> {
  const versions = await Promise.all(VERSIONS.map(versionDocument))
  const current = versions.at(-1)
  if (!current) throw new Error('The seed needs at least one published version.')
  return [...workingCopy(current), ...versions]
}

/** The lines of `production.ndjson`: one JSON document per line, as `sanity dataset import` reads. */
export async function buildSeedLines(): Promise<string[]> {
  return (await buildSeedDocuments()).map((document) => JSON.stringify(document))
}

/** The file's exact text. */
export const toNdjson = (lines: string[]): string => `${lines.join('\n')}\n`

async function main(): Promise<void> {
  const lines = await buildSeedLines()
  await writeFile(SEED_FILE, toNdjson(lines))
  console.log(`Wrote ${lines.length} documents to ${SEED_FILE}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
