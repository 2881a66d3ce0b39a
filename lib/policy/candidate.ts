import {comparePolicies} from '../diff/policy'
import {publishedId} from './documentIds'
import {findUnsafeLinks} from '../links/audit'
import type {UnsafeReason} from '../links/classify'
import {
  LANGUAGES,
  type Language,
  type Localized,
  type PolicyBody,
  type PolicyContent,
  type PortableTextBlock,
  type SectionContent,
} from './types'

/** The `policy` singleton as stored (a draft may lack any field). */
export interface PolicyDocument {
  title?: Partial<Localized<string>>
  organisationName?: string
  introduction?: Partial<Localized<PolicyBody>>
  /** References to the section documents, in the policy's order. */
  sections?: {_ref: string}[]
}

/** A `policySection` document as stored (a draft may lack any field). */
export interface PolicySectionDocument {
  _id: string
  key?: {current?: string}
  title?: Partial<Localized<string>>
  body?: Partial<Localized<PolicyBody>>
  /** The checklist items the section covers (lib/policy/checklist.ts). */
  covers?: string[]
}

export interface SnapshotBuild {
  content: PolicyContent
  /** Section documents the policy lists but that were not given (deleted, or never published). */
  missingSections: string[]
}

/**
 * Everything that can stop a candidate version, or that an editor should look at first. Sections
 * are named by key and title, and by `position` (from 1, in the policy's order) when they have no
 * usable key. `sectionKey: null` means the policy's introduction.
 */
export type CandidateIssue =
  | {code: 'policy-title-missing'; severity: 'error'; language: Language}
  | {code: 'organisation-name-missing'; severity: 'error'}
  | {code: 'introduction-missing'; severity: 'error'; language: Language}
  | {code: 'no-sections'; severity: 'error'}
  | {code: 'section-not-found'; severity: 'error'; documentId: string}
  | {
      code: 'section-key-missing'
      severity: 'error'
      position: number
      sectionTitle: Localized<string>
    }
  | {code: 'duplicate-key'; severity: 'error'; sectionKey: string; positions: number[]}
  | {
      code: 'title-missing'
      severity: 'error'
      sectionKey: string
      position: number
      language: Language
    }
  | {
      code: 'body-missing'
      severity: 'error'
      sectionKey: string
      position: number
      sectionTitle: Localized<string>
      language: Language
    }
  | {
      code: 'unsafe-link'
      severity: 'error'
      sectionKey: string | null
      language: Language
      href: string
      linkText: string
      reason: UnsafeReason
    }
  | {
      /**
       * The text changed in one language since the last published version but not in the other:
       * perhaps a translation was forgotten.
       */
      code: 'translation-drift'
      severity: 'warning'
      sectionKey: string | null
      sectionTitle: Localized<string>
      changedLanguage: Language
      unchangedLanguage: Language
    }
  | {code: 'no-changes'; severity: 'warning'}

export type CandidateIssueCode = CandidateIssue['code']

export interface CandidateCheck {
  /** True when there is no error (warnings do not stop a candidate). */
  ok: boolean
  errors: CandidateIssue[]
  warnings: CandidateIssue[]
}

export interface CandidateOptions {
  /** The latest published version, to warn about translation drift and about no change at all. */
  lastPublished?: PolicyContent
}

/**
 * Keeps only what the policy's schema defines (paragraph styles, lists, spans, decorators and
 * links), so that the snapshot, and thus its hash, holds nothing a reader cannot see.
 */
function cleanBody(body: PolicyBody | undefined): PolicyBody {
  return (body ?? [])
    .filter((block) => block._type === 'block')
    .map((block): PortableTextBlock => {
      const clean: PortableTextBlock = {
        _type: 'block',
        _key: block._key,
        style: block.style ?? 'normal',
        children: (block.children ?? [])
          .filter((span) => span._type === 'span')
          .map((span) => ({
            _type: 'span',
            _key: span._key,
            text: span.text ?? '',
            marks: [...(span.marks ?? [])],
          })),
        markDefs: (block.markDefs ?? [])
          .filter((def) => def._type === 'link')
          .map((def) => ({_type: 'link', _key: def._key, href: def.href ?? ''})),
      }
      if (block.listItem) {
        clean.listItem = block.listItem
        clean.level = block.level ?? 1
      }
      return clean
    })
}

function localized(value: Partial<Localized<string>> | undefined): Localized<string> {
  return {fr: value?.fr ?? '', en: value?.en ?? ''}
}

/**
 * The content a candidate version freezes, built from the working documents: the policy and its
 * sections in the policy's order. When a section exists both as a draft and as published, the
 * published one is used: a version is prepared from what editors published, never from drafts.
 * An introduction empty in both languages is left out.
 */
export function buildSnapshot(
  policy: PolicyDocument,
  sections: PolicySectionDocument[],
): SnapshotBuild {
  const byId = new Map<string, PolicySectionDocument>()
  for (const section of sections) {
    const id = publishedId(section._id)
    if (section._id === id || !byId.has(id)) byId.set(id, section)
  }
  const missingSections: string[] = []
  const snapshotSections: SectionContent[] = []
  for (const {_ref} of policy.sections ?? []) {
    const section = byId.get(publishedId(_ref))
    if (!section) {
      missingSections.push(_ref)
      continue
    }
    snapshotSections.push({
      key: section.key?.current ?? '',
      title: localized(section.title),
      body: {fr: cleanBody(section.body?.fr), en: cleanBody(section.body?.en)},
    })
  }
  const content: PolicyContent = {
    title: localized(policy.title),
    organisationName: policy.organisationName ?? '',
    sections: snapshotSections,
  }
  const introduction = {
    fr: cleanBody(policy.introduction?.fr),
    en: cleanBody(policy.introduction?.en),
  }
  if (introduction.fr.length > 0 || introduction.en.length > 0) content.introduction = introduction
  return {content, missingSections}
}

function isBlank(body: PolicyBody | undefined): boolean {
  return !body || body.every((block) => block.children.every((span) => span.text.trim() === ''))
}

function other(language: Language): Language {
  return language === 'fr' ? 'en' : 'fr'
}

/**
 * Checks the content a candidate version would freeze. Errors: something missing in a language,
 * a section without a key or sharing its key, an unsafe link. Warnings, against the last published
 * version: a section (or the introduction) whose text changed in one language only, and a
 * candidate identical to what is already published.
 */
export function checkCandidate(
  content: PolicyContent,
  options: CandidateOptions = {},
): CandidateCheck {
  const issues: CandidateIssue[] = []

  for (const language of LANGUAGES) {
    if (!content.title[language]?.trim())
      issues.push({code: 'policy-title-missing', severity: 'error', language})
  }
  if (!content.organisationName.trim())
    issues.push({code: 'organisation-name-missing', severity: 'error'})
  if (content.introduction) {
    const introduction = content.introduction
    const present = LANGUAGES.filter((language) => !isBlank(introduction[language]))
    if (present.length === 1) {
      const language = other(present[0] ?? 'fr')
      issues.push({code: 'introduction-missing', severity: 'error', language})
    }
  }
  if (content.sections.length === 0) issues.push({code: 'no-sections', severity: 'error'})

  const positionsByKey = new Map<string, number[]>()
  content.sections.forEach((section, index) => {
    const position = index + 1
    const key = section.key.trim()
    if (!key) {
      issues.push({
        code: 'section-key-missing',
        severity: 'error',
        position,
        sectionTitle: section.title,
      })
    } else {
      positionsByKey.set(key, [...(positionsByKey.get(key) ?? []), position])
    }
    for (const language of LANGUAGES) {
      if (!section.title[language]?.trim()) {
        issues.push({
          code: 'title-missing',
          severity: 'error',
          sectionKey: section.key,
          position,
          language,
        })
      }
    }
    for (const language of LANGUAGES) {
      if (isBlank(section.body[language])) {
        issues.push({
          code: 'body-missing',
          severity: 'error',
          sectionKey: section.key,
          position,
          sectionTitle: section.title,
          language,
        })
      }
    }
  })
  for (const [sectionKey, positions] of positionsByKey) {
    if (positions.length > 1)
      issues.push({code: 'duplicate-key', severity: 'error', sectionKey, positions})
  }

  for (const link of findUnsafeLinks(content)) {
    issues.push({
      code: 'unsafe-link',
      severity: 'error',
      sectionKey: link.sectionKey,
      language: link.language,
      href: link.href,
      linkText: link.text,
      reason: link.reason,
    })
  }

  if (options.lastPublished) {
    const comparison = comparePolicies(options.lastPublished, content)
    const drift = (
      sectionKey: string | null,
      sectionTitle: Localized<string>,
      changed: Localized<boolean>,
    ) => {
      if (changed.fr === changed.en) return
      const changedLanguage: Language = changed.fr ? 'fr' : 'en'
      issues.push({
        code: 'translation-drift',
        severity: 'warning',
        sectionKey,
        sectionTitle,
        changedLanguage,
        unchangedLanguage: other(changedLanguage),
      })
    }
    drift(null, content.title, {
      fr: comparison.introduction.fr.changed,
      en: comparison.introduction.en.changed,
    })
    for (const section of comparison.sections) {
      if (section.status !== 'modified') continue
      drift(section.key, section.title, {
        fr: section.languages.fr.changed,
        en: section.languages.en.changed,
      })
    }
    if (comparison.identical) issues.push({code: 'no-changes', severity: 'warning'})
  }

  const errors = issues.filter((issue) => issue.severity === 'error')
  const warnings = issues.filter((issue) => issue.severity === 'warning')
  return {ok: errors.length === 0, errors, warnings}
}

/** Builds a candidate's content from the working documents and checks it in one go. */
export function prepareCandidate(
  policy: PolicyDocument,
  sections: PolicySectionDocument[],
  options: CandidateOptions = {},
): {content: PolicyContent; check: CandidateCheck} {
  const {content, missingSections} = buildSnapshot(policy, sections)
  const check = checkCandidate(content, options)
  const missing: CandidateIssue[] = missingSections.map((documentId) => ({
    code: 'section-not-found',
    severity: 'error',
    documentId,
  }))
  return {
    content,
    check: {
      ok: check.ok && missing.length === 0,
      errors: [...missing, ...check.errors],
      warnings: check.warnings,
    },
  }
}
