import type {TransactionGuard} from '../store'
import {isDraftId} from '../core'
import {refusalError} from './versionRules'

/**
 * A published policy version is part of the legal record: once stored with `status:
 * "published"`, no transaction may change or delete it, whatever route it takes (a mutation, an
 * edit, or a draft published over it), and whoever sends it, the site's signing service included.
 * New versions are created by the sign-off rules (versionRules.ts).
 */
export const publishedVersionsAreImmutable: TransactionGuard = (changes, kind) => {
  if (kind === 'import') return
  for (const change of changes) {
    const before = change.before
    if (isDraftId(change.id) || before === null) continue
    if (before._type !== 'policyVersion' || before.status !== 'published') continue
    const number = typeof before.number === 'number' ? before.number : 0
    throw refusalError({code: 'published-immutable', params: {number}}, change.id, kind)
  }
}
