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

/** Which key a published key is: the site's own, one kept after a rotation, or the seed's. */
export type KeyRole = 'site' | 'earlier' | 'seed'

let labelled: (PublicSigningKey & {role: KeyRole})[] | undefined

/**
 * The trusted public keys, each labelled (docs/record-format.md): `site` signs what the site
 * approves and publishes now; `earlier` keys (SIGNING_PUBLIC_KEYS) signed versions before a
 * rotation; `seed` keys signed the seed's versions once, and their private halves were thrown
 * away.
 */
export function labelledKeys(): (PublicSigningKey & {role: KeyRole})[] {
  if (!labelled) {
    const keys: (PublicSigningKey & {role: KeyRole})[] = [
      ...(siteSigningKey() ? [{...siteSigningKey()!.publicKey, role: 'site' as const}] : []),
      ...env().signoff.trustedPublicKeys.map((key) => ({
        ...readPublicKey(key),
        role: 'earlier' as const,
      })),
      ...SEED_PUBLIC_KEYS.map((key) => ({...key, role: 'seed' as const})),
    ]
    labelled = keys.filter(
      (key, index) => keys.findIndex((other) => other.keyId === key.keyId) === index,
    )
  }
  return labelled
}

let trusted: PublicSigningKey[] | undefined

export function trustedKeys(): PublicSigningKey[] {
  trusted ??= labelledKeys().map(({keyId, algorithm, publicKey}) => ({keyId, algorithm, publicKey}))
  return trusted
}
