import {studioTarget} from '../env'
import {DEFAULT_LEGAL_ROLE} from './workflow'

/** The API version the versioning actions and views read and write with. */
export const VERSIONING_API_VERSION = studioTarget.apiVersion

/**
 * The project role that may approve a version. The embedded lake's reviewer holds
 * `legal-reviewer`; a real Sanity project names its custom role in
 * NEXT_PUBLIC_SANITY_LEGAL_ROLE (read by its literal name, so the build inlines it).
 */
export const LEGAL_ROLE = process.env.NEXT_PUBLIC_SANITY_LEGAL_ROLE?.trim() || DEFAULT_LEGAL_ROLE
