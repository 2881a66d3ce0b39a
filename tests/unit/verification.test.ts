import {describe, expect, it} from 'vitest'
import {versionRecord} from '@/lib/policy/record'
import {fingerprintSync} from '@/lib/policy/signoff'
import {generateSigningKey} from '@/lib/policy/signingKeys'
import {verificationOf, verifyHistory} from '@/lib/policy/verification'
import {sampleVersion} from '../fixtures/policyVersion'
import {signedHistory} from '../fixtures/signedHistory'

type Doc = Record<string, unknown>

function history() {
  const first = sampleVersion()
  const second = structuredClone(first)
  second.sections[0]!.title.en = 'Cookies and similar tools'
  second.sections[0]!.title.fr = 'Témoins et outils semblables'
  const third = structuredClone(second)
  third.organisationName = 'groupe (e)space inc.'
  return signedHistory([first, second, third])
}

function codes(result: ReturnType<typeof verifyHistory>, number: number): string[] {
  return (verificationOf(result, number)?.problems ?? []).map((problem) => problem.code)
}

/** What someone with write access to the content can do behind the site's back, and re-hash. */
function rehash(doc: Doc) {
  doc.fingerprint = fingerprintSync(versionRecord(doc))
  ;(doc.approval as Doc).fingerprint = doc.fingerprint
}

describe('verifying the published history', () => {
  it('verifies a history the site signed, version by version and as a chain', () => {
    const {versions, key} = history()
    const result = verifyHistory(versions, [key.publicKey])
    expect(result.verified).toBe(true)
    expect(result.missing).toEqual([])
    expect(result.versions.map((version) => version.number)).toEqual([1, 2, 3])
    expect(result.versions.every((version) => version.fingerprint === version.recomputed)).toBe(
      true,
    )
  })

  it('fails a version whose text was changed and re-hashed, because its signatures no longer match, and breaks the next link', () => {
    const {versions, key} = history()
    const second = versions[1]!
    ;((second.sections as Doc[])[0]!.title as Doc).en = 'Cookies (rewritten)'
    rehash(second)
    const result = verifyHistory(versions, [key.publicKey])
    expect(result.verified).toBe(false)
    expect(codes(result, 1)).toEqual([])
    expect(codes(result, 2)).toEqual([
      'approval-signature-invalid',
      'publication-signature-invalid',
    ])
    expect(codes(result, 3)).toEqual(['chain-broken'])
  })

  it('catches the whole forgery: text changed, hashes recomputed, preparer made approver, date moved back to 2001', () => {
    const {versions, key} = history()
    const third = versions[2]!
    third.effectiveDate = '2001-01-01'
    third.approval = {...(third.approval as Doc), userId: 'p-editor', name: 'Camille Tremblay'}
    rehash(third)
    expect(codes(verifyHistory(versions, [key.publicKey]), 3)).toEqual([
      'approval-signature-invalid',
      'self-approval',
      'publication-signature-invalid',
    ])
  })

  it('notices a text changed without re-hashing', () => {
    const {versions, key} = history()
    versions[0]!.organisationName = 'Someone else'
    const result = verifyHistory(versions, [key.publicKey])
    expect(codes(result, 1)).toEqual(['fingerprint-mismatch', 'approval-fingerprint-mismatch'])
    expect(codes(result, 2)).toEqual(['chain-broken'])
  })

  it('reports a deleted version as missing, and the version after it as following a gap', () => {
    const {versions, key} = history()
    const result = verifyHistory([versions[0]!, versions[2]!], [key.publicKey])
    expect(result.missing).toEqual([2])
    expect(codes(result, 3)).toEqual(['follows-missing-version'])
    expect(result.verified).toBe(false)
  })

  it('notices versions put in another order, or a version replaced by another one signed for a different place', () => {
    const {versions, key} = history()
    const swapped = [versions[1]!, versions[0]!].map((doc) => structuredClone(doc))
    swapped[0]!.number = 1
    swapped[0]!._id = 'version-1'
    swapped[1]!.number = 2
    swapped[1]!._id = 'version-2'
    const result = verifyHistory(swapped, [key.publicKey])
    expect(result.verified).toBe(false)
    expect(codes(result, 1)).toContain('chain-broken')
  })

  it('does not trust a signature from a key the site does not publish', () => {
    const {versions} = history()
    const other = generateSigningKey().key
    const result = verifyHistory(versions, [other.publicKey])
    expect(codes(result, 1)).toContain('unknown-signing-key')
  })

  it('refuses a link audit that leaves a link out, even re-hashed', () => {
    const {versions, key} = history()
    const first = versions[0]!
    ;(first.linkAudit as {links: unknown[]}).links = []
    rehash(first)
    expect(codes(verifyHistory(versions, [key.publicKey]), 1)).toContain('link-audit-mismatch')
  })

  it('notices an unsigned version added by hand, and a publication time that is not the signed one', () => {
    const {versions, key} = history()
    const forged: Doc = structuredClone(versions[2]!)
    forged.number = 4
    forged._id = 'version-4'
    forged.previousFingerprint = versions[2]!.fingerprint
    delete forged.publication
    rehash(forged)
    versions[1]!.publishedAt = '2030-01-01T00:00:00.000Z'
    const result = verifyHistory([...versions, forged], [key.publicKey])
    expect(codes(result, 4)).toEqual(
      expect.arrayContaining(['approval-signature-invalid', 'not-published-by-site']),
    )
    expect(codes(result, 2)).toEqual(['publication-time-mismatch'])
  })
})

describe("a version's checklist coverage in its record", () => {
  const coverage = {
    _type: 'checklistCoverage',
    act: 'public-bodies',
    title: {_type: 'localeString', fr: 'Liste', en: 'Checklist'},
    items: [
      {
        _type: 'checklistCoverageItem',
        _key: 'person-in-charge',
        key: 'person-in-charge',
        label: {_type: 'localeString', fr: 'Personne responsable', en: 'Person in charge'},
        reference: {_type: 'localeString', fr: 'art. 8.2', en: 's. 8.2'},
        sectionKeys: [],
        covered: false,
      },
    ],
  }

  it('leaves the records of versions prepared before the checklist as they were signed', () => {
    const before = sampleVersion() as unknown as Doc
    expect('checklistCoverage' in versionRecord(before)).toBe(false)
    expect(fingerprintSync(versionRecord({...before, checklistCoverage: null}))).toBe(
      fingerprintSync(versionRecord(before)),
    )
  })

  it('is covered by the fingerprint: an item marked covered afterwards breaks the version', () => {
    const signed = sampleVersion() as unknown as Doc
    const withCoverage = {...signed, checklistCoverage: structuredClone(coverage)}
    expect(fingerprintSync(versionRecord(withCoverage))).not.toBe(
      fingerprintSync(versionRecord(signed)),
    )
    const claimed = structuredClone(withCoverage)
    claimed.checklistCoverage.items[0]!.covered = true
    expect(fingerprintSync(versionRecord(claimed))).not.toBe(
      fingerprintSync(versionRecord(withCoverage)),
    )
  })
})
