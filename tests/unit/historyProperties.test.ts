import {describe, expect, it} from 'vitest'
import {currentVersionNumber, upcomingVersions, versionPeriods} from '@/lib/policy/periods'
import {generateSigningKey} from '@/lib/policy/signingKeys'
import {verifyHistory} from '@/lib/policy/verification'
import {classifyVersions, MAX_MISSING_VERSIONS, versionAnomaly} from '@/lib/policy/versionShape'
import {sampleVersion} from '../fixtures/policyVersion'
import {seededRandom} from '../fixtures/seededRandom'
import {signedHistory} from '../fixtures/signedHistory'

/**
 * Malformed version documents, generated: whatever number, id, type, size or missing field a
 * writer puts in the content source, the functions that select, verify and date versions never
 * throw, never return a version that is not one, and do no work and produce no output that grows
 * with a number a document holds.
 */

type Doc = Record<string, unknown>

const NUMBERS: unknown[] = [
  2.5,
  -1,
  0,
  '8',
  '3',
  3e6,
  1e9,
  1e21,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Infinity,
  NaN,
  null,
  undefined,
  true,
  [3],
  {n: 3},
  3,
  4,
]
const IDS = (number: unknown): unknown[] => [
  `version-${String(number)}`,
  'version-3',
  'x.y',
  'version-03',
  'version-+3',
  'version-3.0',
  'policy',
  42,
  null,
]
const FIELDS = [
  'publishedAt',
  'title',
  'organisationName',
  'sections',
  'effectiveDate',
  'changeSummary',
  'approval',
  'publication',
  'fingerprint',
  'linkAudit',
  'preparedBy',
  'introduction',
]
const VALUES: unknown[] = [null, 7, 'x', [], {}, {fr: 1, en: 2}, '2026-02-30', 'x'.repeat(10_000)]

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!
}

/** A signed history, and one malformed document that poses as a version next to it. */
function withMalformed(seed: number): {
  docs: Doc[]
  keys: ReturnType<typeof signedHistory>['key']['publicKey'][]
} {
  const next = seededRandom(seed)
  const {versions, key} = signedHistory(
    [sampleVersion(), sampleVersion()],
    generateSigningKey().key,
  )
  const forged: Doc = structuredClone(versions[1]!)
  const number = pick(next, NUMBERS)
  forged.number = number
  forged._id = pick(next, IDS(number))
  if (next() < 0.3) forged._type = pick(next, ['policyVersion', 'note', undefined])
  if (next() < 0.3) forged.status = pick(next, ['published', 'candidate', 'approved', 7])
  if (next() < 0.5) forged[pick(next, FIELDS)] = pick(next, VALUES)
  if (next() < 0.2) delete forged[pick(next, FIELDS)]
  return {docs: [...versions, forged], keys: [key.publicKey]}
}

describe('whatever a malformed version holds', () => {
  it('is sorted, verified and dated without an exception, and no output grows with its number', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const {docs, keys} = withMalformed(seed)
      const context = `seed ${seed}: ${JSON.stringify(docs.at(-1), (key, value: unknown) =>
        key === 'sections' || key === 'introduction' ? '…' : value,
      ).slice(0, 300)}`
      const {versions, anomalies} = classifyVersions(docs)
      // Every version kept is one by the strict definition; everything else is named.
      expect(versions.length + anomalies.length, context).toBe(docs.length)
      for (const version of versions) expect(versionAnomaly(version), context).toBeUndefined()
      for (const version of versions)
        expect(version.number as number, context).toBeLessThanOrEqual(
          docs.length + MAX_MISSING_VERSIONS,
        )

      const history = verifyHistory(docs, keys)
      expect(history.missing.length, context).toBeLessThanOrEqual(
        docs.length + MAX_MISSING_VERSIONS,
      )
      expect(JSON.stringify(history).length, context).toBeLessThan(20_000)
      // A document that is not a signed version never verifies, and the history says so.
      const forgedVerified = history.versions.some(
        (version) => version.verified && version.number !== 1 && version.number !== 2,
      )
      expect(forgedVerified, context).toBe(false)

      const dated = versions.map((version) => ({
        number: version.number as number,
        effectiveDate: version.effectiveDate as string,
        verified: history.versions.find((found) => found.number === version.number)?.verified,
      }))
      const today = '2026-12-06'
      const inForce = currentVersionNumber(dated, today)
      // In force is always one of the two signed versions.
      expect([1, 2], context).toContain(inForce)
      expect(versionPeriods(dated, today).size, context).toBe(dated.length)
      for (const upcoming of upcomingVersions(dated, today))
        expect(upcoming.verified, context).not.toBe(false)
    }
  })

  it('takes a publication time no page can show as an anomaly, never as a date to format', () => {
    const {versions} = signedHistory([sampleVersion()])
    for (const publishedAt of ['soon', '2026-13-45T99:00:00Z', 42]) {
      expect(versionAnomaly({...versions[0]!, publishedAt})).toEqual({
        id: 'version-1',
        reason: 'field',
        field: 'publishedAt',
      })
    }
    const approval = {...(versions[0]!.approval as Doc), at: 'yesterday'}
    expect(versionAnomaly({...versions[0]!, approval})).toMatchObject({field: 'approval'})
  })

  it('takes a history of one version numbered a billion as an anomaly, not as a billion gaps', () => {
    const {versions, key} = signedHistory([sampleVersion()])
    const huge = {...structuredClone(versions[0]!), _id: 'version-1000000000', number: 1e9}
    const history = verifyHistory([...versions, huge], [key.publicKey])
    expect(history.anomalies).toEqual([{id: 'version-1000000000', reason: 'out-of-sequence'}])
    expect(history.missing).toEqual([])
    expect(history.verified).toBe(false)
  })
})
