import 'server-only'
import {env} from '@/lib/env'
import {
  readPrivateKey,
  readPublicKey,
  type PublicSigningKey,
  type SigningKey,
} from '@/lib/policy/signingKeys'
import {SEED_PUBLIC_KEYS} from '@/sanity/seed/seedKey'

/**
 * The site's signing key (a server secret, never sent to a browser) and the public keys it
 * verifies with and publishes: its own, any kept after a rotation (SIGNING_PUBLIC_KEYS), and the
 * seed's.
 */

let signingKey: SigningKey | null | undefined

/** The key approvals and publications are signed with; undefined when none is configured. */
export function siteSigningKey(): SigningKey | undefined {
  if (signingKey === undefined) {
    const pem = env().signoff.signingPrivateKey
    signingKey = pem ? readPrivateKey(pem) : null
  }
  return signingKey ?? undefined
}

let trusted: PublicSigningKey[] | undefined

export function trustedKeys(): PublicSigningKey[] {
  if (!trusted) {
    const keys = [
      ...(siteSigningKey() ? [siteSigningKey()!.publicKey] : []),
      ...env().signoff.trustedPublicKeys.map(readPublicKey),
      ...SEED_PUBLIC_KEYS,
    ]
    trusted = keys.filter(
      (key, index) => keys.findIndex((other) => other.keyId === key.keyId) === index,
    )
  }
  return trusted
}
