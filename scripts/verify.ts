/**
 * `npm run verify -- <site address> [--key <public key>]…`: checks the published history from
 * the public site alone, as anyone can (a legal team, an auditor, a reader): every version's
 * fingerprint recomputed from its record, the chain from version 1, numbers without gaps, and
 * both signatures with the site's public keys, or with keys pinned on the command line (base64
 * DER, as `/.well-known/policy-signing-keys.json` lists them) so a compromised site cannot swap
 * them. Prints one line per version and exits 1 naming the first version that does not verify.
 */
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {storedFromPublic, type PublicVersion} from '../lib/policy/publicVersion'
import {readPublicKey, type PublicSigningKey} from '../lib/policy/signingKeys'
import {verifyHistory, type HistoryVerification} from '../lib/policy/verification'

export interface VerifyReport {
  verification: HistoryVerification
  lines: string[]
  /** The first version that does not verify, if any (a missing number counts). */
  firstFailure?: number
}

async function getJson<T>(url: URL): Promise<T> {
  const response = await fetch(url, {headers: {accept: 'application/json'}})
  if (!response.ok) throw new Error(`${url.href} answered ${response.status}`)
  return (await response.json()) as T
}

/** Verifies the history a site publishes. `keys` pins the public keys instead of the site's. */
export async function verifySite(
  site: string | URL,
  options: {keys?: PublicSigningKey[]} = {},
): Promise<VerifyReport> {
  const base = new URL(site)
  const list = await getJson<{versions: {number: number}[]}>(new URL('/api/versions', base))
  const keys =
    options.keys ??
    (
      await getJson<{keys: PublicSigningKey[]}>(
        new URL('/.well-known/policy-signing-keys.json', base),
      )
    ).keys
  const versions = await Promise.all(
    list.versions.map(({number}) =>
      getJson<PublicVersion>(new URL(`/api/versions/${number}`, base)),
    ),
  )
  const verification = verifyHistory(versions.map(storedFromPublic), keys)
  const lines = [
    ...verification.missing.map((number) => `Version ${number}: MISSING from the history`),
    ...verification.versions.map((version) =>
      version.verified
        ? `Version ${version.number}: verified (fingerprint ${version.recomputed})`
        : `Version ${version.number}: DOES NOT VERIFY (${version.problems.map((problem) => problem.code).join(', ')})`,
    ),
  ]
  const failures = [
    ...verification.missing,
    ...verification.versions
      .filter((version) => !version.verified)
      .map((version) => version.number),
  ].sort((a, b) => a - b)
  return {verification, lines, firstFailure: failures[0]}
}

async function main(): Promise<number> {
  const {positionals, values} = parseArgs({
    allowPositionals: true,
    options: {key: {type: 'string', multiple: true}},
  })
  const [site] = positionals
  if (!site) {
    console.error(
      'Usage: npm run verify -- <site address, e.g. https://policy.example.org> [--key <public key>]',
    )
    return 2
  }
  const keys = values.key?.map((key) => readPublicKey(key))
  const report = await verifySite(site, keys ? {keys} : {})
  for (const line of report.lines) console.log(line)
  if (report.firstFailure !== undefined) {
    console.error(`The history does not verify, from version ${report.firstFailure}.`)
    return 1
  }
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
