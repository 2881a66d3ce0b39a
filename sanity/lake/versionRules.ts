import {createHash} from 'node:crypto'

import {canonicalJson, hashableContent} from '../../lib/policy/contentHash'
import {organisationToday} from '../../lib/policy/dates'
import {
  approvalProblem,
  changeSummaryProblems,
  describeApprovalProblem,
  effectiveDateProblem,
  nextVersionNumber,
  versionContent,
} from '../studio/versioning/workflow'
import type {LocalRole} from './auth'
import type {TransactionGuard} from './dataset'
import {isDraftId, type LakeDocument} from './documents'
import {transactionError} from './errors'
import type {DocumentChange} from './storage'

/**
 * The publishing workflow of policy versions, enforced on every write so that no client (the
 * Studio, a script, a raw HTTP call) can go around it:
 * - only the person a `preparedBy` or an `approval` names may write it (the lake knows whose token
 *   sent each transaction);
 * - the approver holds the legal reviewer's role and is not the person who prepared the version;
 * - a version is `approved`, or becomes `published`, only while its approval names its content
 *   hash and that hash is what its content recomputes to;
 * - a version becomes `published` with the next number, an effective date from today on (in the
 *   organisation's time zone) and a summary of changes in both languages.
 * The whole transaction is refused otherwise: 403 when the person may not do it, 409 when the
 * version is not in a state to allow it. Imports (the seed) are the record as it was, not checked.
 */

export interface VersionRulesOptions {
  /** The committed documents, to find the published version numbers. */
  documents: () => Iterable<LakeDocument>
  /** A local user's role, by user id; undefined for someone the lake does not know. */
  roleOf: (userId: string) => LocalRole | undefined
  /** Today (YYYY-MM-DD) in the organisation's time zone. */
  today?: () => string
}

const LEGAL_ROLE: LocalRole = 'legal-reviewer'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null)
}

/** The same SHA-256 as lib/policy/contentHash.ts, computed synchronously inside the writer. */
function recomputedHash(doc: LakeDocument): string | undefined {
  const content = versionContent(doc)
  if (!content) return undefined
  return createHash('sha256')
    .update(canonicalJson(hashableContent(content)))
    .digest('hex')
}

function label(doc: LakeDocument): string {
  return typeof doc.number === 'number' && doc.status === 'published'
    ? `Version ${doc.number}`
    : `The version "${doc._id}"`
}

function refuse(kind: string, statusCode: 403 | 409, id: string, description: string): never {
  throw transactionError(
    statusCode,
    description,
    [
      {
        id,
        description,
        type: statusCode === 403 ? 'versionPermissionError' : 'versionWorkflowError',
      },
    ],
    kind === 'actions' ? 'actionError' : 'mutationError',
  )
}

function isPublishedVersion(doc: LakeDocument | null | undefined): doc is LakeDocument {
  return (
    doc !== null &&
    doc !== undefined &&
    !isDraftId(doc._id) &&
    doc._type === 'policyVersion' &&
    doc.status === 'published'
  )
}

/** Numbers of the published versions once the transaction's changes apply, except `exceptId`'s. */
function publishedNumbers(
  documents: Iterable<LakeDocument>,
  changes: DocumentChange[],
  exceptId: string,
): number[] {
  const changed = new Map(changes.map((change) => [change.id, change.after]))
  const numbers: number[] = []
  const consider = (doc: LakeDocument | null | undefined) => {
    if (doc && doc._id !== exceptId && isPublishedVersion(doc) && typeof doc.number === 'number')
      numbers.push(doc.number)
  }
  for (const doc of documents) if (!changed.has(doc._id)) consider(doc)
  for (const doc of changed.values()) consider(doc)
  return numbers
}

export function versionWorkflowRules(options: VersionRulesOptions): TransactionGuard {
  const today = options.today ?? (() => organisationToday())

  return (changes, kind, author) => {
    if (kind === 'import') return
    for (const change of changes) {
      const after = change.after
      if (isDraftId(change.id) || after === null || after._type !== 'policyVersion') continue
      const before = change.before?._type === 'policyVersion' ? change.before : null
      const no = (statusCode: 403 | 409, description: string) =>
        refuse(kind, statusCode, change.id, description)

      // Signatures: only the person named may write their name into a version.
      const preparedBy = after.preparedBy
      if (isObject(preparedBy) && !same(preparedBy, before?.preparedBy)) {
        if (preparedBy.userId !== author)
          no(403, `${label(after)} can only be recorded as prepared by the person signed in.`)
      }
      const approval = after.approval
      if (isObject(approval) && !same(approval, before?.approval)) {
        if (approval.userId !== author)
          no(
            403,
            `${label(after)}: an approval can only be given by the person it names, signed in with their own access.`,
          )
        if (options.roleOf(author) !== LEGAL_ROLE)
          no(403, `${label(after)}: only a legal reviewer can approve a version.`)
      }

      const publishing = after.status === 'published' && before?.status !== 'published'
      if (after.status !== 'approved' && !publishing) continue

      // The approval must still cover exactly this content.
      const problem = approvalProblem(after, recomputedHash(after))
      if (problem)
        no(
          problem === 'self-approval' ? 403 : 409,
          `${label(after)} cannot be ${publishing ? 'published' : 'approved'}: ${describeApprovalProblem(problem)}`,
        )
      const approver =
        isObject(approval) && typeof approval.userId === 'string' ? approval.userId : ''
      if (options.roleOf(approver) !== LEGAL_ROLE)
        no(
          403,
          `${label(after)} cannot be ${publishing ? 'published' : 'approved'}: its approval is not from a legal reviewer.`,
        )
      if (!publishing) continue

      const next = nextVersionNumber(publishedNumbers(options.documents(), changes, change.id))
      if (after.number !== next)
        no(
          409,
          `This version must be published as version ${next}, the next number (got ${JSON.stringify(after.number ?? null)}).`,
        )
      const dateProblem = effectiveDateProblem(after.effectiveDate, today())
      if (dateProblem) no(409, `Version ${next} cannot be published: ${dateProblem}`)
      const [summaryProblem] = changeSummaryProblems(after.changeSummary)
      if (summaryProblem) no(409, `Version ${next} cannot be published: ${summaryProblem}`)
    }
  }
}
