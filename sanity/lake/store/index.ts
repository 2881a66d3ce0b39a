/**
 * Storage and transactions: SQLite, the single writer that commits a transaction whole or not at
 * all, the mutation language and the Actions API, the seed import, backups and Sanity's own
 * export and import tools.
 */

export {applyActions} from './actions'
export {
  BackupError,
  backupLake,
  holdDataDir,
  restoreLake,
  runningLakePid,
  type BackupSummary,
} from './backup'
export {LakeDataset, type TransactionGuard} from './dataset'
export {importSeed, parseNdjson, toNdjson} from './ndjson'
export {
  DatasetStore,
  type CommittedChange,
  type CommittedTransaction,
  type DocumentChange,
  type RevisionRecord,
  type TransactionKind,
  type TransactionRecord,
} from './storage'
