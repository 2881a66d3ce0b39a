import {createHash, createPublicKey, verify} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {storedFromPublic, type PublicVersion} from '@/lib/policy/publicVersion'
import type {PublicSigningKey} from '@/lib/policy/signingKeys'
import {verifyHistory} from '@/lib/policy/verification'

/**
 * A verifier written from docs/record-format.md alone, without the product's code, run against a
 * fixture of records and statements the product signed: if the specification leaves anything to
 * guess, this verifier and the product disagree.
 */

type Json = null | boolean | number | string | Json[] | {[key: string]: Json}
type Obj = {[key: string]: Json}

const fixture = JSON.parse(readFileSync('tests/fixtures/recordFormat/history.json', 'utf8')) as {
  site: string
  keys: {keyId: string; algorithm: string; publicKey: string; role: string}[]
  versions: Obj[]
}

// §3.1: keys sorted by UTF-16 code units, no whitespace, strings and numbers as JSON.stringify.
function canonical(value: Json | undefined): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item)).join(',')}]`
  if (typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null'
  return JSON.stringify(value)
}

const isObj = (value: Json | undefined): value is Obj =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
const orNull = (value: Json | undefined): Json => (value === undefined ? null : value)
const pair = (value: Json | undefined): Json =>
  isObj(value) ? {fr: orNull(value.fr), en: orNull(value.en)} : null

// §3.2: exactly these keys, values as stored, null where absent.
function record(stored: Obj): Obj {
  const audit = stored.linkAudit
  return {
    number: orNull(stored.number),
    title: pair(stored.title),
    organisationName: orNull(stored.organisationName),
    introduction: pair(stored.introduction),
    sections: Array.isArray(stored.sections)
      ? stored.sections.map((section) =>
          isObj(section)
            ? {key: orNull(section.key), title: pair(section.title), body: pair(section.body)}
            : null,
        )
      : null,
    effectiveDate: orNull(stored.effectiveDate),
    changeSummary: pair(stored.changeSummary),
    linkAudit: isObj(audit)
      ? {
          siteHosts: orNull(audit.siteHosts),
          links: (Array.isArray(audit.links) ? audit.links : []).map((link) => {
            const entry = isObj(link) ? link : {}
            return {
              host: orNull(entry.host),
              url: orNull(entry.url),
              text: orNull(entry.text),
              sectionKey: orNull(entry.sectionKey),
              language: orNull(entry.language),
            }
          }),
        }
      : null,
    previousFingerprint: orNull(stored.previousFingerprint),
  }
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const actor = (value: Json | undefined): Json =>
  isObj(value)
    ? {
        userId: typeof value.userId === 'string' ? value.userId : null,
        name: typeof value.name === 'string' ? value.name : null,
        at: typeof value.at === 'string' ? value.at : null,
      }
    : null

// §4: the two statements, `site` only when the signed object names one.
function statements(version: Obj) {
  const approval = isObj(version.approval) ? version.approval : {}
  const publication = isObj(version.publication) ? version.publication : {}
  const common = {
    number: typeof version.number === 'number' ? version.number : null,
    preparedBy: actor(version.preparedBy),
  }
  const site = (signed: Obj): Obj => (typeof signed.site === 'string' ? {site: signed.site} : {})
  return {
    approval: {
      kind: 'approval',
      ...common,
      fingerprint: typeof approval.fingerprint === 'string' ? approval.fingerprint : null,
      approvedBy: actor(version.approval),
      ...site(approval),
    },
    publication: {
      kind: 'publication',
      ...common,
      fingerprint: typeof version.fingerprint === 'string' ? version.fingerprint : null,
      publishedBy: actor(version.publication),
      ...site(publication),
    },
  }
}

function signatureValid(statement: Obj, signed: Json | undefined, keys = fixture.keys): boolean {
  if (!isObj(signed)) return false
  const key = keys.find((candidate) => candidate.keyId === signed.keyId)
  if (!key || typeof signed.signature !== 'string') return false
  const publicKey = createPublicKey({
    key: Buffer.from(key.publicKey, 'base64'),
    format: 'der',
    type: 'spki',
  })
  return verify(
    null,
    Buffer.from(canonical(statement), 'utf8'),
    publicKey,
    Buffer.from(signed.signature, 'base64'),
  )
}

/** What the specification says a verifier reports for each version, in order. */
function independentVerdicts(versions: Obj[], site: string): string[][] {
  const fingerprints: string[] = []
  return versions.map((published, index) => {
    const stored: Obj = {...(published.record as Obj), ...published}
    const problems: string[] = []
    const fingerprint = sha256(canonical(record(stored)))
    fingerprints.push(fingerprint)
    if (stored.fingerprint !== fingerprint) problems.push('fingerprint')
    const {approval, publication} = statements(stored)
    if ((stored.approval as Obj).fingerprint !== fingerprint) problems.push('approval-fingerprint')
    if (!signatureValid(approval, stored.approval)) problems.push('approval-signature')
    if (!signatureValid(publication, stored.publication)) problems.push('publication-signature')
    if (orNull(stored.previousFingerprint) !== (index === 0 ? null : fingerprints[index - 1]))
      problems.push('chain')
    for (const named of [approval, publication])
      if ('site' in named && named.site !== site) problems.push('site')
    return problems
  })
}

describe('the record format, as its specification says', () => {
  it('verifies the fixture with a verifier written from the specification alone', () => {
    expect(fixture.versions.map((version) => version.number)).toEqual([1, 2])
    expect(independentVerdicts(fixture.versions, fixture.site)).toEqual([[], []])
    // Version 1 is in the earlier, unnamed format; version 2 names its site.
    expect('site' in (fixture.versions[0]!.approval as Obj)).toBe(false)
    expect((fixture.versions[1]!.publication as Obj).site).toBe('https://policy.example.org')
  })

  it('agrees with the product on the fixture and on every tampering', () => {
    const product = (versions: Obj[], site: string) =>
      verifyHistory(
        versions.map((version) => storedFromPublic(version as unknown as PublicVersion)),
        fixture.keys as PublicSigningKey[],
        {site},
      ).versions.map((version) => version.verified)
    const independent = (versions: Obj[], site: string) =>
      independentVerdicts(versions, site).map((problems) => problems.length === 0)

    const cases: [string, (versions: Obj[]) => void, string][] = [
      ['as signed', () => undefined, fixture.site],
      [
        'one word changed',
        (versions) => {
          const record = versions[1]!.record as Obj
          ;((record.sections as Obj[])[0]!.title as Obj).en = 'Cookies'
        },
        fixture.site,
      ],
      ['verified on another site', () => undefined, 'https://staging.example.org'],
      [
        'the site taken out of the statements',
        (versions) => {
          delete (versions[1]!.approval as Obj).site
          delete (versions[1]!.publication as Obj).site
        },
        fixture.site,
      ],
      [
        'the effective date moved',
        (versions) => {
          ;(versions[0]!.record as Obj).effectiveDate = '2001-01-01'
        },
        fixture.site,
      ],
    ]
    for (const [name, tamper, site] of cases) {
      const versions = structuredClone(fixture.versions)
      tamper(versions)
      expect(product(versions, site), name).toEqual(independent(versions, site))
    }
  })
})
