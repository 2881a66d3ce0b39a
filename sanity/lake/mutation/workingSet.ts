import {type LakeDocument, lakeError, Slices} from '../core'

/** What a transaction does to one document. */
export interface DocumentChange {
  id: string
  before: LakeDocument | null
  after: LakeDocument | null
  /** The mutations of the transaction that touched this document, as applied. */
  mutations: unknown[]
  /** `after` as JSON, once checked against the limits; written as is. */
  afterJson?: string | null
}

/** A transaction refused for taking longer than it may to apply. */
export function transactionTimeout(limitMs: number) {
  return lakeError(
    400,
    'transactionTimeout',
    `The transaction took longer than ${limitMs / 1000} s to apply and was refused; send fewer or smaller changes at a time`,
  )
}

/** A document as a transaction leaves it, before the commit stamps it. */
export interface TouchedDocument {
  id: string
  mutations: unknown[]
  current: LakeDocument | null
}

/**
 * What a transaction does to the documents it touched, given what each was before: the new
 * revision is the transaction id and `_updatedAt` its time. A document deleted that never existed
 * is not a change.
 */
export function documentChanges(
  touched: TouchedDocument[],
  before: (id: string) => LakeDocument | null,
  transactionId: string,
  timestamp: string,
): DocumentChange[] {
  return touched.flatMap(({id, mutations, current}) => {
    const previous = before(id)
    if (previous === null && current === null) return []
    const after =
      current === null
        ? null
        : {
            ...current,
            _id: id,
            _rev: transactionId,
            _createdAt: previous?._createdAt ?? current._createdAt ?? timestamp,
            _updatedAt: timestamp,
          }
    return [{id, before: previous, after, mutations}]
  })
}

/**
 * The documents a transaction is changing, before anything is written. Mutations and actions
 * read and replace documents here; nothing reaches the store unless the whole transaction
 * succeeds, which is what makes a transaction all-or-nothing.
 */
export class WorkingSet {
  private readonly originals = new Map<string, LakeDocument | null>()
  private readonly current = new Map<string, LakeDocument | null>()
  private readonly mutationsById = new Map<string, unknown[]>()
  /** Every mutation as applied, in order, with query targets resolved to ids. */
  readonly appliedMutations: unknown[] = []

  private readonly slices = new Slices()
  private readonly deadline: number

  constructor(
    private readonly source: {get(id: string): LakeDocument | null},
    readonly transactionId: string,
    readonly timestamp: string,
    /** Time the transaction's mutations or actions may take to apply, waits between slices included. */
    private readonly timeLimitMs = Infinity,
  ) {
    this.deadline = performance.now() + timeLimitMs
  }

  /**
   * Called between mutations (or actions): after a slice of work, lets the lake answer others
   * before going on, so that one large request (thousands of patches on a large document) slows
   * only the one who sent it; past the transaction's time limit, refuses it whole. Transactions
   * are applied one at a time (`LakeDataset.transact`), so nothing else changes the documents
   * meanwhile.
   */
  async checkpoint(): Promise<void> {
    const now = performance.now()
    if (now > this.deadline) throw transactionTimeout(this.timeLimitMs)
    await this.slices.next()
  }

  /** The document as the transaction sees it now (a copy the caller may not change). */
  get(id: string): LakeDocument | null {
    if (this.current.has(id)) return this.current.get(id) ?? null
    const stored = this.source.get(id)
    this.originals.set(id, stored)
    this.current.set(id, stored)
    return stored
  }

  /** The document as it was stored before this transaction. */
  original(id: string): LakeDocument | null {
    this.get(id)
    return this.originals.get(id) ?? null
  }

  /**
   * Replaces (or with `null` deletes) a document, recording the mutation that did it. Documents
   * are never changed in place (patches make new ones), so the one given is kept as it is.
   */
  put(id: string, doc: LakeDocument | null, mutation: unknown): void {
    this.get(id)
    this.current.set(id, doc)
    const list = this.mutationsById.get(id) ?? []
    list.push(mutation)
    this.mutationsById.set(id, list)
    this.appliedMutations.push(mutation)
  }

  /** Each touched document as the transaction leaves it, not stamped yet (see `changes`). */
  touched(): TouchedDocument[] {
    return [...this.mutationsById].map(([id, mutations]) => ({
      id,
      mutations,
      current: this.current.get(id) ?? null,
    }))
  }

  /** The revision of every document the transaction read, as it was stored (null: none). */
  readRevisions(): Record<string, string | null> {
    const read: Record<string, string | null> = {}
    for (const [id, doc] of this.originals) read[id] = doc?._rev ?? null
    return read
  }

  /** The transaction's effect on each touched document (see `documentChanges`). */
  changes(): DocumentChange[] {
    return documentChanges(
      this.touched(),
      (id) => this.originals.get(id) ?? null,
      this.transactionId,
      this.timestamp,
    )
  }
}
