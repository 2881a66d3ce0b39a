/**
 * What an approval and a publication write, signed with the site's key: the one place that
 * shapes them, used by the site's endpoints, the seed build and the tests. Server-side only.
 */
import {
  canonicalRecord,
  sealedRecord,
  storedLinkAuditValue,
  versionRecord,
  type VersionRecord,
} from './record'
import {sha256HexSync, signStatement, type SigningKey} from './signingKeys'
import {
  approvalStatement,
  publicationStatement,
  type Statement,
  type StoredSignature,
} from './statements'
import type {VersionActor} from './types'
import {PREPARED_FIELDS, versionDocumentId} from './workflow'

type Json = Record<string, unknown>

/** Signs a statement: with the site's key, or (for the seed) with signatures made once. */
export type Signer = (statement: Statement) => StoredSignature

export function signerFor(key: SigningKey): Signer {
  return (statement) => signStatement(statement, key)
}

/** The fingerprint of a record, synchronously (the same SHA-256 as `fingerprint`). */
export function fingerprintSync(record: VersionRecord): string {
  return sha256HexSync(canonicalRecord(record))
}

function siteOf(options: {site?: string}): {site?: string} {
  return options.site === undefined ? {} : {site: options.site}
}

export interface ApprovalSeal {
  /** The fields the approval sets on the candidate. */
  fields: {
    status: 'approved'
    approval: Json
    linkAudit: Json
    previousFingerprint: string | null
  }
  fingerprint: string
  record: VersionRecord
}

/**
 * A candidate's approval: the record sealed with the link audit (from the site's hosts) and the
 * previous version's fingerprint, and the approval naming that record's fingerprint, signed.
 */
export function approvalSeal(
  candidate: Json,
  options: {
    approver: VersionActor
    siteHosts: readonly string[]
    previousFingerprint: string | null
    sign: Signer
    /**
     * The canonical address of the site it is signed for (statements.ts, `canonicalSite`); only
     * the seed's versions, signed once before sites were named, have none.
     */
    site?: string
  },
): ApprovalSeal {
  const record = sealedRecord(candidate, options)
  const fingerprint = fingerprintSync(record)
  const unsigned = {_type: 'versionApproval', ...options.approver, fingerprint, ...siteOf(options)}
  const signature = options.sign(approvalStatement({...candidate, approval: unsigned}))
  return {
    fields: {
      status: 'approved',
      approval: {...unsigned, ...signature},
      linkAudit: record.linkAudit ? storedLinkAuditValue(record.linkAudit) : {},
      previousFingerprint: options.previousFingerprint,
    },
    fingerprint,
    record,
  }
}

/**
 * The published version made from an approved candidate: its prepared fields and seal as
 * approved, the fingerprint, and the publication signed. Nothing else is taken from the caller.
 */
/** A published version as stored: its record's fields, the fingerprint and the signed people. */
export interface PublishedVersionDocument {
  _id: string
  _type: 'policyVersion'
  status: 'published'
  number: number
  fingerprint: string
  publishedAt: string
  [field: string]: unknown
}

export function publishedVersionDocument(
  candidate: Json,
  options: {
    publisher: VersionActor
    sign: Signer
    site?: string
    staleAcknowledged?: boolean
  },
): PublishedVersionDocument {
  const fingerprint = fingerprintSync(versionRecord(candidate))
  const number = candidate.number as number
  const prepared = Object.fromEntries(
    PREPARED_FIELDS.filter((field) => candidate[field] !== undefined).map((field) => [
      field,
      candidate[field],
    ]),
  )
  const unsigned = {
    _type: 'versionPublication',
    ...options.publisher,
    ...(options.staleAcknowledged ? {staleAcknowledged: true} : {}),
    ...siteOf(options),
  }
  const document = {
    _id: versionDocumentId(number),
    _type: 'policyVersion' as const,
    status: 'published' as const,
    number,
    ...prepared,
    linkAudit: candidate.linkAudit,
    previousFingerprint: candidate.previousFingerprint ?? null,
    fingerprint,
    approval: candidate.approval,
    publishedAt: options.publisher.at,
  }
  const signature = options.sign(publicationStatement({...document, publication: unsigned}))
  return {...document, publication: {...unsigned, ...signature}}
}
