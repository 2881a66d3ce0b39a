import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {generateSigningKey, readPrivateKey, type SigningKey} from '../../../lib/policy/signingKeys'

/**
 * The site's signing key when the product runs on the embedded lake: made at first start and
 * kept in the data folder (readable only by its owner) like the users' tokens, then handed to the
 * site, which signs approvals and publications with it; the lake checks them with its public
 * half. A deployment sets SIGNING_PRIVATE_KEY instead.
 */

export const SIGNING_KEY_FILE = 'signing-key.pem'

export function ensureSigningKey(dataDir: string): {pem: string; key: SigningKey} {
  const file = join(dataDir, SIGNING_KEY_FILE)
  if (existsSync(file)) {
    const pem = readFileSync(file, 'utf8')
    return {pem, key: readPrivateKey(pem)}
  }
  mkdirSync(dataDir, {recursive: true})
  const made = generateSigningKey()
  writeFileSync(file, made.pem, {mode: 0o600})
  return made
}
