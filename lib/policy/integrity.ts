import {contentHash} from './contentHash'
import type {PolicyVersion} from './types'

/**
 * Whether a published version still is what legal approved. The embedded lake refuses to change a
 * published version; a hosted Sanity project cannot, so the site checks every version it shows.
 * - `verified`: the content hashes to the recorded fingerprint, and the approval names it.
 * - `content-changed`: the content no longer hashes to the recorded fingerprint.
 * - `approval-mismatch`: the approval was given for other content than the recorded fingerprint.
 * - `not-approved`: no approval is recorded.
 */
export type IntegrityStatus = 'verified' | 'content-changed' | 'approval-mismatch' | 'not-approved'

export async function checkIntegrity(version: PolicyVersion): Promise<IntegrityStatus> {
  if (!version.contentHash || (await contentHash(version)) !== version.contentHash)
    return 'content-changed'
  if (!version.approval?.contentHash) return 'not-approved'
  if (version.approval.contentHash !== version.contentHash) return 'approval-mismatch'
  return 'verified'
}
