/**
 * The site's Ed25519 signing keys, with Node's crypto: the server signs approvals and
 * publications with its private key; everyone verifies with the public keys the site publishes.
 * Server-side only (the site, the lake, the seed build and the `verify` command): the Studio never
 * holds a key.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'
import {statementText, type Statement, type StoredSignature} from './statements'

export const SIGNING_ALGORITHM = 'Ed25519'

/** A public key as the site publishes it: base64 of its DER SubjectPublicKeyInfo. */
export interface PublicSigningKey {
  keyId: string
  algorithm: typeof SIGNING_ALGORITHM
  publicKey: string
}

export interface SigningKey {
  keyId: string
  privateKey: KeyObject
  publicKey: PublicSigningKey
}

/** A key's id: the start of the SHA-256 of its public key, so that it names the key by itself. */
export function keyIdOf(spkiDer: Buffer): string {
  return `ed25519-${createHash('sha256').update(spkiDer).digest('hex').slice(0, 16)}`
}

function publicRecord(key: KeyObject): PublicSigningKey {
  const der = key.export({type: 'spki', format: 'der'})
  return {keyId: keyIdOf(der), algorithm: SIGNING_ALGORITHM, publicKey: der.toString('base64')}
}

// Environment variables often carry a PEM on one line with literal "\n".
function pemText(text: string): string {
  return text.trim().replace(/\\n/g, '\n')
}

/** A private key from PEM (PKCS#8) or base64 DER; throws a plain message when it is not Ed25519. */
export function readPrivateKey(text: string): SigningKey {
  let privateKey: KeyObject
  try {
    const value = pemText(text)
    privateKey = value.startsWith('-----BEGIN')
      ? createPrivateKey(value)
      : createPrivateKey({key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8'})
  } catch {
    throw new Error('is not a private key in PEM (PKCS#8) or base64 DER form.')
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`must be an Ed25519 key (got ${privateKey.asymmetricKeyType ?? 'unknown'}).`)
  }
  const publicKey = publicRecord(createPublicKey(privateKey))
  return {keyId: publicKey.keyId, privateKey, publicKey}
}

/** A public key from base64 DER (SPKI) or PEM. */
export function readPublicKey(text: string): PublicSigningKey {
  let key: KeyObject
  try {
    const value = pemText(text)
    key = value.startsWith('-----BEGIN')
      ? createPublicKey(value)
      : createPublicKey({key: Buffer.from(value, 'base64'), format: 'der', type: 'spki'})
  } catch {
    throw new Error('is not a public key in base64 DER (SPKI) or PEM form.')
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('must be an Ed25519 public key.')
  return publicRecord(key)
}

/** A new key pair; the private key as PEM, to be kept as a server secret. */
export function generateSigningKey(): {pem: string; key: SigningKey} {
  const {privateKey} = generateKeyPairSync('ed25519')
  const pem = privateKey.export({type: 'pkcs8', format: 'pem'}).toString()
  return {pem, key: readPrivateKey(pem)}
}

export function signStatement(statement: Statement, key: SigningKey): StoredSignature {
  const signature = sign(null, Buffer.from(statementText(statement)), key.privateKey)
  return {keyId: key.keyId, signature: signature.toString('base64')}
}

export type SignatureCheck = 'valid' | 'invalid' | 'unknown-key'

/** Whether a statement carries a valid signature from one of the trusted keys. */
export function checkSignature(
  statement: Statement,
  signature: StoredSignature | null,
  keys: readonly PublicSigningKey[],
): SignatureCheck {
  if (!signature) return 'invalid'
  const key = keys.find((candidate) => candidate.keyId === signature.keyId)
  if (!key) return 'unknown-key'
  try {
    const publicKey = createPublicKey({
      key: Buffer.from(key.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    })
    return verify(
      null,
      Buffer.from(statementText(statement)),
      publicKey,
      Buffer.from(signature.signature, 'base64'),
    )
      ? 'valid'
      : 'invalid'
  } catch {
    return 'invalid'
  }
}

/** The SHA-256 (hex) of a text, synchronously: the same digest as `sha256Hex`. */
export function sha256HexSync(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
