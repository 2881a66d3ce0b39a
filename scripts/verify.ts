/**
 * `npm run verify -- <site address> [--key <public key>]… [--site <address>] [--checkpoint
 * <file>]`: checks the published history from the public site alone, as anyone can (a legal
 * team, an auditor, a reader), by the record format (docs/record-format.md): every version's
 * fingerprint recomputed from its record, the chain from version 1, numbers without gaps, both
 * signatures with the site's public keys or with keys pinned on the command line (base64 DER, as
 * `/.well-known/policy-signing-keys.json` lists them) so a compromised site cannot swap them, the
 * site the statements name, fields no signature covers, documents posing as versions, and, with a
 * checkpoint file, that the history still extends the one seen last time (the file then moves
 * on). Prints one line per version and exits 1 naming what does not verify.
 */
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {canonicalJson} from '../lib/policy/canonicalJson'
import {advancedCheckpoint, rollbackFrom, type HistoryCheckpoint} from '../lib/policy/checkpoint'
import {readCheckpoint, writeCheckpoint} from '../lib/policy/checkpointFile'
import {storedFromPublic, type PublicVersion} from '../lib/policy/publicVersion'
import {versionRecord} from '../lib/policy/record'
import {readPublicKey, type PublicSigningKey} from '../lib/policy/signingKeys'
import {canonicalSite} from '../lib/policy/statements'
import {verifyHistory, type HistoryVerification} from '../lib/policy/verification'
import {isVersionNumber} from '../lib/policy/versionShape'

export interface VerifyReport {
  verification: HistoryVerification
  lines: string[]
  /** The first version that does not verify, if any (a missing number counts). */
  firstFailure?: number
  /** Everything else that stops the history from verifying, in words. */
  failures: string[]
  /** The checkpoint after this run, when one was given and the history extends it. */
  checkpoint?: HistoryCheckpoint
}

interface VersionList {
  versions: {number: unknown}[]
  anomalies?: {id: string; reason: string}[]
  rollback?: {number: number} | null
}

async function getJson<T>(url: URL): Promise<T> {
  const response = await fetch(url, {headers: {accept: 'application/json'}})
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}`)
  return (await response.json()) as T
}

/** What a version's public JSON may hold besides its record: all of it signed or derived. */
const TOP_LEVEL = new Set([
  'number',
  'fingerprint',
  'record',
  'preparedBy',
  'approval',
  'publication',
  'publishedAt',
  'verification',
])
const SIGNED_FIELDS: Record<'preparedBy' | 'approval' | 'publication', Set<string>> = {
  preparedBy: new Set(['userId', 'name', 'at']),
  approval: new Set(['userId', 'name', 'at', 'fingerprint', 'keyId', 'signature', 'site']),
  publication: new Set(['userId', 'name', 'at', 'keyId', 'signature', 'staleAcknowledged', 'site']),
}

/**
 * The fields of a version's public JSON that no fingerprint or signature covers: whatever the
 * record holds beyond what docs/record-format.md defines (the record rebuilt from the JSON
 * hashes the same bytes only without them), and any other field beside it.
 */
export function unsignedFields(version: PublicVersion): string[] {
  const json = version as unknown as Record<string, unknown>
  const extra = Object.keys(json).filter((key) => !TOP_LEVEL.has(key))
  for (const [part, allowed] of Object.entries(SIGNED_FIELDS)) {
    const value = json[part]
    if (value && typeof value === 'object')
      extra.push(
        ...Object.keys(value)
          .filter((key) => !allowed.has(key))
          .map((key) => `${part}.${key}`),
      )
  }
  if (canonicalJson(versionRecord(json.record ?? {})) !== canonicalJson(json.record ?? null))
    extra.push('record (fields the record format does not define)')
  return extra
}

/**
 * Verifies the history a site publishes. `keys` pins the public keys instead of the site's;
 * `site` is the canonical address the statements must name (by default the address given);
 * `checkpoint` is the newest history verified before, which this one must extend.
 */
export async function verifySite(
  address: string | URL,
  options: {keys?: PublicSigningKey[]; site?: string; checkpoint?: HistoryCheckpoint} = {},
): Promise<VerifyReport> {
  const base = new URL(address)
  const list = await getJson<VersionList>(new URL('/api/versions', base))
  const keys =
    options.keys ??
    (
      await getJson<{keys: PublicSigningKey[]}>(
        new URL('/.well-known/policy-signing-keys.json', base),
      )
    ).keys
  const failures: string[] = []
  // Each listed version's record, as the site serves it; one it cannot serve is named, not fatal.
  const versions: PublicVersion[] = []
  for (const {number} of list.versions) {
    const shown = typeof number === 'number' ? String(number) : JSON.stringify(number)
    if (!isVersionNumber(number)) {
      failures.push(`The list names ${shown}, which is not a version number.`)
      continue
    }
    try {
      versions.push(await getJson<PublicVersion>(new URL(`/api/versions/${number}`, base)))
    } catch (error) {
      failures.push(`Version ${shown}: its record cannot be read (${(error as Error).message}).`)
    }
  }
  for (const version of versions) {
    const extra = unsignedFields(version)
    if (extra.length > 0)
      failures.push(`Version ${version.number}: fields no signature covers: ${extra.join(', ')}.`)
  }
  for (const anomaly of list.anomalies ?? [])
    failures.push(
      `The history holds a document that is not a valid version: ${anomaly.id} (${anomaly.reason}).`,
    )
  if (list.rollback)
    failures.push(`The site says version ${list.rollback.number} is missing from its source.`)

  const site = options.site ?? canonicalSite(base)
  const verification = verifyHistory(versions.map(storedFromPublic), keys, {site})
  for (const anomaly of verification.anomalies)
    failures.push(`${anomaly.id} is not a valid version (${anomaly.reason}).`)
  const rollback = rollbackFrom(options.checkpoint, verification)
  if (rollback)
    failures.push(
      `The history no longer extends the checkpoint: version ${rollback.number} is missing or changed.`,
    )
  const lines = [
    ...verification.missing.map((number) => `Version ${number}: MISSING from the history`),
    ...verification.versions.map((version) =>
      version.verified
        ? `Version ${version.number}: verified (fingerprint ${version.recomputed})`
        : `Version ${version.number}: DOES NOT VERIFY (${version.problems.map((problem) => problem.code).join(', ')})`,
    ),
    ...failures,
  ]
  const firstFailure = [
    ...verification.missing,
    ...verification.versions
      .filter((version) => !version.verified)
      .map((version) => version.number),
  ].sort((a, b) => a - b)[0]
  const publishedAt = (number: number) =>
    versions.find((version) => version.number === number)?.publishedAt ?? null
  const checkpoint =
    failures.length === 0 && firstFailure === undefined
      ? advancedCheckpoint(options.checkpoint, verification, publishedAt, new Date())
      : undefined
  return {verification, lines, firstFailure, failures, checkpoint}
}

async function main(): Promise<number> {
  const {positionals, values} = parseArgs({
    allowPositionals: true,
    options: {
      key: {type: 'string', multiple: true},
      site: {type: 'string'},
      checkpoint: {type: 'string'},
    },
  })
  const [address] = positionals
  if (!address) {
    console.error(
      'Usage: npm run verify -- <site address, e.g. https://policy.example.org> [--key <public key>]… [--site <canonical address>] [--checkpoint <file>]',
    )
    return 2
  }
  const keys = values.key?.map((key) => readPublicKey(key))
  const checkpointFile = values.checkpoint && resolve(values.checkpoint)
  const report = await verifySite(address, {
    ...(keys ? {keys} : {}),
    ...(values.site ? {site: canonicalSite(values.site)} : {}),
    ...(checkpointFile ? {checkpoint: readCheckpoint(checkpointFile)} : {}),
  })
  for (const line of report.lines) console.log(line)
  if (report.firstFailure !== undefined || report.failures.length > 0) {
    console.error(
      report.firstFailure !== undefined
        ? `The history does not verify, from version ${report.firstFailure}.`
        : 'The history does not verify.',
    )
    return 1
  }
  if (checkpointFile && report.checkpoint) writeCheckpoint(checkpointFile, report.checkpoint)
  console.log(
    `The history verifies: ${report.verification.versions.length} version(s), chained and signed.`,
  )
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(2)
    },
  )
}
