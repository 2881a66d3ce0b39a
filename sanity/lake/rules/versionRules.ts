import {ROLES, type LocalRole} from '../../../lib/localUsers'
import {canonicalJson} from '../../../lib/policy/canonicalJson'
import {POLICY_DOCUMENT_ID} from '../../../lib/policy/documentIds'
import {linkAuditMatches, versionRecord} from '../../../lib/policy/record'
import {REFUSAL_STATUS, refusalMessage, type Refusal} from '../../../lib/policy/refusals'
import {fingerprintSync} from '../../../lib/policy/signoff'
import {checkSignature, type PublicSigningKey} from '../../../lib/policy/signingKeys'
import {
  approvalStatement,
  publicationStatement,
  storedSignature,
} from '../../../lib/policy/statements'
import {organisationToday} from '../../../lib/policy/dates'
import {verifyHistory} from '../../../lib/policy/verification'
import {
  APPROVAL_FIELDS,
  PREPARED_FIELDS,
  PROPOSAL_FIELDS,
  PUBLICATION_FIELDS,
  candidateDocumentId,
  candidateNumber,
  candidateStaleness,
  documentsWrittenBy,
  nextVersionNumber,
  proposalRefusals,
  publishedVersionNumber,
  separationOfDutiesScope,
  stalenessSummary,
} from '../../../lib/policy/workflow'
import type {PolicyDocument, PolicySectionDocument} from '../../../lib/policy/candidate'
import type {DatasetStore, DocumentChange, TransactionGuard, TransactionKind} from '../store'
import {isDraftId, type LakeDocument, LakeError} from '../core'
import {
  anomalyReason,
  looksLikeVersion,
  publishedAnomaly,
  publishedVersions,
} from './versionDocuments'

/**
 * The sign-off rules (docs/decisions/0007-signed-versions.md), enforced again where the data is,
 * whatever route a write takes (the Studio, a script, a raw HTTP call):
 * - an editor prepares a candidate at `drafts.version-<next number>`, in her own name, with no
 *   approval; she (or anyone but the signing service) may then change only its summary of changes
 *   and proposed date, or prepare it again;
 * - approvals and publications are written only by the site's signing service, signed with a key
 *   the lake trusts, for exactly the record they name, chained to the latest published version;
 * - the approver is a legal reviewer who neither prepared the candidate nor, since the version
 *   before it was published, wrote any part of what it changes (the transaction log says who did);
 * - a published version is created once, from the approved candidate it replaces, and never
 *   changes (policyGuard.ts).
 * What is judged is what the transaction leaves behind, whatever its steps: anything that ends at
 * a version's place must be a valid published version (lib/policy/versionShape.ts) that passes
 * the checks of a new one, and only valid versions count for the numbering; what merely poses as
 * one may be deleted by a person, nothing else.
 * The whole transaction is refused otherwise, with a refusal code the Studio translates and a
 * description in both languages. The seed, written into an empty dataset at first start, is the
 * record as it was (docs/decisions/0017-lake-judges-final-state.md).
 */

export interface VersionRulesOptions {
  /** The dataset's store: the documents now, and the transaction log with each author. */
  store: DatasetStore
  /** A local user's role, by user id; undefined for someone the lake does not know. */
  roleOf: (userId: string) => LocalRole | undefined
  /** The site's signing service: the only author of approvals and publications. */
  signerId: string
  /** The public keys approvals and publications must verify with. */
  trustedKeys: () => readonly PublicSigningKey[]
  /** Today (YYYY-MM-DD) in the organisation's time zone. */
  today?: () => string
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null)
}

/** A refusal in the Content Lake's error shape, with the sign-off's code and parameters. */
export function refusalError(refusal: Refusal, id: string, kind: TransactionKind): LakeError {
  const statusCode = REFUSAL_STATUS[refusal.code]
  const description = `${refusalMessage(refusal, 'en')} / ${refusalMessage(refusal, 'fr')}`
  const detail = {code: refusal.code, params: 'params' in refusal ? refusal.params : {}}
  return new LakeError(statusCode, {
    error: {
      description,
      type: kind === 'actions' ? 'actionError' : 'mutationError',
      ...detail,
      items: [{error: {id, description, type: 'versionWorkflowError', ...detail}}],
    },
    statusCode,
  })
}

function isVersion(doc: LakeDocument | null | undefined): doc is LakeDocument {
  return doc?._type === 'policyVersion'
}

/** A publication: version-<n> created by the transaction that deletes its candidate. */
function deletesItsCandidate(change: DocumentChange, changes: DocumentChange[]): boolean {
  const number = publishedVersionNumber(change.id)
  return (
    number !== undefined &&
    changes.some(
      (other) =>
        other.id === candidateDocumentId(number) && other.before !== null && other.after === null,
    )
  )
}

export function versionWorkflowRules(options: VersionRulesOptions): TransactionGuard {
  const today = options.today ?? (() => organisationToday())
  const {store} = options

  /**
   * The published versions once the transaction applies, by number: only valid versions count,
   * so no anomaly can move the next number or stand in the chain.
   */
  function publishedAfter(changes: DocumentChange[]): Map<number, LakeDocument> {
    return publishedVersions(store.all(), changes).versions
  }

  /** The latest published version before this transaction. */
  function latestPublished(): LakeDocument | undefined {
    const versions = publishedAfter([])
    return versions.get(Math.max(0, ...versions.keys()))
  }

  function working(): {policy: PolicyDocument | null; sections: PolicySectionDocument[]} {
    const sections = [...store.all()].filter(
      (doc) => doc._type === 'policySection' && !isDraftId(doc._id),
    )
    return {
      policy: (store.get(POLICY_DOCUMENT_ID) as PolicyDocument | null) ?? null,
      sections: sections as unknown as PolicySectionDocument[],
    }
  }

  /**
   * The documents of `scope` the person wrote to since the version before was published (the
   * candidate's id included: a withdrawn candidate for the same number counts too, so that the
   * site, which reads the same log through the history API, judges alike).
   */
  function authoredSince(personId: string, scope: string[], previous?: LakeDocument): string[] {
    const published = previous ? store.revisions(previous._id)[0]?.seq : undefined
    const transactions = store.transactions({
      documentIds: scope,
      fromSeq: published === undefined ? undefined : published + 1,
    })
    return documentsWrittenBy(personId, scope, transactions)
  }

  /** The checks an approval and a publication share: the record, the seal and who signed. */
  function checkApprovedRecord(doc: LakeDocument, no: (refusal: Refusal) => never): void {
    const number = doc.number as number
    const keys = options.trustedKeys()
    const approval = isObject(doc.approval) ? doc.approval : {}
    if (checkSignature(approvalStatement(doc), storedSignature(approval), keys) !== 'valid')
      no({code: 'approval-signature-invalid'})
    const record = versionRecord(doc)
    if (approval.fingerprint !== fingerprintSync(record)) no({code: 'record-differs-from-approval'})
    if (!linkAuditMatches(record)) no({code: 'link-audit-mismatch'})
    const latest = latestPublished()
    const next = nextVersionNumber(latest ? [latest.number as number] : [])
    if (number !== next) no({code: 'number-not-next', params: {number, next}})
    if ((doc.previousFingerprint ?? null) !== ((latest?.fingerprint as string | undefined) ?? null))
      no({code: 'chain-moved', params: {latest: (latest?.number as number | undefined) ?? 0}})
    const approver = typeof approval.userId === 'string' ? approval.userId : ''
    if (options.roleOf(approver) !== ROLES.legalReviewer) no({code: 'approver-not-reviewer'})
    const preparedBy = isObject(doc.preparedBy) ? doc.preparedBy.userId : undefined
    if (approver === preparedBy) no({code: 'self-approval'})
    const [proposal] = proposalRefusals(doc, today())
    if (proposal) no(proposal)
  }

  /** The signing service approves a candidate: only the approval and its seal change. */
  function checkApproval(
    change: DocumentChange,
    changes: DocumentChange[],
    no: (r: Refusal) => never,
  ) {
    const {before, after} = change
    if (changes.length !== 1) no({code: 'approval-changes-only-approval'})
    if (!before || !after) return no({code: 'approval-changes-only-approval'})
    if (before.status !== 'candidate') no({code: 'already-approved'})
    if (after.status !== 'approved') no({code: 'approval-changes-only-approval'})
    const keys = new Set([...Object.keys(before), ...Object.keys(after)])
    for (const key of keys) {
      if (key.startsWith('_') || (APPROVAL_FIELDS as readonly string[]).includes(key)) continue
      if (!same(before[key], after[key])) no({code: 'approval-changes-only-approval'})
    }
    checkApprovedRecord(after, no)
    const approver = (after.approval as Json).userId as string
    const previous = latestPublished()
    const sections = working().sections
    const scope = separationOfDutiesScope(after, previous ?? null, sections)
    const authored = authoredSince(approver, scope, previous)
    if (authored.length > 0)
      no({code: 'reviewer-authored-changes', params: {documents: authored.join(', ')}})
  }

  /** The version a change writes at `version-<n>`, refused unless its number is n. */
  function versionWritten(
    change: DocumentChange,
    no: (r: Refusal) => never,
  ): {after: LakeDocument; number: number} {
    const after = change.after as LakeDocument
    const number = publishedVersionNumber(change.id)
    if (number === undefined || after.number !== number)
      return no({code: 'candidate-id-invalid', params: {id: change.id}})
    return {after, number}
  }

  /** The signing service publishes: version-<n> is the approved candidate it deletes, signed. */
  function checkPublication(
    change: DocumentChange,
    changes: DocumentChange[],
    no: (r: Refusal) => never,
  ) {
    const {after, number} = versionWritten(change, no)
    if (after.status !== 'published') no({code: 'candidate-id-invalid', params: {id: change.id}})
    const candidate = changes.find(
      (other) => other.id === candidateDocumentId(number) && other.after === null,
    )?.before
    if (!candidate || candidate.status !== 'approved') return no({code: 'not-approved'})
    for (const field of [...PREPARED_FIELDS, ...APPROVAL_FIELDS]) {
      if (field === 'status') continue
      if (!same(candidate[field], after[field])) no({code: 'record-differs-from-approval'})
    }
    const fingerprint = fingerprintSync(versionRecord(after))
    if (after.fingerprint !== fingerprint) no({code: 'record-differs-from-approval'})
    checkApprovedRecord(after, no)
    const publication = isObject(after.publication) ? after.publication : {}
    const signature = storedSignature(publication)
    if (checkSignature(publicationStatement(after), signature, options.trustedKeys()) !== 'valid')
      no({code: 'publication-signature-invalid'})
    if (after.publishedAt !== publication.at) no({code: 'publication-signature-invalid'})
    const staleness = candidateStaleness(after, working())
    if (staleness.stale && publication.staleAcknowledged !== true)
      no({code: 'candidate-stale', params: {sections: stalenessSummary(staleness)}})
  }

  /**
   * A published version written whole, with no candidate behind it: a backup or an export being
   * restored (Sanity's import, a script). It is the record as it was, accepted as it stands when
   * its fingerprint, its link audit and both signatures verify with the trusted keys and it
   * chains to the version before it, whoever writes it; nothing is signed again. A version whose
   * predecessor is not there yet is taken (an import's batches may arrive out of order), and the
   * chain is checked when the predecessor comes: the site shows the gap meanwhile.
   */
  function checkRestoredPublication(
    change: DocumentChange,
    changes: DocumentChange[],
    no: (r: Refusal) => never,
  ) {
    const {number} = versionWritten(change, no)
    const history = verifyHistory([...publishedAfter(changes).values()], options.trustedKeys())
    const own = history.versions.find((version) => version.number === number)
    const problem =
      own?.problems.find((found) => found.code !== 'follows-missing-version') ??
      history.versions
        .find((version) => version.number === number + 1)
        ?.problems.find((found) => found.code === 'chain-broken')
    if (problem) no({code: 'restored-version-unverified', params: {number, problem: problem.code}})
  }

  /**
   * An approved candidate written whole (a restore, as above): its approval must verify for
   * exactly its record and follow the latest version restored so far; publishing it later goes
   * through every check of a live publication.
   */
  function checkRestoredApproval(
    change: DocumentChange,
    changes: DocumentChange[],
    no: (r: Refusal) => never,
  ) {
    const after = change.after as LakeDocument
    const number = candidateNumber(change.id) as number
    if (after.number !== number) no({code: 'candidate-id-invalid', params: {id: change.id}})
    const record = versionRecord(after)
    const approval = isObject(after.approval) ? after.approval : {}
    const preparedBy = isObject(after.preparedBy) ? after.preparedBy.userId : undefined
    const published = publishedAfter(changes)
    const previous = published.get(number - 1)
    const problem =
      approval.fingerprint !== fingerprintSync(record)
        ? 'approval-fingerprint-mismatch'
        : checkSignature(
              approvalStatement(after),
              storedSignature(approval),
              options.trustedKeys(),
            ) !== 'valid'
          ? 'approval-signature-invalid'
          : !linkAuditMatches(record)
            ? 'link-audit-mismatch'
            : approval.userId === preparedBy
              ? 'self-approval'
              : [...published.keys()].some((existing) => existing >= number) ||
                  (number > 1 && !previous) ||
                  (after.previousFingerprint ?? null) !== (previous?.fingerprint ?? null)
                ? 'chain-broken'
                : undefined
    if (problem) no({code: 'restored-version-unverified', params: {number, problem}})
  }

  /** Anyone but the signing service writing a candidate: it stays an unapproved proposal. */
  function checkProposal(
    change: DocumentChange,
    changes: DocumentChange[],
    author: string,
    no: (r: Refusal) => never,
  ) {
    const {before, after} = change
    if (!after) return // withdrawing a candidate
    const number = candidateNumber(change.id) as number
    for (const field of [...APPROVAL_FIELDS, ...PUBLICATION_FIELDS]) {
      if (field === 'status') continue
      if (after[field] !== undefined) no({code: 'reserved-for-signing-service'})
    }
    if (after.status !== 'candidate') no({code: 'reserved-for-signing-service'})
    const reprepared =
      !isVersion(before) ||
      PREPARED_FIELDS.some(
        (field) =>
          !(PROPOSAL_FIELDS as readonly string[]).includes(field) &&
          !same(before[field], after[field]),
      )
    if (!reprepared) return
    const preparedBy = isObject(after.preparedBy) ? after.preparedBy.userId : undefined
    if (preparedBy !== author) no({code: 'prepared-by-mismatch'})
    // Versions restored in the same transaction count (an import brings the history first)
    const next = nextVersionNumber([...publishedAfter(changes).keys()])
    if (after.number !== number || number !== next)
      no({code: 'number-not-next', params: {number, next}})
  }

  /**
   * Whatever a transaction leaves at a published version's place (`version-…`, or any non-draft
   * `policyVersion`), judged by its final state: a published version stays as it is
   * (policyGuard.ts); anything else there may be removed by a person, or become a published
   * version that passes every check of a new one; nothing else may be left there.
   */
  function checkPublishedPlace(
    change: DocumentChange,
    changes: DocumentChange[],
    author: string,
    no: (r: Refusal) => never,
  ) {
    const {before, after} = change
    const signing = author === options.signerId
    if (before && looksLikeVersion(change.id, before) && !publishedAnomaly(before, store.all()))
      return // a published version: policyGuard.ts refuses any change to it
    if (after === null) {
      // Removing what only poses as a version: a person's act, never the signing service's.
      if (signing || options.roleOf(author) === undefined)
        no({code: 'approval-changes-only-approval'})
      return
    }
    if (isVersion(after) && after.status !== 'published' && isVersionNumberId(change.id))
      no({code: 'candidate-must-be-private', params: {id: change.id}})
    const anomaly = publishedAnomaly(after, store.all(), changes)
    if (anomaly)
      no({code: 'version-invalid', params: {id: change.id, reason: anomalyReason(anomaly)}})
    if (deletesItsCandidate(change, changes)) {
      if (!signing) no({code: 'reserved-for-signing-service'})
      checkPublication(change, changes, no)
    } else {
      checkRestoredPublication(change, changes, no)
    }
  }

  return (changes, kind, author) => {
    if (kind === 'import') return
    const signing = author === options.signerId
    for (const change of changes) {
      const no = (refusal: Refusal): never => {
        throw refusalError(refusal, change.id, kind)
      }
      if (
        !looksLikeVersion(change.id, change.before) &&
        !looksLikeVersion(change.id, change.after)
      ) {
        // The signing service writes versions and nothing else.
        if (signing) no({code: 'approval-changes-only-approval'})
        continue
      }
      if (!isDraftId(change.id)) {
        checkPublishedPlace(change, changes, author, no)
        continue
      }
      if (candidateNumber(change.id) === undefined) {
        // Something that is no candidate may be removed by a person; nothing may be written there.
        if (change.after === null && !signing) continue
        no({code: 'candidate-id-invalid', params: {id: change.id}})
      }
      if (change.after && !isVersion(change.after))
        no({code: 'version-invalid', params: {id: change.id, reason: 'type'}})
      const created = !isVersion(change.before)
      if (!signing && created && change.after?.status === 'approved') {
        checkRestoredApproval(change, changes, no)
      } else if (!signing) {
        checkProposal(change, changes, author, no)
      } else if (change.after === null) {
        // The signing service removes a candidate only when it publishes it.
        const number = candidateNumber(change.id) as number
        if (!changes.some((other) => other.id === `version-${number}` && other.before === null))
          no({code: 'approval-changes-only-approval'})
      } else {
        checkApproval(change, changes, no)
      }
    }
  }
}

/** `version-<n>` as the workflow writes it, for the refusal that says a candidate stays private. */
function isVersionNumberId(id: string): boolean {
  return publishedVersionNumber(id) !== undefined
}
