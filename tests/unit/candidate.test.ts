import {describe, expect, it} from 'vitest'
import {
  buildSnapshot,
  checkCandidate,
  prepareCandidate,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {canonicalJson} from '@/lib/policy/canonicalJson'
import type {PolicyBody, PortableTextBlock} from '@/lib/policy/types'

function paragraph(
  text: string,
  key: string,
  link?: {words: string; href: string},
): PortableTextBlock {
  if (!link) {
    return {
      _type: 'block',
      _key: key,
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: `${key}s`, text, marks: []}],
    }
  }
  const [head = '', tail = ''] = text.split(link.words)
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: [{_type: 'link', _key: `${key}l`, href: link.href}],
    children: [
      {_type: 'span', _key: `${key}a`, text: head, marks: []},
      {_type: 'span', _key: `${key}b`, text: link.words, marks: [`${key}l`]},
      {_type: 'span', _key: `${key}c`, text: tail, marks: []},
    ],
  }
}

function sectionDocument(
  key: string,
  title: {fr?: string; en?: string},
  body: {fr?: PolicyBody; en?: PolicyBody},
  id = `section-${key}`,
): PolicySectionDocument {
  return {_id: id, key: {current: key}, title, body}
}

const cookies = sectionDocument(
  'cookies',
  {fr: 'Cookies', en: 'Cookies'},
  {
    fr: [paragraph('Nous utilisons des cookies de mesure d’audience.', 'c1')],
    en: [paragraph('We use audience measurement cookies.', 'c1')],
  },
)
const rights = sectionDocument(
  'rights',
  {fr: 'Vos droits', en: 'Your rights'},
  {
    fr: [paragraph('Écrivez à la CNIL.', 'r1', {words: 'la CNIL', href: 'https://www.cnil.fr/'})],
    en: [
      paragraph('Write to the CNIL.', 'r1', {words: 'the CNIL', href: 'https://www.cnil.fr/en'}),
    ],
  },
)

const policyDocument: PolicyDocument = {
  title: {fr: 'Politique de confidentialité', en: 'Privacy policy'},
  organisationName: 'groupe (e)space',
  sections: [{_ref: 'section-rights'}, {_ref: 'section-cookies'}],
}

describe('an editor prepares a candidate version from the working documents', () => {
  it('freezes the sections in the policy’s order, with their keys as plain strings', () => {
    const {content, missingSections} = buildSnapshot(policyDocument, [cookies, rights])
    expect(missingSections).toEqual([])
    expect(content.sections.map((s) => [s.key, s.title.en])).toEqual([
      ['rights', 'Your rights'],
      ['cookies', 'Cookies'],
    ])
    expect(content.sections[0]!.body.fr[0]!.markDefs).toEqual([
      {_type: 'link', _key: 'r1l', href: 'https://www.cnil.fr/'},
    ])
    expect(content.introduction).toBeUndefined()
    expect(checkCandidate(content)).toEqual({ok: true, errors: [], warnings: []})
  })

  it('uses the published section when a draft of it is also given, and reports a section that is gone', () => {
    const draft = sectionDocument(
      'cookies',
      {fr: 'Brouillon', en: 'Draft'},
      cookies.body ?? {},
      'drafts.section-cookies',
    )
    const {content, check} = prepareCandidate(
      {
        ...policyDocument,
        sections: [...(policyDocument.sections ?? []), {_ref: 'section-deleted'}],
      },
      [draft, cookies, rights],
    )
    expect(content.sections.map((s) => s.title.fr)).toEqual(['Vos droits', 'Cookies'])
    expect(check.ok).toBe(false)
    expect(check.errors).toEqual([
      {code: 'section-not-found', severity: 'error', documentId: 'section-deleted'},
    ])
  })

  it('keeps only what readers see, so editing tools cannot change the version’s fingerprint', () => {
    // The Studio or a migration may leave fields of its own on a block.
    const noisyBlock: PortableTextBlock = Object.assign(
      paragraph('Nous utilisons des cookies de mesure d’audience.', 'c1'),
      {_studioState: 'x'},
    )
    const noisy: PolicySectionDocument = {
      ...cookies,
      body: {fr: [noisyBlock], en: cookies.body?.en},
    }
    const clean = buildSnapshot(policyDocument, [cookies, rights]).content
    const fromNoisy = buildSnapshot(policyDocument, [noisy, rights]).content
    expect(canonicalJson(fromNoisy)).toBe(canonicalJson(clean))
  })
})

describe('a candidate is checked before legal review', () => {
  it('refuses a section missing its English title or French text, naming section and language', () => {
    const incomplete = sectionDocument(
      'retention',
      {fr: 'Conservation'},
      {fr: [paragraph('  ', 'x')], en: [paragraph('Three years.', 'y')]},
    )
    const {content} = buildSnapshot({...policyDocument, sections: [{_ref: 'section-retention'}]}, [
      incomplete,
    ])
    const check = checkCandidate(content)
    expect(check.ok).toBe(false)
    expect(check.errors).toEqual([
      {
        code: 'title-missing',
        severity: 'error',
        sectionKey: 'retention',
        position: 1,
        language: 'en',
      },
      {
        code: 'body-missing',
        severity: 'error',
        sectionKey: 'retention',
        position: 1,
        sectionTitle: {fr: 'Conservation', en: ''},
        language: 'fr',
      },
    ])
  })

  it('refuses two sections sharing a key, and a section without one', () => {
    const twin = sectionDocument(
      'cookies',
      {fr: 'Traceurs', en: 'Trackers'},
      cookies.body ?? {},
      'section-trackers',
    )
    const keyless: PolicySectionDocument = {...rights, _id: 'section-new', key: undefined}
    const {content} = buildSnapshot(
      {
        ...policyDocument,
        sections: [{_ref: 'section-cookies'}, {_ref: 'section-new'}, {_ref: 'section-trackers'}],
      },
      [cookies, keyless, twin],
    )
    expect(checkCandidate(content).errors).toEqual([
      {
        code: 'section-key-missing',
        severity: 'error',
        position: 2,
        sectionTitle: {fr: 'Vos droits', en: 'Your rights'},
      },
      {code: 'duplicate-key', severity: 'error', sectionKey: 'cookies', positions: [1, 3]},
    ])
  })

  it('refuses an unsafe link, saying where it is and what its words are', () => {
    const trap = sectionDocument(
      'contact',
      {fr: 'Contact', en: 'Contact'},
      {
        fr: [paragraph('Cliquez ici.', 'k', {words: 'ici', href: ' JaVa\tScRiPt:alert(1)'})],
        en: [paragraph('Click here.', 'k', {words: 'here', href: 'mailto:dpo@espace.example'})],
      },
    )
    const {content} = buildSnapshot({...policyDocument, sections: [{_ref: 'section-contact'}]}, [
      trap,
    ])
    expect(checkCandidate(content).errors).toEqual([
      {
        code: 'unsafe-link',
        severity: 'error',
        sectionKey: 'contact',
        language: 'fr',
        href: ' JaVa\tScRiPt:alert(1)',
        linkText: 'ici',
        reason: 'scheme',
      },
    ])
  })

  it('refuses a policy without a title in one language or without sections, and an introduction in one language only', () => {
    const {content} = buildSnapshot(
      {
        title: {fr: 'Politique'},
        organisationName: ' ',
        introduction: {fr: [paragraph('Bienvenue.', 'i')]},
        sections: [],
      },
      [],
    )
    expect(checkCandidate(content).errors.map((issue) => issue.code)).toEqual([
      'policy-title-missing',
      'organisation-name-missing',
      'introduction-missing',
      'no-sections',
    ])
  })

  it('warns when a section’s French changed since the last published version but its English did not', () => {
    const published = buildSnapshot(policyDocument, [cookies, rights]).content
    const frenchOnly = sectionDocument('cookies', cookies.title ?? {}, {
      fr: [paragraph('Nous utilisons des cookies de mesure d’audience et de publicité.', 'c1')],
      en: cookies.body?.en,
    })
    const check = checkCandidate(buildSnapshot(policyDocument, [frenchOnly, rights]).content, {
      lastPublished: published,
    })
    expect(check.ok).toBe(true)
    expect(check.warnings).toEqual([
      {
        code: 'translation-drift',
        severity: 'warning',
        sectionKey: 'cookies',
        sectionTitle: {fr: 'Cookies', en: 'Cookies'},
        changedLanguage: 'fr',
        unchangedLanguage: 'en',
      },
    ])
  })

  it('warns the other way round when only an English link target changed', () => {
    const published = buildSnapshot(policyDocument, [cookies, rights]).content
    const englishOnly = sectionDocument('rights', rights.title ?? {}, {
      fr: rights.body?.fr,
      en: [
        paragraph('Write to the CNIL.', 'r1', {
          words: 'the CNIL',
          href: 'https://www.cnil.fr/en/home',
        }),
      ],
    })
    const check = checkCandidate(buildSnapshot(policyDocument, [cookies, englishOnly]).content, {
      lastPublished: published,
    })
    expect(check.warnings).toMatchObject([
      {code: 'translation-drift', sectionKey: 'rights', changedLanguage: 'en'},
    ])
  })

  it('does not warn when both languages were revised, or when only apostrophes and spaces were tidied', () => {
    const published = buildSnapshot(policyDocument, [cookies, rights]).content
    const both = sectionDocument('cookies', cookies.title ?? {}, {
      fr: [paragraph('Nous utilisons des cookies de publicité.', 'c1')],
      en: [paragraph('We use advertising cookies.', 'c1')],
    })
    const tidied = sectionDocument('rights', rights.title ?? {}, {
      fr: [
        paragraph('Écrivez\u00a0à la CNIL.', 'r1', {
          words: 'la CNIL',
          href: 'https://www.cnil.fr/',
        }),
      ],
      en: rights.body?.en,
    })
    const check = checkCandidate(buildSnapshot(policyDocument, [both, tidied]).content, {
      lastPublished: published,
    })
    expect(check.warnings).toEqual([])
  })

  it('warns when the candidate would publish nothing new', () => {
    const published = buildSnapshot(policyDocument, [cookies, rights]).content
    const check = checkCandidate(buildSnapshot(policyDocument, [cookies, rights]).content, {
      lastPublished: published,
    })
    expect(check).toEqual({
      ok: true,
      errors: [],
      warnings: [{code: 'no-changes', severity: 'warning'}],
    })
  })
})
