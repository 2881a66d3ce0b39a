/**
 * What every layer of the lake speaks: documents and their ids, errors in the Content Lake's
 * shape, the limits on what clients send and hold, and how a worker thread loads TypeScript.
 */

export {
  cloneJson,
  draftId,
  DRAFTS_PREFIX,
  isDraftId,
  isPrivateId,
  isValidDocumentId,
  lakeTimestamp,
  publishedId,
  randomId,
  type LakeDocument,
  type Transition,
} from './documents'
export {
  badRequest,
  datasetNotFound,
  httpError,
  lakeError,
  LakeError,
  notFound,
  queryParseError,
  tooManyRequests,
  transactionError,
  unauthorized,
  type LakeErrorBody,
} from './errors'
export {
  DEFAULT_LIMITS,
  describeBytes,
  jsonNestsDeeperThan,
  nestingDepth,
  resolveLimits,
  type LakeLimits,
} from './limits'
export {Slices} from './slices'
export {workerSource} from './workerSource'
