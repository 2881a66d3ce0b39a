/**
 * What the site's key signs: a short statement naming the version, its fingerprint, the people
 * who prepared, approved or published it, with when, and the site it is signed for. Built from a
 * stored version, so that anyone holding the public JSON can rebuild the exact bytes that were
 * signed (docs/record-format.md).
 *
 * Two formats: statements made since sites are named carry `site`, the canonical address of the
 * site the version was published on, so that a version signed for one site (a staging project
 * sharing the key) does not verify on another; earlier statements have no `site` and keep
 * verifying as they were signed. A version's format is never older than its predecessor's.
 */
import {canonicalJson} from './canonicalJson'

/** A person and the moment they acted, as a signature names them. */
export interface SignedActor {
  userId: string | null
  name: string | null
  at: string | null
}

export interface ApprovalStatement {
  kind: 'approval'
  number: number | null
  fingerprint: string | null
  preparedBy: SignedActor | null
  approvedBy: SignedActor | null
  /** The site signed for; absent from statements made before sites were named. */
  site?: string
}

export interface PublicationStatement {
  kind: 'publication'
  number: number | null
  fingerprint: string | null
  preparedBy: SignedActor | null
  publishedBy: SignedActor | null
  site?: string
}

export type Statement = ApprovalStatement | PublicationStatement

/** A signature as stored with an approval or a publication. */
export interface StoredSignature {
  keyId: string
  signature: string
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

export function signedActor(value: unknown): SignedActor | null {
  if (!isObject(value)) return null
  return {userId: text(value.userId), name: text(value.name), at: text(value.at)}
}

/**
 * The canonical address of a site, as statements name it: the origin of its public address
 * (scheme, host and port, no path and no trailing slash), e.g. `https://policy.example.org`.
 */
export function canonicalSite(address: string | URL): string {
  return new URL(address).origin
}

/** The site an approval or a publication was signed for, if its statement names one. */
export function signedSite(signed: unknown): string | undefined {
  return isObject(signed) && typeof signed.site === 'string' ? signed.site : undefined
}

/** What both statements say of a stored version: which one, which record, who prepared it. */
function versionStated(doc: Json, fingerprint: unknown, signed: unknown) {
  const site = signedSite(signed)
  return {
    number: typeof doc.number === 'number' ? doc.number : null,
    fingerprint: text(fingerprint),
    preparedBy: signedActor(doc.preparedBy),
    ...(site === undefined ? {} : {site}),
  }
}

/** What the approval of a stored version states. */
export function approvalStatement(doc: Json): ApprovalStatement {
  const approval = isObject(doc.approval) ? doc.approval : {}
  return {
    kind: 'approval',
    ...versionStated(doc, approval.fingerprint, approval),
    approvedBy: signedActor(doc.approval),
  }
}

/** What the publication of a stored version states. */
export function publicationStatement(doc: Json): PublicationStatement {
  return {
    kind: 'publication',
    ...versionStated(doc, doc.fingerprint, doc.publication),
    publishedBy: signedActor(doc.publication),
  }
}

/** The exact text a signature covers. */
export function statementText(statement: Statement): string {
  return canonicalJson(statement)
}

/** The signature stored with an approval or a publication, if it has one. */
export function storedSignature(value: unknown): StoredSignature | null {
  if (!isObject(value)) return null
  const keyId = text(value.keyId)
  const signature = text(value.signature)
  return keyId && signature ? {keyId, signature} : null
}
