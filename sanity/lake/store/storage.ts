import Database from 'better-sqlite3'
import {mkdirSync} from 'node:fs'
import {basename, join} from 'node:path'

import type {LakeDocument, Transition} from '../core'
import type {DocumentChange} from '../mutation'
import {Checkpointer} from './checkpointer'

/** SQLite's own default: a checkpoint once the log holds this many pages. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000

/**
 * The durable store: one SQLite database per dataset, in WAL mode with `synchronous = FULL`, so a
 * transaction is on disk before the HTTP answer acknowledges it. Every transaction is kept with
 * each document's state after it: the history is part of the policy's legal record.
 */

export type TransactionKind = 'mutate' | 'actions' | 'import'

export type {DocumentChange}

export interface PendingTransaction {
  id: string
  timestamp: string
  author: string
  kind: TransactionKind
  /** What the client sent (mutations or actions), kept verbatim for the record. */
  request: unknown
  /** The mutations as applied, after query patches were resolved into ids. */
  mutations: unknown[]
  changes: DocumentChange[]
}

export interface CommittedChange extends DocumentChange {
  previousRev: string | null
  resultRev: string | null
  transition: Transition
}

export interface CommittedTransaction extends Omit<PendingTransaction, 'changes'> {
  seq: number
  changes: CommittedChange[]
}

export interface TransactionRecord {
  seq: number
  id: string
  timestamp: string
  author: string
  kind: TransactionKind
  mutations: unknown[]
  documentIds: string[]
}

export interface RevisionRecord {
  seq: number
  transactionId: string
  timestamp: string
  author: string
  documentId: string
  previousRev: string | null
  resultRev: string | null
  transition: Transition
  mutations: unknown[]
  document: LakeDocument | null
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  rev TEXT NOT NULL,
  body TEXT NOT NULL,
  seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_type ON documents(type);
CREATE TABLE IF NOT EXISTS transactions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  timestamp TEXT NOT NULL,
  author TEXT NOT NULL,
  kind TEXT NOT NULL,
  request TEXT NOT NULL,
  mutations TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS revisions (
  seq INTEGER NOT NULL REFERENCES transactions(seq),
  document_id TEXT NOT NULL,
  previous_rev TEXT,
  result_rev TEXT,
  transition TEXT NOT NULL,
  mutations TEXT NOT NULL,
  document TEXT,
  PRIMARY KEY (document_id, seq)
);
CREATE INDEX IF NOT EXISTS revisions_seq ON revisions(seq);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`

interface RevisionRow {
  seq: number
  transaction_id: string
  timestamp: string
  author: string
  document_id: string
  previous_rev: string | null
  result_rev: string | null
  transition: Transition
  mutations: string
  document: string | null
}

interface TransactionRow {
  seq: number
  id: string
  timestamp: string
  author: string
  kind: TransactionKind
  mutations: string
}

const REVISION_COLUMNS = `r.seq, t.id AS transaction_id, t.timestamp, t.author, r.document_id,
  r.previous_rev, r.result_rev, r.transition, r.mutations, r.document`

function toRevision(row: RevisionRow): RevisionRecord {
  return {
    seq: row.seq,
    transactionId: row.transaction_id,
    timestamp: row.timestamp,
    author: row.author,
    documentId: row.document_id,
    previousRev: row.previous_rev,
    resultRev: row.result_rev,
    transition: row.transition,
    mutations: JSON.parse(row.mutations) as unknown[],
    document: row.document === null ? null : (JSON.parse(row.document) as LakeDocument),
  }
}

export class DatasetStore {
  private readonly db: Database.Database
  /** Every current document, kept in memory: policy content is small and reads are hot. */
  private readonly documents = new Map<string, LakeDocument>()
  private lastSeq = 0
  /** Opened by `openReadOnly`: no documents in memory, nothing written. */
  private readonly readOnly: boolean
  /** Only the connection that writes takes checkpoints. */
  private readonly checkpointer: Checkpointer | undefined

  private constructor(
    readonly dataset: string,
    readonly file: string,
    mode: 'write' | 'read' = 'write',
  ) {
    this.readOnly = mode === 'read'
    if (this.readOnly) {
      this.db = new Database(file, {readonly: true, fileMustExist: true})
      return
    }
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('foreign_keys = ON')
    this.db.exec(SCHEMA)
    // Checkpoints are taken by a thread of their own (see checkpointer.ts)
    this.db.pragma('wal_autocheckpoint = 0')
    this.checkpointer = new Checkpointer(file, () => {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`)
    })
    for (const row of this.statement('SELECT body FROM documents').iterate() as Iterable<{
      body: string
    }>) {
      const doc = JSON.parse(row.body) as LakeDocument
      this.documents.set(doc._id, doc)
    }
    const last = this.statement('SELECT MAX(seq) AS seq FROM transactions').get() as {
      seq: number | null
    }
    this.lastSeq = last.seq ?? 0
  }

  private readonly statements = new Map<string, Database.Statement>()

  /** Prepared once per SQL text: preparing is a noticeable part of a small transaction's cost. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  static open(dataDir: string, dataset: string): DatasetStore {
    mkdirSync(dataDir, {recursive: true})
    return new DatasetStore(dataset, join(dataDir, `${dataset}.sqlite`))
  }

  /**
   * A second connection to a dataset's file, for reading only (the workers that make long
   * answers): WAL mode lets it read while the lake's own connection writes, and each of its read
   * transactions sees every commit made before it began. It keeps no documents in memory (`get`
   * and `all` refuse); `documentsAfter` reads them from the file.
   */
  static openReadOnly(file: string): DatasetStore {
    return new DatasetStore(basename(file, '.sqlite'), file, 'read')
  }

  get seq(): number {
    return this.lastSeq
  }

  /** True until the first transaction; the seed is only ever imported into an empty dataset. */
  isPristine(): boolean {
    return this.lastSeq === 0
  }

  get(id: string): LakeDocument | null {
    return this.inMemory().get(id) ?? null
  }

  all(): IterableIterator<LakeDocument> {
    return this.inMemory().values()
  }

  private inMemory(): Map<string, LakeDocument> {
    if (this.readOnly) throw new Error('A read-only store keeps no documents in memory')
    return this.documents
  }

  /**
   * Current documents as stored (`body` is the JSON the lake made of the document), sorted by id,
   * from the first id after `afterId`: a page at a time, without holding the dataset.
   */
  documentsAfter(afterId: string, limit: number): {id: string; type: string; body: string}[] {
    return this.statement(
      'SELECT id, type, body FROM documents WHERE id > ? ORDER BY id LIMIT ?',
    ).all(afterId, limit) as {id: string; type: string; body: string}[]
  }

  /** Runs `read` in one read transaction: what it reads is one moment of the dataset. */
  reading<T>(read: () => T): T {
    return this.db.transaction(read)()
  }

  hasTransaction(id: string): boolean {
    return this.statement('SELECT 1 FROM transactions WHERE id = ?').get(id) !== undefined
  }

  getMeta(key: string): string | undefined {
    const row = this.statement('SELECT value FROM meta WHERE key = ?').get(key) as
      {value: string} | undefined
    return row?.value
  }

  setMeta(key: string, value: string): void {
    this.statement('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value)
  }

  /**
   * Writes a transaction and its documents atomically. Returns only once SQLite has synced the
   * WAL, which is what makes acknowledging it to the client safe.
   */
  commit(pending: PendingTransaction): CommittedTransaction {
    const insertTx = this.statement(
      `INSERT INTO transactions (id, timestamp, author, kind, request, mutations)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    const insertRevision = this.statement(
      `INSERT INTO revisions (seq, document_id, previous_rev, result_rev, transition, mutations, document)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    const upsertDoc = this.statement(
      `INSERT INTO documents (id, type, rev, body, seq) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET type = excluded.type, rev = excluded.rev,
         body = excluded.body, seq = excluded.seq`,
    )
    const deleteDoc = this.statement('DELETE FROM documents WHERE id = ?')

    const changes: CommittedChange[] = pending.changes.map((change) => ({
      ...change,
      previousRev: change.before?._rev ?? null,
      resultRev: change.after?._rev ?? null,
      transition:
        change.before === null ? 'appear' : change.after === null ? 'disappear' : 'update',
    }))

    const write = this.db.transaction((): number => {
      const info = insertTx.run(
        pending.id,
        pending.timestamp,
        pending.author,
        pending.kind,
        JSON.stringify(pending.request),
        JSON.stringify(pending.mutations),
      )
      const seq = Number(info.lastInsertRowid)
      for (const change of changes) {
        const body =
          change.after === null ? null : (change.afterJson ?? JSON.stringify(change.after))
        insertRevision.run(
          seq,
          change.id,
          change.previousRev,
          change.resultRev,
          change.transition,
          JSON.stringify(change.mutations),
          body,
        )
        if (change.after === null || body === null) deleteDoc.run(change.id)
        else upsertDoc.run(change.id, change.after._type, change.after._rev, body, seq)
      }
      return seq
    })
    const seq = write.immediate()
    this.checkpointer?.committed()

    for (const change of changes) {
      if (change.after === null) this.documents.delete(change.id)
      else this.documents.set(change.id, change.after)
    }
    this.lastSeq = seq
    const {changes: _pendingChanges, ...rest} = pending
    return {...rest, seq, changes}
  }

  /** A document's revisions, oldest first. */
  revisions(documentId: string): RevisionRecord[] {
    const rows = this.statement(
      `SELECT ${REVISION_COLUMNS} FROM revisions r JOIN transactions t ON t.seq = r.seq
       WHERE r.document_id = ? ORDER BY r.seq`,
    ).all(documentId) as RevisionRow[]
    return rows.map(toRevision)
  }

  /** The document's last revision at or before `time` (an ISO timestamp). */
  documentAtTime(documentId: string, time: string): RevisionRecord | undefined {
    const row = this.statement(
      `SELECT ${REVISION_COLUMNS} FROM revisions r JOIN transactions t ON t.seq = r.seq
         WHERE r.document_id = ? AND t.timestamp <= ? ORDER BY r.seq DESC LIMIT 1`,
    ).get(documentId, time) as RevisionRow | undefined
    return row && toRevision(row)
  }

  /** The document's last revision in which it existed: its current state, or its last before deletion. */
  lastExistingRevision(documentId: string): RevisionRecord | undefined {
    const row = this.statement(
      `SELECT ${REVISION_COLUMNS} FROM revisions r JOIN transactions t ON t.seq = r.seq
         WHERE r.document_id = ? AND r.document IS NOT NULL ORDER BY r.seq DESC LIMIT 1`,
    ).get(documentId) as RevisionRow | undefined
    return row && toRevision(row)
  }

  /** The revisions a transaction produced, in the order it touched the documents. */
  revisionsOfTransaction(transactionId: string): RevisionRecord[] {
    return (
      this.statement(
        `SELECT ${REVISION_COLUMNS} FROM revisions r JOIN transactions t ON t.seq = r.seq
           WHERE t.id = ? ORDER BY r.rowid`,
      ).all(transactionId) as RevisionRow[]
    ).map(toRevision)
  }

  transactions(
    options: {
      documentIds?: string[]
      fromSeq?: number
      toSeq?: number
      limit?: number
      reverse?: boolean
    } = {},
  ): TransactionRecord[] {
    const where: string[] = []
    const args: unknown[] = []
    if (options.documentIds?.length) {
      where.push(
        `t.seq IN (SELECT seq FROM revisions WHERE document_id IN (${options.documentIds.map(() => '?').join(',')}))`,
      )
      args.push(...options.documentIds)
    }
    if (options.fromSeq !== undefined) {
      where.push('t.seq >= ?')
      args.push(options.fromSeq)
    }
    if (options.toSeq !== undefined) {
      where.push('t.seq <= ?')
      args.push(options.toSeq)
    }
    const sql = `SELECT t.seq, t.id, t.timestamp, t.author, t.kind, t.mutations FROM transactions t
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY t.seq ${options.reverse ? 'DESC' : 'ASC'} ${options.limit ? `LIMIT ${Math.floor(options.limit)}` : ''}`
    const rows = this.statement(sql).all(...args) as TransactionRow[]
    const docIds = this.statement('SELECT document_id FROM revisions WHERE seq = ? ORDER BY rowid')
    return rows.map((row) => ({
      seq: row.seq,
      id: row.id,
      timestamp: row.timestamp,
      author: row.author,
      kind: row.kind,
      mutations: JSON.parse(row.mutations) as unknown[],
      documentIds: (docIds.all(row.seq) as {document_id: string}[]).map((r) => r.document_id),
    }))
  }

  transactionSeq(id: string): number | undefined {
    const row = this.statement('SELECT seq FROM transactions WHERE id = ?').get(id) as
      {seq: number} | undefined
    return row?.seq
  }

  /** The revision of a document that was current just before the transaction `seq`. */
  revisionBefore(documentId: string, seq: number): RevisionRecord | undefined {
    const row = this.statement(
      `SELECT ${REVISION_COLUMNS} FROM revisions r JOIN transactions t ON t.seq = r.seq
         WHERE r.document_id = ? AND r.seq < ? ORDER BY r.seq DESC LIMIT 1`,
    ).get(documentId, seq) as RevisionRow | undefined
    return row && toRevision(row)
  }

  async close(): Promise<void> {
    await this.checkpointer?.close()
    if (this.db.open) this.db.close()
  }
}
