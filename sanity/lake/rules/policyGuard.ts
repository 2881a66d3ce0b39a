import type {DatasetStore, TransactionGuard} from '../store'
import {isDraftId} from '../core'
import {looksLikeVersion, publishedAnomaly} from './versionDocuments'
import {refusalError} from './versionRules'

/**
 * A published policy version is part of the legal record: once stored, no transaction may change
 * or delete it, whatever route it takes (a mutation, an edit, or a draft published over it), and
 * whoever sends it, the site's signing service included. A published version is what
 * lib/policy/versionShape.ts says it is; a document that only looks like one (an anomaly, written
 * while the rules were off) is not protected: versionRules.ts lets a person delete it, and nothing
 * else. New versions are created by the sign-off rules (versionRules.ts).
 */
export function publishedVersionsAreImmutable(store: Pick<DatasetStore, 'all'>): TransactionGuard {
  return (changes, kind) => {
    if (kind === 'import') return
    for (const change of changes) {
      const before = change.before
      if (isDraftId(change.id) || before === null || !looksLikeVersion(change.id, before)) continue
      if (publishedAnomaly(before, store.all())) continue
      const number = before.number as number
      throw refusalError({code: 'published-immutable', params: {number}}, change.id, kind)
    }
  }
}
