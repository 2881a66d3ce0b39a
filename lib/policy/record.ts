/**
 * A version's **record**: everything a reader gets of it, and so everything its fingerprint
 * covers (docs/decisions/0007-signed-versions.md). One function builds it from a stored version,
 * candidate or published; the site, the Studio, the lake, the seed and the `verify` command all
 * call it, so that they all hash the same bytes.
 */
import {collectOutboundLinks} from '../links/audit'
import type {RecordedCoverage} from './checklist'
import {canonicalJson, sha256Hex} from './canonicalJson'
import type {Language, Localized, PolicyBody, PolicyContent} from './types'

/** A link to another site, as the audit lists it. `sectionKey` is null for the introduction. */
export interface LinkAuditEntry {
  host: string
  url: string
  text: string
  sectionKey: string | null
  language: Language
}

/**
 * The links leaving the site, computed from the content with the site's hosts, which it names so
 * that anyone can recompute it from the record alone, whatever the site's domain is later.
 */
export interface LinkAudit {
  siteHosts: string[]
  links: LinkAuditEntry[]
}

type Maybe<T> = T | null

export interface RecordSection {
  key: Maybe<string>
  title: Maybe<Localized<Maybe<string>>>
  body: Maybe<Localized<Maybe<PolicyBody>>>
}

/**
 * The record, with `null` wherever the stored version lacks a value. Values are taken as stored:
 * a tampered version may hold anything, and then simply hashes to something else.
 */
export interface VersionRecord {
  number: Maybe<number>
  title: Maybe<Localized<Maybe<string>>>
  organisationName: Maybe<string>
  introduction: Maybe<Localized<Maybe<PolicyBody>>>
  sections: Maybe<Maybe<RecordSection>[]>
  effectiveDate: Maybe<string>
  changeSummary: Maybe<Localized<Maybe<string>>>
  linkAudit: Maybe<LinkAudit>
  previousFingerprint: Maybe<string>
  /**
   * The privacy-law checklist's coverage, in versions prepared since the checklist exists: absent
   * (not null) from earlier records, so that their fingerprints and signatures stay as they were.
   */
  checklistCoverage?: RecordedCoverage
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function storedValue<T>(value: unknown): Maybe<T> {
  return value === undefined ? null : (value as T)
}

// The bilingual wrappers without the `_type` Sanity stores on them.
function bilingual<T>(value: unknown): Maybe<Localized<Maybe<T>>> {
  return isObject(value) ? {fr: storedValue<T>(value.fr), en: storedValue<T>(value.en)} : null
}

function storedLinkAudit(value: unknown): Maybe<LinkAudit> {
  if (!isObject(value)) return null
  return {
    siteHosts: storedValue<string[]>(value.siteHosts) as string[],
    links: (Array.isArray(value.links) ? value.links : []).map((link: unknown) => {
      const entry = isObject(link) ? link : {}
      return {
        host: storedValue<string>(entry.host),
        url: storedValue<string>(entry.url),
        text: storedValue<string>(entry.text),
        sectionKey: storedValue<string>(entry.sectionKey),
        language: storedValue<Language>(entry.language),
      } as LinkAuditEntry
    }),
  }
}

function storedCoverage(value: unknown): RecordedCoverage | undefined {
  if (!isObject(value)) return undefined
  return {
    act: storedValue(value.act),
    title: bilingual<string>(value.title),
    items: (Array.isArray(value.items) ? value.items : []).map((item: unknown) => {
      const entry = isObject(item) ? item : {}
      return {
        key: storedValue<string>(entry.key),
        label: bilingual<string>(entry.label),
        reference: bilingual<string>(entry.reference),
        sectionKeys: storedValue<string[]>(entry.sectionKeys),
        covered: storedValue<boolean>(entry.covered),
      }
    }),
  } as RecordedCoverage
}

/** The record of a stored version (a candidate or a published version, as Sanity stores it). */
export function versionRecord(stored: object): VersionRecord {
  const doc = stored as Json
  const sections = Array.isArray(doc.sections)
    ? doc.sections.map((section: unknown) =>
        isObject(section)
          ? {
              key: storedValue<string>(section.key),
              title: bilingual<string>(section.title),
              body: bilingual<PolicyBody>(section.body),
            }
          : null,
      )
    : null
  return {
    number: storedValue<number>(doc.number),
    title: bilingual<string>(doc.title),
    organisationName: storedValue<string>(doc.organisationName),
    introduction: bilingual<PolicyBody>(doc.introduction),
    sections,
    effectiveDate: storedValue<string>(doc.effectiveDate),
    changeSummary: bilingual<string>(doc.changeSummary),
    linkAudit: storedLinkAudit(doc.linkAudit),
    previousFingerprint: storedValue<string>(doc.previousFingerprint),
    ...(isObject(doc.checklistCoverage)
      ? {checklistCoverage: storedCoverage(doc.checklistCoverage)}
      : {}),
  }
}

/** The content part of a record, in the shape the diff engine and the link audit read. */
export function recordContent(record: VersionRecord): PolicyContent {
  const text = (value: Maybe<string> | undefined) => (typeof value === 'string' ? value : '')
  const body = (value: Maybe<PolicyBody> | undefined) => (Array.isArray(value) ? value : [])
  const content: PolicyContent = {
    title: {fr: text(record.title?.fr), en: text(record.title?.en)},
    organisationName: text(record.organisationName),
    sections: (record.sections ?? []).flatMap((section) =>
      section
        ? [
            {
              key: text(section.key),
              title: {fr: text(section.title?.fr), en: text(section.title?.en)},
              body: {fr: body(section.body?.fr), en: body(section.body?.en)},
            },
          ]
        : [],
    ),
  }
  if (record.introduction) {
    content.introduction = {
      fr: body(record.introduction.fr),
      en: body(record.introduction.en),
    }
  }
  return content
}

/** The link audit of some content, as the site computes it: with the site's hosts. */
export function computeLinkAudit(content: PolicyContent, siteHosts: readonly string[]): LinkAudit {
  const hosts = [...new Set(siteHosts.map((host) => host.toLowerCase()))].sort()
  return {
    siteHosts: hosts,
    links: collectOutboundLinks(content, {siteHosts: hosts}).map(
      ({host, url, text, sectionKey, language}) => ({host, url, text, sectionKey, language}),
    ),
  }
}

/** Whether a record's link audit is what its own content gives with the hosts it names. */
export function linkAuditMatches(record: VersionRecord): boolean {
  const audit = record.linkAudit
  if (!audit || !Array.isArray(audit.siteHosts)) return false
  if (!audit.siteHosts.every((host) => typeof host === 'string')) return false
  return (
    canonicalJson(computeLinkAudit(recordContent(record), audit.siteHosts)) === canonicalJson(audit)
  )
}

/**
 * The record a candidate is approved and published as: its stored fields, with the link audit
 * computed now with the site's hosts and the fingerprint of the version it follows.
 */
export function sealedRecord(
  candidate: object,
  seal: {siteHosts: readonly string[]; previousFingerprint: string | null},
): VersionRecord {
  const record = versionRecord(candidate)
  return {
    ...record,
    linkAudit: computeLinkAudit(recordContent(record), seal.siteHosts),
    previousFingerprint: seal.previousFingerprint,
  }
}

/** A link audit as Sanity stores it: typed, with a `_key` per link. */
export function storedLinkAuditValue(audit: LinkAudit) {
  return {
    _type: 'linkAudit',
    siteHosts: audit.siteHosts,
    links: audit.links.map(({sectionKey, ...link}, index) => ({
      _type: 'outboundLink',
      _key: `link-${index + 1}`,
      ...link,
      ...(sectionKey === null ? {} : {sectionKey}),
    })),
  }
}

/** The exact text a fingerprint is the SHA-256 of. */
export function canonicalRecord(record: VersionRecord): string {
  return canonicalJson(record)
}

/** A version's fingerprint: the SHA-256 (hex) of its canonical record. */
export function fingerprint(record: VersionRecord): Promise<string> {
  return sha256Hex(canonicalRecord(record))
}

/** A fingerprint as people read it: its first 12 characters. */
export function shortFingerprint(value: string): string {
  return value.slice(0, 12)
}
