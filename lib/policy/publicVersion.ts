import {versionRecord, type VersionRecord} from './record'
import {signedActor, type SignedActor} from './statements'
import type {VersionVerification} from './verification'

/**
 * A published version as the site serves it to anyone (`/api/versions/{n}`): its record exactly
 * as hashed, its fingerprint, the people who prepared, approved and published it with their
 * signatures, and what the site's own check found. The `verify` command rebuilds a stored
 * version from this alone.
 */
export interface PublicVersion {
  number: number
  fingerprint: string | null
  record: VersionRecord
  preparedBy: SignedActor | null
  approval:
    | (SignedActor & {
        fingerprint: string | null
        keyId: string | null
        signature: string | null
        site?: string
      })
    | null
  publication:
    | (SignedActor & {
        keyId: string | null
        signature: string | null
        staleAcknowledged?: true
        site?: string
      })
    | null
  publishedAt: string | null
  verification: {verified: boolean; problems: string[]} | null
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

// The site a statement names is part of what was signed (docs/record-format.md, §4).
function siteNamed(signed: Json): {site?: string} {
  return typeof signed.site === 'string' ? {site: signed.site} : {}
}

export function publicVersion(stored: object, verification?: VersionVerification): PublicVersion {
  const doc = stored as Json
  const approval = isObject(doc.approval) ? doc.approval : undefined
  const publication = isObject(doc.publication) ? doc.publication : undefined
  return {
    number: doc.number as number,
    fingerprint: text(doc.fingerprint),
    record: versionRecord(doc),
    preparedBy: signedActor(doc.preparedBy),
    approval: approval
      ? {
          ...signedActor(approval)!,
          fingerprint: text(approval.fingerprint),
          keyId: text(approval.keyId),
          signature: text(approval.signature),
          ...siteNamed(approval),
        }
      : null,
    publication: publication
      ? {
          ...signedActor(publication)!,
          keyId: text(publication.keyId),
          signature: text(publication.signature),
          ...(publication.staleAcknowledged === true ? {staleAcknowledged: true as const} : {}),
          ...siteNamed(publication),
        }
      : null,
    publishedAt: text(doc.publishedAt),
    verification: verification
      ? {
          verified: verification.verified,
          problems: verification.problems.map((problem) => problem.code),
        }
      : null,
  }
}

/** A stored version rebuilt from its public JSON, as `verifyHistory` reads it. */
export function storedFromPublic(version: PublicVersion): Json {
  const {record} = version
  return {
    // What the public JSON states of itself: a version whose number is malformed gets an id that
    // is no version's, and is classified as an anomaly like the document it came from.
    _id: `version-${String(version.number)}`,
    _type: 'policyVersion',
    status: 'published',
    ...record,
    number: version.number,
    fingerprint: version.fingerprint,
    preparedBy: version.preparedBy,
    approval: version.approval,
    publication: version.publication,
    publishedAt: version.publishedAt,
  }
}
