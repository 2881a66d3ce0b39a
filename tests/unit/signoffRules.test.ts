import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {
  prepareCandidate,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {REFUSAL_MESSAGES, refusalBody, refusalMessage} from '@/lib/policy/refusals'
import {isReviewer, mayPublish} from '@/lib/policy/reviewers'
import {
  candidateDocument,
  candidateDocumentId,
  candidateNumber,
  candidateStaleness,
  changeSummaryRefusals,
  effectiveDateRefusal,
  nextVersionNumber,
  publishedVersionNumber,
  stalenessSummary,
} from '@/lib/policy/workflow'
import {SEED_FILE} from '@/sanity/seed/build'

type Doc = Record<string, unknown> & {_id: string; _type: string}
const seed = readFileSync(SEED_FILE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Doc)

function working(docs: Doc[] = seed) {
  return {
    policy: docs.find((doc) => doc._id === 'policy') as PolicyDocument,
    sections: docs.filter((doc) => doc._type === 'policySection') as PolicySectionDocument[],
  }
}

function candidateFromSeed() {
  const {policy, sections} = working()
  const {content} = prepareCandidate(policy, sections)
  return candidateDocument({
    number: 3,
    content,
    preparedBy: {userId: 'p-editor', name: 'Camille Tremblay', at: '2026-11-26T10:00:00.000Z'},
    proposal: {effectiveDate: '2027-01-01', changeSummary: {fr: 'Résumé.', en: 'Summary.'}},
  })
}

function withSection(key: string, change: (section: Doc) => Doc): Doc[] {
  return seed.map((doc) => (doc._id === `section-${key}` ? change(structuredClone(doc)) : doc))
}

describe('a candidate is private until it is published', () => {
  it('lives at drafts.version-<n>, the draft of the version it will become', () => {
    expect(candidateDocumentId(3)).toBe('drafts.version-3')
    expect(candidateNumber('drafts.version-3')).toBe(3)
    expect(candidateNumber('version-3')).toBeUndefined()
    expect(candidateNumber('drafts.version-03')).toBeUndefined()
    expect(publishedVersionNumber('version-12')).toBe(12)
    expect(publishedVersionNumber('drafts.version-12')).toBeUndefined()
  })

  it('carries the summary of changes and the proposed date the editor wrote when preparing', () => {
    const candidate = candidateFromSeed()
    expect(candidate).toMatchObject({
      _id: 'drafts.version-3',
      status: 'candidate',
      number: 3,
      effectiveDate: '2027-01-01',
      changeSummary: {_type: 'localeText', fr: 'Résumé.', en: 'Summary.'},
      preparedBy: {userId: 'p-editor'},
    })
  })

  it('takes the number after the latest published one', () => {
    expect(nextVersionNumber([])).toBe(1)
    expect(nextVersionNumber([2, 5, 1])).toBe(6)
  })

  it('counts no number a version could not hold', () => {
    expect(nextVersionNumber([2, '8', 2.5, -4, Number.MAX_VALUE, Infinity, NaN])).toBe(3)
  })
})

describe('a candidate that no longer matches the working text', () => {
  it('matches right after it is prepared', () => {
    expect(candidateStaleness(candidateFromSeed(), working())).toEqual({
      stale: false,
      sections: [],
      frontMatter: false,
      order: false,
    })
  })

  it('names each section published again after it was prepared', () => {
    const candidate = candidateFromSeed()
    const docs = withSection('cookies', (section) => ({
      ...section,
      title: {...(section.title as object), en: 'Cookies, revised'},
    }))
    const staleness = candidateStaleness(candidate, working(docs))
    expect(staleness).toMatchObject({stale: true, sections: ['cookies'], frontMatter: false})
    expect(stalenessSummary(staleness)).toBe('#cookies')
  })

  it('names the policy itself when its title, introduction or order of sections moved', () => {
    const candidate = candidateFromSeed()
    const reordered = seed.map((doc) =>
      doc._id === 'policy' ? {...doc, sections: [...(doc.sections as unknown[])].reverse()} : doc,
    )
    expect(candidateStaleness(candidate, working(reordered))).toMatchObject({
      stale: true,
      sections: [],
      order: true,
    })
    const retitled = seed.map((doc) =>
      doc._id === 'policy' ? {...doc, organisationName: 'Autre organisme'} : doc,
    )
    const staleness = candidateStaleness(candidate, working(retitled))
    expect(staleness.frontMatter).toBe(true)
    expect(stalenessSummary(staleness)).toBe('policy')
  })
})

describe('what a version needs before it can be approved', () => {
  it('comes into force today or later, never in the past nor on a day that does not exist', () => {
    expect(effectiveDateRefusal('2026-11-26', '2026-11-26')).toBeUndefined()
    expect(effectiveDateRefusal('2026-11-25', '2026-11-26')).toEqual({
      code: 'effective-date-past',
      params: {today: '2026-11-26'},
    })
    expect(effectiveDateRefusal('2026-02-30', '2026-01-01')).toEqual({
      code: 'effective-date-invalid',
    })
  })

  it('has a summary of changes in both languages', () => {
    expect(changeSummaryRefusals({fr: 'Coquilles corrigées.', en: 'Typos fixed.'})).toEqual([])
    expect(changeSummaryRefusals({fr: 'Coquilles corrigées.', en: '  '})).toEqual([
      {code: 'summary-missing-en'},
    ])
    expect(changeSummaryRefusals(undefined)).toHaveLength(2)
  })
})

describe('who may approve and publish', () => {
  const reviewer = {id: 'p-legal', email: 'Sophie.Gagnon@example.org', roles: [{name: 'editor'}]}

  it('recognises a legal reviewer by a role, for projects with custom roles', () => {
    expect(
      isReviewer(
        {...reviewer, roles: [{name: 'legal-reviewer'}]},
        {role: 'legal-reviewer', users: []},
      ),
    ).toBe(true)
    expect(isReviewer(reviewer, {role: 'legal-reviewer', users: []})).toBe(false)
  })

  it('or by a list of user ids or e-mail addresses, for plans without custom roles', () => {
    expect(isReviewer(reviewer, {users: ['sophie.gagnon@example.org']})).toBe(true)
    expect(isReviewer(reviewer, {users: ['P-LEGAL']})).toBe(true)
    expect(isReviewer(reviewer, {users: ['someone@example.org']})).toBe(false)
  })

  it('lets anyone who may write publish, never a viewer', () => {
    expect(mayPublish({id: 'a', roles: [{name: 'editor'}]})).toBe(true)
    expect(mayPublish({id: 'b', roles: [{name: 'viewer'}]})).toBe(false)
    expect(mayPublish({id: 'c'})).toBe(false)
  })
})

describe('a refusal', () => {
  it('has a message for every code, in French and English, with its parameters filled in', () => {
    expect(Object.keys(REFUSAL_MESSAGES.fr).sort()).toEqual(Object.keys(REFUSAL_MESSAGES.en).sort())
    const refusal = {code: 'number-not-next', params: {number: 5, next: 3}} as const
    expect(refusalMessage(refusal, 'en')).toBe(
      'This version would be number 5, but the next number is 3.',
    )
    expect(refusalMessage(refusal, 'fr')).toBe(
      'Cette version porterait le numéro 5, mais le prochain numéro est 3.',
    )
    expect(refusalBody(refusal).error).toMatchObject({
      code: 'number-not-next',
      params: {number: 5, next: 3},
    })
  })
})
