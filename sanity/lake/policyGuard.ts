import type {TransactionGuard} from './dataset'
import {isDraftId} from './documents'
import {transactionError} from './errors'

/**
 * A published policy version is part of the legal record: once stored with `status:
 * "published"`, no transaction may change or delete it, whatever route it takes (a mutation, an
 * edit, or a draft published over it). New versions can always be created.
 */
export const publishedVersionsAreImmutable: TransactionGuard = (changes, kind) => {
  if (kind === 'import') return
  for (const change of changes) {
    const before = change.before
    if (isDraftId(change.id) || before === null) continue
    if (before._type !== 'policyVersion' || before.status !== 'published') continue
    const label =
      typeof before.number === 'number' ? `Version ${before.number}` : `Version "${change.id}"`
    const description = `${label} is published and can no longer be changed`
    throw transactionError(
      409,
      description,
      [{id: change.id, description, type: 'publishedVersionImmutableError'}],
      kind === 'actions' ? 'actionError' : 'mutationError',
    )
  }
}
