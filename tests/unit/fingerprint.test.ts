import {describe, expect, it} from 'vitest'
import {canonicalJson} from '@/lib/policy/canonicalJson'
import {
  canonicalRecord,
  computeLinkAudit,
  fingerprint,
  linkAuditMatches,
  recordContent,
  versionRecord,
} from '@/lib/policy/record'

/**
 * A published version as Sanity stores it: bilingual wrappers with their `_type`, keys in no
 * particular order, and fields the record leaves out (status, ids, signatures).
 */
function storedVersion() {
  return {
    status: 'published',
    _type: 'policyVersion',
    _id: 'version-1',
    title: {en: 'Privacy policy', _type: 'localeString', fr: 'Politique de confidentialité'},
    number: 1,
    organisationName: 'Org',
    introduction: {_type: 'localePortableText', fr: [], en: []},
    sections: [
      {
        _type: 'sectionSnapshot',
        _key: 'links',
        title: {_type: 'localeString', fr: 'Liens', en: 'Links'},
        key: 'links',
        body: {
          _type: 'localePortableText',
          fr: [
            {
              style: 'normal',
              _type: 'block',
              _key: 'b1',
              markDefs: [{href: 'https://www.cai.gouv.qc.ca/', _key: 'm1', _type: 'link'}],
              children: [{_type: 'span', _key: 's1', text: 'CAI', marks: ['m1']}],
            },
          ],
          en: [],
        },
      },
    ],
    effectiveDate: '2026-03-01',
    changeSummary: {_type: 'localeText', fr: 'Première version.', en: 'First version.'},
    linkAudit: {
      _type: 'linkAudit',
      siteHosts: ['policy.example.org'],
      links: [
        {
          _type: 'outboundLink',
          _key: 'link-1',
          host: 'www.cai.gouv.qc.ca',
          url: 'https://www.cai.gouv.qc.ca/',
          text: 'CAI',
          sectionKey: 'links',
          language: 'fr',
        },
      ],
    },
    previousFingerprint: null,
    fingerprint: 'not part of the record',
    approval: {userId: 'p-legal-reviewer', name: 'Me Sophie Gagnon'},
  }
}

// Written out by hand from the definition in docs/decisions/0007-signed-versions.md, and hashed
// with `printf '%s' '<this text>' | sha256sum`, not with the product's code.
const CANONICAL_RECORD =
  '{"changeSummary":{"en":"First version.","fr":"Première version."},"effectiveDate":"2026-03-01",' +
  '"introduction":{"en":[],"fr":[]},"linkAudit":{"links":[{"host":"www.cai.gouv.qc.ca",' +
  '"language":"fr","sectionKey":"links","text":"CAI","url":"https://www.cai.gouv.qc.ca/"}],' +
  '"siteHosts":["policy.example.org"]},"number":1,"organisationName":"Org",' +
  '"previousFingerprint":null,"sections":[{"body":{"en":[],"fr":[{"_key":"b1","_type":"block",' +
  '"children":[{"_key":"s1","_type":"span","marks":["m1"],"text":"CAI"}],"markDefs":[{"_key":"m1",' +
  '"_type":"link","href":"https://www.cai.gouv.qc.ca/"}],"style":"normal"}]},"key":"links",' +
  '"title":{"en":"Links","fr":"Liens"}}],"title":{"en":"Privacy policy","fr":"Politique de confidentialité"}}'
const SHA256_OF_CANONICAL_RECORD =
  '186a99bafa002886a8a83d60d5b2bdb553c4762e7a15ee235738b91ec8dd475a'

describe('a version’s fingerprint', () => {
  it('is the SHA-256 of its record written as canonical JSON, exactly as computed by hand', async () => {
    const record = versionRecord(storedVersion())
    expect(canonicalRecord(record)).toBe(CANONICAL_RECORD)
    expect(await fingerprint(record)).toBe(SHA256_OF_CANONICAL_RECORD)
  })

  it('covers the summary of changes, the effective date, the link audit and the previous version', async () => {
    const base = await fingerprint(versionRecord(storedVersion()))
    const changes: ((doc: ReturnType<typeof storedVersion>) => void)[] = [
      (doc) => (doc.changeSummary.en = 'First version!'),
      (doc) => (doc.effectiveDate = '2001-03-01'),
      (doc) => (doc.linkAudit.links = []),
      (doc) => (doc.linkAudit.siteHosts = ['www.cai.gouv.qc.ca']),
      (doc) => ((doc as {previousFingerprint: string | null}).previousFingerprint = 'a'.repeat(64)),
      (doc) => (doc.number = 2),
      (doc) => (doc.organisationName = 'Other'),
      (doc) => (doc.sections[0]!.body.fr[0]!.children[0]!.text = 'CAI.'),
    ]
    for (const change of changes) {
      const doc = storedVersion()
      change(doc)
      expect(await fingerprint(versionRecord(doc))).not.toBe(base)
    }
  })

  it('leaves out what is not shown to readers as part of the version: ids, status, signatures', async () => {
    const doc: Record<string, unknown> = storedVersion()
    doc._rev = 'abc'
    doc.status = 'approved'
    doc.approval = {userId: 'someone-else'}
    expect(await fingerprint(versionRecord(doc))).toBe(SHA256_OF_CANONICAL_RECORD)
  })

  it('writes a missing value as null, never leaves it out, so a removed field changes the hash', () => {
    const doc: Record<string, unknown> = storedVersion()
    delete doc.changeSummary
    delete doc.introduction
    const text = canonicalRecord(versionRecord(doc))
    expect(text).toContain('"changeSummary":null')
    expect(text).toContain('"introduction":null')
  })

  it('sorts keys the same whatever order they were stored in', () => {
    expect(canonicalJson({b: 1, a: [{d: undefined, c: 'é'}], _z: null})).toBe(
      '{"_z":null,"a":[{"c":"é"}],"b":1}',
    )
  })
})

describe('the link audit', () => {
  it('is computed from the content with the site’s hosts, and names those hosts', () => {
    const record = versionRecord(storedVersion())
    const audit = computeLinkAudit(recordContent(record), ['Policy.example.org'])
    expect(audit).toEqual(record.linkAudit)
    expect(linkAuditMatches(record)).toBe(true)
  })

  it('no longer matches when a link is left out, or when the text changes under it', () => {
    const hidden = storedVersion()
    hidden.linkAudit.links = []
    expect(linkAuditMatches(versionRecord(hidden))).toBe(false)
    const moved = storedVersion()
    moved.sections[0]!.body.fr[0]!.markDefs[0]!.href = 'https://elsewhere.example/'
    expect(linkAuditMatches(versionRecord(moved))).toBe(false)
  })

  it('treats links to the site’s own hosts as internal', () => {
    const doc = storedVersion()
    const audit = computeLinkAudit(recordContent(versionRecord(doc)), ['www.cai.gouv.qc.ca'])
    expect(audit.links).toEqual([])
  })
})
