/**
 * What the site's key signs: a short statement naming the version, its fingerprint and the people
 * who prepared, approved or published it, with when. Built from a stored version, so that anyone
 * holding the public JSON can rebuild the exact bytes that were signed.
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
}

export interface PublicationStatement {
  kind: 'publication'
  number: number | null
  fingerprint: string | null
  preparedBy: SignedActor | null
  publishedBy: SignedActor | null
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

/** What both statements say of a stored version: which one, which record, who prepared it. */
function versionStated(doc: Json, fingerprint: unknown) {
  return {
    number: typeof doc.number === 'number' ? doc.number : null,
    fingerprint: text(fingerprint),
    preparedBy: signedActor(doc.preparedBy),
  }
}

/** What the approval of a stored version states. */
export function approvalStatement(doc: Json): ApprovalStatement {
  const approval = isObject(doc.approval) ? doc.approval : {}
  return {
    kind: 'approval',
    ...versionStated(doc, approval.fingerprint),
    approvedBy: signedActor(doc.approval),
  }
}

/** What the publication of a stored version states. */
export function publicationStatement(doc: Json): PublicationStatement {
  return {
    kind: 'publication',
    ...versionStated(doc, doc.fingerprint),
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
