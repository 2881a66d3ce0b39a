import type {LakeDocument} from '../core'

/**
 * Mendoza effects for a change. The Studio applies `apply` to the previous document to get the
 * new one and `revert` the other way; a whole-document replacement (`[0, value]`) is a valid
 * mendoza patch, and `[0, null]` marks creation and deletion as the hosted API does.
 */

export interface MendozaEffects {
  apply: unknown[]
  revert: unknown[]
}

function withoutRev(doc: LakeDocument | null): Omit<LakeDocument, '_rev'> | null {
  if (doc === null) return null
  const {_rev: _ignored, ...rest} = doc
  return rest
}

export function mendozaEffects(
  before: LakeDocument | null,
  after: LakeDocument | null,
): MendozaEffects {
  return {apply: [0, withoutRev(after)], revert: [0, withoutRev(before)]}
}
