import type {PublicSigningKey} from '../../lib/policy/signingKeys'
import signing from './signing.json' with {type: 'json'}

/**
 * The public key the seed's history was signed with, once, by a key whose private half was
 * discarded (build.ts). The site and the lake trust it by default, so the seed verifies; nobody
 * can sign anything new with it.
 */
export const SEED_PUBLIC_KEY = signing.publicKey as PublicSigningKey
