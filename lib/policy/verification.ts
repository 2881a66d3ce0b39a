/**
 * Verifies the whole published history: each version's fingerprint recomputed from its record,
 * the chain from version 1 on, numbers without gaps, the approval's and the publication's
 * signatures with the site's public keys, a preparer other than the approver, and the link audit
 * against the text. The site runs it for every page, feed and JSON; the `verify` command runs it
 * on what the public site serves.
 */
import {linkAuditMatches, canonicalRecord, versionRecord} from './record'
import {checkSignature, sha256HexSync, type PublicSigningKey} from './signingKeys'
import {approvalStatement, publicationStatement, signedSite, storedSignature} from './statements'
import {classifyVersions, type VersionAnomaly} from './versionShape'

export type VerificationProblem =
  /** The record no longer hashes to the fingerprint stored with it. */
  | {code: 'fingerprint-mismatch'}
  /** The approval names another fingerprint than the record's. */
  | {code: 'approval-fingerprint-mismatch'}
  /** It does not point to the version before it as that version now is. */
  | {code: 'chain-broken'; previous: number | null}
  /** The version just before it (and perhaps more) is missing from the history. */
  | {code: 'follows-missing-version'; missing: number[]}
  /** Another version has the same number. */
  | {code: 'duplicate-number'}
  | {code: 'not-approved'}
  | {code: 'approval-signature-invalid'}
  | {code: 'not-published-by-site'}
  | {code: 'publication-signature-invalid'}
  | {code: 'unknown-signing-key'; keyId: string}
  /** The same person prepared and approved it. */
  | {code: 'self-approval'}
  | {code: 'link-audit-mismatch'}
  /** The publication time shown to readers is not the one the publication signed. */
  | {code: 'publication-time-mismatch'}
  /** Its statements name another site than the one verifying it (or disagree on the site). */
  | {code: 'signed-for-another-site'; site: string}
  /** Its statements do not name their site though the version before it does. */
  | {code: 'statement-format-downgrade'}

export type VerificationProblemCode = VerificationProblem['code']

export interface VersionVerification {
  number: number
  /** The fingerprint stored with the version. */
  fingerprint: string | null
  /** The fingerprint its record hashes to now. */
  recomputed: string
  verified: boolean
  problems: VerificationProblem[]
}

export interface HistoryVerification {
  /** Every published version, oldest first. */
  versions: VersionVerification[]
  /** Numbers missing between 1 and the latest version. */
  missing: number[]
  /**
   * Documents that look like versions but are not (lib/policy/versionShape.ts): never shown,
   * announced or counted, and the history does not verify while they are there.
   */
  anomalies: VersionAnomaly[]
  /**
   * The newest head the site verified earlier and the content source no longer holds as it was
   * (lib/policy/checkpoint.ts): the history was rolled back.
   */
  rollback?: {number: number; publishedAt: string | null}
  /**
   * True when every version verifies, none is missing, nothing else poses as a version and the
   * history extends the newest one verified before.
   */
  verified: boolean
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The fingerprint a stored version's record hashes to. */
export function recomputeFingerprint(doc: object): string {
  return sha256HexSync(canonicalRecord(versionRecord(doc)))
}

function signatureProblems(
  check: ReturnType<typeof checkSignature>,
  keyId: string | undefined,
  invalid: VerificationProblem,
): VerificationProblem[] {
  if (check === 'valid') return []
  if (check === 'unknown-key') return [{code: 'unknown-signing-key', keyId: keyId ?? ''}]
  return [invalid]
}

// What verifyVersionAlone found, by the exact bytes of the version and the keys: every page
// verifies the whole history, which changes rarely. Any change to a version changes its key.
const aloneResults = new Map<string, {recomputed: string; problems: VerificationProblem[]}>()
const ALONE_RESULTS_KEPT = 500

function rememberedAlone(
  doc: Json,
  keys: readonly PublicSigningKey[],
  verifying: VerifyingSite,
): {recomputed: string; problems: VerificationProblem[]} {
  const key = sha256HexSync(JSON.stringify([doc, keys, verifying.site ?? null]))
  let result = aloneResults.get(key)
  if (!result) {
    result = verifyVersionAlone(doc, keys, verifying)
    if (aloneResults.size >= ALONE_RESULTS_KEPT) aloneResults.clear()
    aloneResults.set(key, result)
  }
  return {recomputed: result.recomputed, problems: [...result.problems]}
}

/** Who is verifying: the site the statements must name, when they name one. */
export interface VerifyingSite {
  /** The canonical address of the site (statements.ts, `canonicalSite`). */
  site?: string
}

/** Whether a version's statements name their site (the later format), and which. */
function statedSite(doc: Json): {named: boolean; site?: string; consistent: boolean} {
  const approved = signedSite(doc.approval)
  const published = signedSite(doc.publication)
  return {
    named: approved !== undefined || published !== undefined,
    site: approved ?? published,
    consistent: approved === published,
  }
}

/** The checks that need nothing but the version itself, the keys and who verifies. */
export function verifyVersionAlone(
  stored: object,
  keys: readonly PublicSigningKey[],
  verifying: VerifyingSite = {},
): {recomputed: string; problems: VerificationProblem[]} {
  const doc = stored as Json
  const record = versionRecord(doc)
  const recomputed = sha256HexSync(canonicalRecord(record))
  const problems: VerificationProblem[] = []
  if (doc.fingerprint !== recomputed) problems.push({code: 'fingerprint-mismatch'})
  if (!linkAuditMatches(record)) problems.push({code: 'link-audit-mismatch'})

  const approval = isObject(doc.approval) ? doc.approval : undefined
  if (!approval) {
    problems.push({code: 'not-approved'})
  } else {
    if (approval.fingerprint !== recomputed) problems.push({code: 'approval-fingerprint-mismatch'})
    const signature = storedSignature(approval)
    problems.push(
      ...signatureProblems(
        checkSignature(approvalStatement(doc), signature, keys),
        signature?.keyId,
        {code: 'approval-signature-invalid'},
      ),
    )
    const preparedBy = isObject(doc.preparedBy) ? doc.preparedBy.userId : undefined
    if (typeof approval.userId !== 'string' || approval.userId === preparedBy)
      problems.push({code: 'self-approval'})
  }

  const publication = isObject(doc.publication) ? doc.publication : undefined
  if (!publication) {
    problems.push({code: 'not-published-by-site'})
  } else {
    const signature = storedSignature(publication)
    problems.push(
      ...signatureProblems(
        checkSignature(publicationStatement(doc), signature, keys),
        signature?.keyId,
        {code: 'publication-signature-invalid'},
      ),
    )
    if (doc.publishedAt !== publication.at) problems.push({code: 'publication-time-mismatch'})
  }
  const stated = statedSite(doc)
  if (stated.named && (!stated.consistent || (verifying.site && stated.site !== verifying.site)))
    problems.push({code: 'signed-for-another-site', site: stated.site ?? ''})
  // The same key can be unknown to both signatures: say it once.
  return {
    recomputed,
    problems: problems.filter(
      (problem, index) =>
        problems.findIndex((other) => JSON.stringify(other) === JSON.stringify(problem)) === index,
    ),
  }
}

/**
 * Verifies every document that looks like a published version (in any order): each version, the
 * chain they form, and what poses as a version without being one. Its work grows with the number
 * of documents, never with the numbers they hold.
 */
export function verifyHistory(
  stored: readonly object[],
  keys: readonly PublicSigningKey[],
  verifying: VerifyingSite = {},
): HistoryVerification {
  const {versions: numbered, anomalies} = classifyVersions(stored as readonly Json[])
  const counts = new Map<number, number>()
  for (const doc of numbered)
    counts.set(doc.number as number, (counts.get(doc.number as number) ?? 0) + 1)
  const present = new Set(counts.keys())
  // Bounded: classifyVersions keeps no number above the count of documents.
  const latest = Math.max(0, ...present)
  const missing: number[] = []
  for (let number = 1; number < latest; number++) if (!present.has(number)) missing.push(number)

  const recomputed = new Map<number, string>()
  const versions = numbered.map((doc): VersionVerification => {
    const number = doc.number as number
    const alone = rememberedAlone(doc, keys, verifying)
    recomputed.set(number, alone.recomputed)
    const problems = [...alone.problems]
    if ((counts.get(number) ?? 0) > 1) problems.push({code: 'duplicate-number'})
    // Its link to the version before cannot be checked: that version is gone.
    if (missing.includes(number - 1)) {
      const gap = missing.filter((gapNumber) => gapNumber < number)
      problems.push({code: 'follows-missing-version', missing: gap})
    }
    return {
      number,
      fingerprint: typeof doc.fingerprint === 'string' ? doc.fingerprint : null,
      recomputed: alone.recomputed,
      verified: false,
      problems,
    }
  })

  // The chain: each version names the fingerprint its predecessor hashes to now.
  numbered.forEach((doc, index) => {
    const version = versions[index]!
    const previousNumber = version.number - 1
    const expected = previousNumber === 0 ? null : recomputed.get(previousNumber)
    if (previousNumber > 0 && expected === undefined) return // reported as a missing version
    if ((doc.previousFingerprint ?? null) !== expected)
      version.problems.push({code: 'chain-broken', previous: previousNumber || null})
    // Once statements name their site, no later version may be signed in the unnamed format.
    const before = numbered[index - 1]
    if (before && statedSite(before).named && !statedSite(doc).named)
      version.problems.push({code: 'statement-format-downgrade'})
  })
  for (const version of versions) version.verified = version.problems.length === 0

  return {
    versions,
    missing,
    anomalies,
    verified:
      missing.length === 0 &&
      anomalies.length === 0 &&
      versions.every((version) => version.verified),
  }
}

/** One version's verification, by number. */
export function verificationOf(
  history: HistoryVerification,
  number: number | undefined,
): VersionVerification | undefined {
  return number === undefined
    ? undefined
    : history.versions.find((version) => version.number === number)
}
