import type {PublicSigningKey} from '../../lib/policy/signingKeys'
import signing from './signing.json' with {type: 'json'}

/**
 * The public keys the seed's history was signed with, each once, by a key whose private half was
 * discarded (build.ts): the current seed's, then those of earlier seeds, so that a lake seeded
 * before still verifies. The site and the lake trust them by default; nobody can sign anything new
 * with them.
 */
export const SEED_PUBLIC_KEYS: PublicSigningKey[] = [
  signing.publicKey as PublicSigningKey,
  ...(((signing as {earlierPublicKeys?: unknown[]}).earlierPublicKeys ?? []) as PublicSigningKey[]),
]
