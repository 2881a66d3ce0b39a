import {
  classifyVersions,
  versionAnomaly,
  type VersionAnomaly,
} from '../../../lib/policy/versionShape'
import {isDraftId, type LakeDocument} from '../core'
import type {DocumentChange} from '../store'

/**
 * Which documents the rules judge as versions, and which of them are published versions, by the
 * one strict definition (lib/policy/versionShape.ts). The rules look at what a transaction leaves
 * behind, whatever got it there: a document that ends as anything version-like is judged as a
 * version.
 */

/** An id kept for the policy's versions: `version-…`, its draft, or a release version of it. */
const VERSION_LIKE_ID = /(?:^|\.)version-/

/** Whether a document is, or poses as, a policy version: by its type, or by the id it sits at. */
export function looksLikeVersion(id: string, doc: LakeDocument | null | undefined): boolean {
  return !!doc && (doc._type === 'policyVersion' || VERSION_LIKE_ID.test(id))
}

/** The documents that look like published versions (not drafts), once `changes` apply. */
function publishedLike(
  all: Iterable<LakeDocument>,
  changes: readonly DocumentChange[],
): LakeDocument[] {
  const changed = new Map(changes.map((change) => [change.id, change.after]))
  const docs: LakeDocument[] = []
  const consider = (id: string, doc: LakeDocument | null | undefined) => {
    if (doc && !isDraftId(id) && looksLikeVersion(id, doc)) docs.push(doc)
  }
  for (const doc of all) if (!changed.has(doc._id)) consider(doc._id, doc)
  for (const [id, doc] of changed) consider(id, doc)
  return docs
}

export interface PublishedVersions {
  /** The published versions, by number: only these count for the numbering and the chain. */
  versions: Map<number, LakeDocument>
  /** What looks like a published version without being one. */
  anomalies: VersionAnomaly[]
}

/**
 * The published versions of a dataset once `changes` apply (none: as it stands). An anomaly, a
 * number written as text or far beyond the history's size, never counts: nothing it holds can
 * move the next number.
 */
export function publishedVersions(
  all: Iterable<LakeDocument>,
  changes: readonly DocumentChange[] = [],
): PublishedVersions {
  const {versions, anomalies} = classifyVersions(publishedLike(all, changes))
  return {versions: new Map(versions.map((doc) => [doc.number as number, doc])), anomalies}
}

/**
 * What is wrong with `doc` as the published version it poses as, among the dataset's documents
 * once `changes` apply; undefined when it is a published version, which nothing may change.
 */
export function publishedAnomaly(
  doc: LakeDocument,
  all: Iterable<LakeDocument>,
  changes: readonly DocumentChange[] = [],
): VersionAnomaly | undefined {
  const shape = versionAnomaly(doc)
  if (shape) return shape
  const {versions} = publishedVersions(all, changes)
  return versions.get(doc.number as number)?._id === doc._id
    ? undefined
    : {id: doc._id, reason: 'out-of-sequence'}
}

/** What is wrong, in the words of a refusal's parameter: the reason, and the field at fault. */
export function anomalyReason(anomaly: VersionAnomaly): string {
  return anomaly.field ? `${anomaly.reason}: ${anomaly.field}` : anomaly.reason
}

/**
 * One line for the person starting the lake when its data holds documents that pose as published
 * versions without being one (written while the rules were off, or brought by the seed): they
 * count for nothing, the history does not verify while they are there, and an editor may delete
 * them. Undefined when there are none.
 */
export function anomaliesLine(documents: Iterable<LakeDocument>): string | undefined {
  const {anomalies} = publishedVersions(documents)
  if (anomalies.length === 0) return undefined
  const shown = anomalies
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 5)
    .map(
      (anomaly) =>
        `${anomaly.id} (${anomaly.field ? `${anomaly.reason}: ${anomaly.field}` : anomaly.reason})`,
    )
    .join(', ')
  const more = anomalies.length > 5 ? ` and ${anomalies.length - 5} more` : ''
  return `${anomalies.length} document${anomalies.length > 1 ? 's pose' : ' poses'} as a published version without being one: ${shown}${more}; they count for nothing, the history does not verify while they are there, and an editor may delete them`
}
