/**
 * Builds `production.ndjson`, the seed dataset, from the content modules in `content/`.
 * Run with `npx tsx sanity/seed/build.ts`. The output is deterministic (keys derived from each
 * block's place, fixed timestamps, revisions derived from content) so that the committed file
 * changes only when the content does.
 *
 * Each version is prepared, approved and published as the site does it (lib/policy/signoff.ts),
 * by the lake's local users (lib/localUsers.ts), and signed. The signatures were made once, with
 * `--sign`, by a key whose private half was then discarded: `signing.json` keeps its public key,
 * which the site and the lake trust, and the signatures. After a change of content, run with
 * `--sign` again (a new key) and commit both files.
 */
import {createHash} from 'node:crypto'
import {readFileSync, writeFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

import {LOCAL_EDITOR, LOCAL_LEGAL_REVIEWER} from '../../lib/localUsers'
import {approvalSeal, publishedVersionDocument, type Signer} from '../../lib/policy/signoff'
import {
  generateSigningKey,
  signStatement,
  type PublicSigningKey,
} from '../../lib/policy/signingKeys'
import type {StoredSignature} from '../../lib/policy/statements'
import {
  LANGUAGES,
  type Language,
  type LinkAnnotation,
  type Localized,
  type PolicyBody,
  type PolicyContent,
  type PortableTextBlock,
  type PortableTextSpan,
  type SectionContent,
  type VersionActor,
} from '../../lib/policy/types'
import {candidateCoverage, type ComplianceChecklist} from '../../lib/policy/checklist'
import {POLICY_DOCUMENT_ID} from '../../lib/policy/documentIds'
import {candidateDocument} from '../../lib/policy/workflow'
import {
  privateSectorChecklist,
  publicBodiesChecklist,
  SEED_SECTION_COVERAGE,
} from './content/checklists'
import {typeset, type BlockDraft, type VersionDraft} from './content/portableText'
import {version1} from './content/version1'
import {version2} from './content/version2'

/** Where the seed is written, and where the embedded lake imports it from. */
export const SEED_FILE = fileURLToPath(new URL('./production.ndjson', import.meta.url))

/** The seed's public signing key and the signatures made with it. */
export const SEED_SIGNING_FILE = fileURLToPath(new URL('./signing.json', import.meta.url))

/**
 * The site's hosts the seed's link audits were computed with: the product's default address.
 * Each audit names them, so it verifies wherever the site is served later.
 */
export const SEED_SITE_HOSTS = ['localhost:3000']

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

/** A published version as the seed stores it (lib/policy/signoff.ts shapes it). */
export interface PolicyVersionDocument extends SystemFields {
  _type: 'policyVersion'
  status: 'published'
  number: number
  effectiveDate: string
  publishedAt: string
  changeSummary: LocaleText
  title: LocaleString
  organisationName: string
  introduction: LocalePortableText
  sections: SectionSnapshotValue[]
  linkAudit: {_type: 'linkAudit'; siteHosts: string[]; links: Record<string, unknown>[]}
  previousFingerprint: string | null
  fingerprint: string
  preparedBy: VersionActor & {_type: 'versionActor'}
  approval: VersionActor & {_type: 'versionApproval'; fingerprint: string} & StoredSignature
  publication: VersionActor & {_type: 'versionPublication'} & StoredSignature
}

export interface PolicySectionDocument extends SystemFields {
  _type: 'policySection'
  title: LocaleString
  key: {_type: 'slug'; current: string}
  body: LocalePortableText
  covers: string[]
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
  checklist: {_type: 'reference'; _ref: string}
  sections: SectionReference[]
}

export interface ComplianceChecklistDocument extends SystemFields {
  _type: 'complianceChecklist'
  act: ComplianceChecklist['act']
  title: LocaleString
  items: Record<string, unknown>[]
}

export type SeedDocument =
  PolicyVersionDocument | PolicySectionDocument | PolicyDocument | ComplianceChecklistDocument

/** The checklist the seed's policy follows: the Act its own text cites. */
const SEED_CHECKLIST = publicBodiesChecklist
const checklistDocumentId = (checklist: ComplianceChecklist): string => `checklist-${checklist.act}`

/** The checklists the product ships, as documents an organisation edits or replaces. */
function checklistDocuments(): ComplianceChecklistDocument[] {
  return [publicBodiesChecklist, privateSectorChecklist].map((checklist) =>
    withRevision<Omit<ComplianceChecklistDocument, '_rev'>>({
      _id: checklistDocumentId(checklist),
      _type: 'complianceChecklist',
      _createdAt: WORKING_COPY_CREATED_AT,
      _updatedAt: WORKING_COPY_CREATED_AT,
      act: checklist.act,
      title: {_type: 'localeString', ...checklist.title},
      items: checklist.items.map((item) => ({
        _type: 'checklistItem',
        _key: item.key,
        key: item.key,
        label: {_type: 'localeString', ...item.label},
        reference: {_type: 'localeString', ...item.reference},
        ...(item.guidance ? {guidance: {_type: 'localeText', ...item.guidance}} : {}),
        providedBySite: item.providedBySite === true,
      })),
    }),
  )
}

const sectionTags = new Map(Object.entries(SEED_SECTION_COVERAGE))

export const sectionDocumentId = (key: string): string => `section-${key}`

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

function typesetBoth(value: Localized<string>): Localized<string> {
  return {fr: typeset('fr', value.fr), en: typeset('en', value.en)}
}

function bodies(scope: string, value: Localized<BlockDraft[]>): Localized<PolicyBody> {
  const [fr, en] = LANGUAGES.map((language) => toBody(scope, language, value[language]))
  return {fr: fr ?? [], en: en ?? []}
}

/** A version's content as the working documents hold it (and as a candidate freezes it). */
function versionContent(content: VersionDraft['content']): PolicyContent {
  return {
    title: typesetBoth(content.title),
    organisationName: content.organisationName,
    introduction: bodies('introduction', content.introduction),
    sections: content.sections.map((section) => ({
      key: section.key,
      title: typesetBoth(section.title),
      body: bodies(section.key, section.body),
    })),
  }
}

/** A revision id that changes whenever the document's content does, as Sanity's does. */
function withRevision<T extends Omit<SeedDocument, '_rev'>>(document: T): T & {_rev: string} {
  const rev = createHash('sha256').update(JSON.stringify(document)).digest('base64url').slice(0, 22)
  return {...document, _rev: rev}
}

const person = (user: {id: string; name: string}, at: string): VersionActor => ({
  userId: user.id,
  name: user.name,
  at,
})

/** Signatures as `signing.json` keeps them, by statement (`approval-1`, `publication-2`…). */
export interface SeedSigning {
  publicKey: PublicSigningKey
  signatures: Record<string, StoredSignature>
  /**
   * The keys earlier seeds were signed with, newest first: lakes seeded before keep their history,
   * which still verifies with them.
   */
  earlierPublicKeys?: PublicSigningKey[]
}

export function readSeedSigning(): SeedSigning {
  return JSON.parse(readFileSync(SEED_SIGNING_FILE, 'utf8')) as SeedSigning
}

/** Signs with the signatures made once, or (`fresh`) makes new ones with a new key. */
function seedSigner(fresh: boolean): {sign: Signer; signing: () => SeedSigning} {
  if (fresh) {
    const {key} = generateSigningKey()
    const signatures: Record<string, StoredSignature> = {}
    const before = readSeedSigning()
    const earlierPublicKeys = [before.publicKey, ...(before.earlierPublicKeys ?? [])]
    return {
      sign: (statement) =>
        (signatures[`${statement.kind}-${statement.number}`] = signStatement(statement, key)),
      signing: () => ({publicKey: key.publicKey, signatures, earlierPublicKeys}),
    }
  }
  const stored = readSeedSigning()
  return {
    sign: (statement) => {
      const signature = stored.signatures[`${statement.kind}-${statement.number}`]
      if (!signature) {
        throw new Error(
          `No seed signature for ${statement.kind} ${statement.number}: build with --sign.`,
        )
      }
      return signature
    },
    signing: () => stored,
  }
}

/** Each version, prepared, approved and published as the site does it, chained to the last. */
function versionDocuments(sign: Signer): PolicyVersionDocument[] {
  const documents: PolicyVersionDocument[] = []
  for (const version of VERSIONS) {
    const content = versionContent(version.content)
    const candidate = candidateDocument({
      number: version.number,
      content,
      coverage: candidateCoverage(SEED_CHECKLIST, content.sections, sectionTags),
      preparedBy: person(LOCAL_EDITOR, version.preparedAt),
      proposal: {
        effectiveDate: version.effectiveDate,
        changeSummary: typesetBoth(version.changeSummary),
      },
    })
    const seal = approvalSeal(candidate, {
      approver: person(LOCAL_LEGAL_REVIEWER, version.approvedAt),
      siteHosts: SEED_SITE_HOSTS,
      previousFingerprint: documents.at(-1)?.fingerprint ?? null,
      // Signed once, before statements named their site (no `site`): they verify as they were.
      sign,
    })
    const published = publishedVersionDocument(
      {...candidate, ...seal.fields},
      {publisher: person(LOCAL_EDITOR, version.publishedAt), sign},
    )
    const {_id, ...fields} = published
    documents.push(
      withRevision({
        _id,
        _createdAt: version.preparedAt,
        _updatedAt: version.publishedAt,
        ...fields,
      } as unknown as Omit<PolicyVersionDocument, '_rev'>),
    )
  }
  return documents
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
      covers: [...(SEED_SECTION_COVERAGE[section.key] ?? [])],
    }),
  )
  const policy = withRevision<Omit<PolicyDocument, '_rev'>>({
    _id: POLICY_DOCUMENT_ID,
    _type: 'policy',
    ...system,
    title: current.title,
    organisationName: current.organisationName,
    introduction: current.introduction,
    checklist: {_type: 'reference', _ref: checklistDocumentId(SEED_CHECKLIST)},
    sections: current.sections.map(({key}) => ({
      _type: 'reference',
      _ref: sectionDocumentId(key),
      _key: key,
    })),
  })
  // Sections and checklists come before the policy that references them, for importers that
  // check references.
  return [...checklistDocuments(), ...sections, policy]
}

/** Every seed document, in the order they are written. */
export function buildSeedDocuments(sign: Signer = seedSigner(false).sign): SeedDocument[] {
  const versions = versionDocuments(sign)
  const current = versions.at(-1)
  if (!current) throw new Error('The seed needs at least one published version.')
  return [...workingCopy(current), ...versions]
}

/** The lines of `production.ndjson`: one JSON document per line, as `sanity dataset import` reads. */
export function buildSeedLines(sign?: Signer): string[] {
  return buildSeedDocuments(sign).map((document) => JSON.stringify(document))
}

/** The file's exact text. */
export const toNdjson = (lines: string[]): string => `${lines.join('\n')}\n`

function main(): void {
  const fresh = process.argv.includes('--sign')
  const signer = seedSigner(fresh)
  const lines = buildSeedLines(signer.sign)
  writeFileSync(SEED_FILE, toNdjson(lines))
  if (fresh) writeFileSync(SEED_SIGNING_FILE, `${JSON.stringify(signer.signing(), null, 2)}\n`)
  const signed = fresh
    ? `, signed with a new key (${signer.signing().publicKey.keyId}) whose private half is now gone`
    : ''
  console.log(`Wrote ${lines.length} documents to ${SEED_FILE}${signed}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main()
  } catch (error) {
    console.error(error)
    process.exit(1)
  }
}
