import Database from 'better-sqlite3'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

import {ensureLocalUsers, newToken, readLocalUsers, usersFile, type LocalUser} from '../auth'
import {LAKE_DATASETS} from '../../../lib/env'

/**
 * Whole-lake backups: the dataset with every transaction and revision (the document history the
 * Studio shows, with each change's author and time), taken while the lake runs, and restored into
 * an empty data folder. A backup is one SQLite file; the local users' identities travel inside it
 * (never their tokens: the restored lake gives each person a new one).
 */

/** The lake writes its process id here while it runs, so a restore never replaces a live store. */
export const LOCK_FILE = 'lake.pid'

const DATASET = LAKE_DATASETS[0]
const BACKUP_META_USERS = 'backup.users'
const BACKUP_META_TAKEN_AT = 'backup.takenAt'
const BACKUP_META_DATASET = 'backup.dataset'
const REQUIRED_TABLES = ['documents', 'transactions', 'revisions', 'meta']

export class BackupError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupError'
  }
}

export interface BackupSummary {
  file: string
  dataset: string
  documents: number
  transactions: number
  /** The last transaction the backup holds: everything acknowledged before it began is in it. */
  lastTransaction?: {id: string; timestamp: string}
  takenAt: string
  users: number
}

function datasetFile(dataDir: string): string {
  return join(dataDir, `${DATASET}.sqlite`)
}

type UserIdentity = Omit<LocalUser, 'token'>

function identities(users: LocalUser[]): UserIdentity[] {
  return users.map(({token: _token, ...identity}) => identity)
}

function summarise(db: Database.Database, file: string): BackupSummary {
  const count = (table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as {n: number}).n
  const meta = (key: string) =>
    (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as {value: string} | undefined)
      ?.value
  const last = db
    .prepare('SELECT id, timestamp FROM transactions ORDER BY seq DESC LIMIT 1')
    .get() as {id: string; timestamp: string} | undefined
  const users = JSON.parse(meta(BACKUP_META_USERS) ?? '[]') as unknown[]
  return {
    file,
    dataset: meta(BACKUP_META_DATASET) ?? DATASET,
    documents: count('documents'),
    transactions: count('transactions'),
    lastTransaction: last,
    takenAt: meta(BACKUP_META_TAKEN_AT) ?? '',
    users: users.length,
  }
}

/** The process that holds the data folder, if a lake is running on it. */
export function runningLakePid(dataDir: string): number | undefined {
  const lockFile = join(dataDir, LOCK_FILE)
  if (!existsSync(lockFile)) return undefined
  const pid = Number(readFileSync(lockFile, 'utf8').trim())
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  try {
    process.kill(pid, 0)
    return pid
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; ESRCH: a lock left by a crash.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined
  }
}

/**
 * Marks the data folder as in use by this process until the returned function is called; refuses
 * when another running lake holds it, since two writers would each keep their own view of it.
 */
export function holdDataDir(dataDir: string): () => void {
  const holder = runningLakePid(dataDir)
  if (holder !== undefined && holder !== process.pid)
    throw new BackupError(`Another lake (process ${holder}) is already running on ${dataDir}.`)
  mkdirSync(dataDir, {recursive: true})
  const lockFile = join(dataDir, LOCK_FILE)
  writeFileSync(lockFile, `${process.pid}\n`)
  return () => {
    if (runningLakePid(dataDir) === process.pid) rmSync(lockFile, {force: true})
  }
}

/**
 * Copies the dataset into `destination` while the lake keeps running. `VACUUM INTO` reads one
 * consistent snapshot inside a single read transaction, which in WAL mode never blocks the lake's
 * writer: every transaction committed before the backup began is in it, none half.
 */
export function backupLake(options: {dataDir: string; destination: string}): BackupSummary {
  const source = datasetFile(resolve(options.dataDir))
  const destination = resolve(options.destination)
  if (!existsSync(source))
    throw new BackupError(`There is no lake to back up in ${resolve(options.dataDir)}.`)
  if (existsSync(destination))
    throw new BackupError(`${destination} already exists: choose a new file for the backup.`)
  mkdirSync(dirname(destination), {recursive: true})

  const db = new Database(source, {readonly: true, fileMustExist: true})
  try {
    db.pragma('busy_timeout = 10000')
    db.prepare('VACUUM INTO ?').run(destination)
  } finally {
    db.close()
  }

  const usersFound = existsSync(usersFile(options.dataDir))
    ? identities(readLocalUsers(options.dataDir))
    : []
  const copy = new Database(destination)
  try {
    const setMeta = copy.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
    copy.transaction(() => {
      setMeta.run(BACKUP_META_USERS, JSON.stringify(usersFound))
      setMeta.run(BACKUP_META_TAKEN_AT, new Date().toISOString())
      setMeta.run(BACKUP_META_DATASET, DATASET)
    })()
    return summarise(copy, destination)
  } finally {
    copy.close()
  }
}

/** Opens a backup and checks it is a whole, undamaged lake dataset before anything is replaced. */
function inspectBackup(file: string): {summary: BackupSummary; users: UserIdentity[]} {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new BackupError(`No backup file at ${file}.`)
  let db: Database.Database
  try {
    db = new Database(file, {readonly: true, fileMustExist: true})
  } catch {
    throw new BackupError(`${file} is not a lake backup (not an SQLite database).`)
  }
  try {
    let check: string
    try {
      check = db.pragma('integrity_check', {simple: true}) as string
    } catch {
      throw new BackupError(`${file} is not a lake backup (not an SQLite database).`)
    }
    if (check !== 'ok') throw new BackupError(`${file} is damaged (${check}); it was not restored.`)
    const tables = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {name: string}[]
      ).map((row) => row.name),
    )
    const missing = REQUIRED_TABLES.filter((table) => !tables.has(table))
    if (missing.length > 0)
      throw new BackupError(`${file} is not a lake backup (no ${missing.join(', ')} table).`)
    const users = JSON.parse(
      (
        db.prepare('SELECT value FROM meta WHERE key = ?').get(BACKUP_META_USERS) as
          {value: string} | undefined
      )?.value ?? '[]',
    ) as UserIdentity[]
    return {summary: summarise(db, file), users}
  } finally {
    db.close()
  }
}

function transactionCount(file: string): number {
  if (!existsSync(file)) return 0
  const db = new Database(file, {readonly: true, fileMustExist: true})
  try {
    const table = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'transactions'")
      .get()
    if (!table) return 0
    return (db.prepare('SELECT COUNT(*) AS n FROM transactions').get() as {n: number}).n
  } finally {
    db.close()
  }
}

/**
 * Restores a backup into `dataDir`. Refuses while a lake runs on that folder, and refuses to
 * replace a dataset that holds any transaction unless `force` is set. The local users named in the
 * backup are kept (with new tokens) so that the history still credits each change to its author.
 */
export function restoreLake(options: {
  source: string
  dataDir: string
  force?: boolean
}): BackupSummary {
  const source = resolve(options.source)
  const dataDir = resolve(options.dataDir)
  const {summary, users} = inspectBackup(source)

  const pid = runningLakePid(dataDir)
  if (pid !== undefined)
    throw new BackupError(
      `A lake is running on ${dataDir} (process ${pid}): stop it before restoring.`,
    )
  const target = datasetFile(dataDir)
  const existing = transactionCount(target)
  if (existing > 0 && !options.force)
    throw new BackupError(
      `The lake in ${dataDir} already holds ${existing} transaction(s). Restore into an empty folder, or add --force to replace them.`,
    )

  mkdirSync(dataDir, {recursive: true})
  // Copied beside the target, then renamed over it: the dataset is the old one or the new one,
  // never a mixture, even if the restore is interrupted.
  const staging = `${target}.restoring`
  rmSync(staging, {force: true})
  const db = new Database(source, {readonly: true, fileMustExist: true})
  try {
    db.prepare('VACUUM INTO ?').run(staging)
  } finally {
    db.close()
  }
  const copy = new Database(staging)
  try {
    copy
      .prepare('DELETE FROM meta WHERE key IN (?, ?, ?)')
      .run(BACKUP_META_USERS, BACKUP_META_TAKEN_AT, BACKUP_META_DATASET)
  } finally {
    copy.close()
  }
  // A write-ahead log left by the replaced database would be replayed into the restored one.
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, {force: true})
  renameSync(staging, target)

  keepUsers(dataDir, users)
  return {...summary, file: target}
}

/** Adds the backup's people to the folder's local users, each with a token of their own. */
function keepUsers(dataDir: string, backedUp: UserIdentity[]): void {
  const users = ensureLocalUsers(dataDir)
  const known = new Set(users.map((user) => user.id))
  const added = backedUp
    .filter((user) => !known.has(user.id))
    .map((user) => ({...user, token: newToken()}))
  if (added.length === 0) return
  writeFileSync(usersFile(dataDir), `${JSON.stringify({users: [...users, ...added]}, null, 2)}\n`, {
    mode: 0o600,
  })
}
