/**
 * Sanity's mutation language, applied to a transaction's working set without writing anything:
 * mutations, patches checked before they apply, and the working set that makes a transaction
 * all-or-nothing. Both the lake's thread (the Actions API) and the query workers (mutations, off
 * the thread that answers everyone) apply them.
 */

export {
  applyMutations,
  asTransactionError,
  buildMutations,
  idsInResult,
  type BuiltTransaction,
  type MutationResult,
} from './mutations'
export {applyPatch, type JsonObject, MutationFailure} from './patches'
export {documentChanges, type DocumentChange, transactionTimeout, WorkingSet} from './workingSet'
