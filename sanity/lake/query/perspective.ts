import {DRAFTS_PREFIX, isDraftId, isPrivateId, type LakeDocument} from '../core'

/** How a query sees the dataset: Sanity's `published` (the default), `drafts` and `raw`. */
export type Perspective = 'published' | 'drafts' | 'raw'

const VERSIONS_PREFIX = 'versions.'

/**
 * Reads the `perspective` parameter. `previewDrafts` is the older name of `drafts`; a stack of
 * perspectives (`rSummer,drafts`) reads as `drafts` since releases are not kept here.
 */
export function parsePerspective(value: string | null | undefined): Perspective | undefined {
  if (value === null || value === undefined || value === '') return 'published'
  const parts = value.split(',').map((part) => part.trim())
  if (parts.length === 1 && parts[0] === 'raw') return 'raw'
  if (parts.length === 1 && parts[0] === 'published') return 'published'
  if (parts.some((part) => part === 'drafts' || part === 'previewDrafts')) return 'drafts'
  return undefined
}

/** The documents a reader may see: without a token, only ids without a dot. */
export function visibleDocuments(
  documents: Iterable<LakeDocument>,
  authenticated: boolean,
): LakeDocument[] {
  const out: LakeDocument[] = []
  for (const doc of documents) if (authenticated || !isPrivateId(doc._id)) out.push(doc)
  return out
}

export function applyPerspective(
  documents: LakeDocument[],
  perspective: Perspective,
): LakeDocument[] {
  if (perspective === 'raw') return documents
  const published = documents.filter(
    (doc) => !isDraftId(doc._id) && !doc._id.startsWith(VERSIONS_PREFIX),
  )
  if (perspective === 'published') return published
  const overlaid = new Map<string, LakeDocument>()
  for (const doc of published) overlaid.set(doc._id, {...doc, _originalId: doc._id})
  for (const doc of documents) {
    if (!isDraftId(doc._id)) continue
    const id = doc._id.slice(DRAFTS_PREFIX.length)
    overlaid.set(id, {...doc, _id: id, _originalId: doc._id})
  }
  return [...overlaid.values()]
}
