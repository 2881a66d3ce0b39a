/**
 * Document ids as Sanity writes them and the policy uses them, for the site, the Studio, the lake
 * and the seed: a draft is its document's id behind `drafts.`; the policy is one document whose
 * id is its type's name.
 */

export const DRAFTS_PREFIX = 'drafts.'

/** The singleton policy: the title, introduction and sections in order. */
export const POLICY_DOCUMENT_ID = 'policy'

export function isDraftId(id: string): boolean {
  return id.startsWith(DRAFTS_PREFIX)
}

/** The document a draft stands for (an id that is not a draft's is its own). */
export function publishedId(id: string): string {
  return isDraftId(id) ? id.slice(DRAFTS_PREFIX.length) : id
}

export function draftId(id: string): string {
  return isDraftId(id) ? id : `${DRAFTS_PREFIX}${id}`
}
