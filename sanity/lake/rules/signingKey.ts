import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {
  generateSigningKey,
  readPrivateKey,
  type PublicSigningKey,
  type SigningKey,
} from '../../../lib/policy/signingKeys'
import {verifyHistory} from '../../../lib/policy/verification'
import type {LakeDocument} from '../core'
import {publishedVersions} from './versionDocuments'

/**
 * The site's signing key when the product runs on the embedded lake: made at first start and
 * kept in the data folder (readable only by its owner) like the users' tokens, then handed to the
 * site, which signs approvals and publications with it; the lake checks them with its public
 * half. A deployment sets SIGNING_PRIVATE_KEY instead.
 */

export const SIGNING_KEY_FILE = 'signing-key.pem'

export function ensureSigningKey(dataDir: string): {
  pem: string
  key: SigningKey
  /** Where it is kept. */
  file: string
  /** Whether it was made now: the data folder had none. */
  made: boolean
} {
  const file = join(dataDir, SIGNING_KEY_FILE)
  if (existsSync(file)) {
    const pem = readFileSync(file, 'utf8')
    return {pem, key: readPrivateKey(pem), file, made: false}
  }
  mkdirSync(dataDir, {recursive: true})
  const made = generateSigningKey()
  writeFileSync(file, made.pem, {mode: 0o600})
  return {...made, file, made: true}
}

function listed(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 5).join(', ')
  return numbers.length > 5 ? `${shown} and ${numbers.length - 5} more` : shown
}

/**
 * One line for the person starting the lake when its data holds published versions signed by a
 * key it does not have (a lake restored without its SIGNING_PRIVATE_KEY, or started with another
 * one): those versions do not verify, and no version can follow them until it has the key back.
 * `made` is the key file when the key was made at this start. Undefined when every signature's
 * key is known.
 */
export function unknownKeyLine(
  documents: Iterable<LakeDocument>,
  trustedKeys: readonly PublicSigningKey[],
  made?: string,
): string | undefined {
  const {versions} = publishedVersions(documents)
  const byKey = new Map<string, number[]>()
  for (const version of verifyHistory([...versions.values()], trustedKeys).versions) {
    for (const problem of version.problems) {
      if (problem.code !== 'unknown-signing-key') continue
      byKey.set(problem.keyId, [...(byKey.get(problem.keyId) ?? []), version.number])
    }
  }
  if (byKey.size === 0) return undefined
  const numbers = [...new Set([...byKey.values()].flat())].sort((a, b) => a - b)
  // A key id is whatever the document holds: shown plainly and short, so the line stays one line.
  const keys = [...byKey.keys()]
    .map((keyId) => keyId.replace(/[^\w.:-]/g, '?').slice(0, 40) || 'no key id')
    .join(', ')
  const many = numbers.length > 1
  const what = `version${many ? 's' : ''} ${listed(numbers)} ${many ? 'are' : 'is'} signed with a key this lake does not have (${keys})`
  const so = `${many ? 'they do' : 'it does'} not verify and no version can follow ${many ? 'them' : 'it'}`
  const fix = `set SIGNING_PRIVATE_KEY to the key that signed ${many ? 'them' : 'it'} and start again`
  return made
    ? `made a new signing key (${made}), but ${what}: ${so}; ${fix} (or put that key back in this file)`
    : `${what}: ${so}; ${fix}`
}
