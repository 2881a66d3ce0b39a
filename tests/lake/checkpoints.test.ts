import Database from 'better-sqlite3'
import {mkdtempSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'

import {DatasetStore} from '../../sanity/lake/store'

/**
 * The lake's connection never copies the write-ahead log into the database file itself (the slow
 * part of committing a large document): a thread of its own does, soon after commits.
 */
describe('checkpoints of the write-ahead log', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, {recursive: true, force: true})
  })

  const openStore = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lake-checkpoints-'))
    dirs.push(dir)
    return DatasetStore.open(dir, 'production')
  }

  const commitLarge = (store: DatasetStore, n: number) => {
    const at = new Date().toISOString()
    const after = {
      _id: `large-${n}`,
      _type: 'large',
      _rev: `tx-${n}`,
      _createdAt: at,
      _updatedAt: at,
      text: 'x'.repeat(1_000_000),
    }
    store.commit({
      id: `tx-${n}`,
      timestamp: at,
      author: 'tester',
      kind: 'mutate',
      request: {},
      mutations: [],
      changes: [{id: after._id, before: null, after, mutations: []}],
    })
  }

  it('are taken off the committing thread, shortly after commits', async () => {
    const store = openStore()
    try {
      const databaseBytes = () => statSync(store.file).size
      const empty = databaseBytes()
      // Past SQLite's own threshold (1,000 pages of 4 KB): the committing connection would have
      // checkpointed inside the commit, and the database file would have grown at once
      for (let n = 0; n < 6; n++) commitLarge(store, n)
      expect(databaseBytes()).toBe(empty)
      await expect.poll(databaseBytes, {timeout: 5000}).toBeGreaterThan(6_000_000)
    } finally {
      await store.close()
    }
  })

  it('leave nothing in the log once the store is closed', async () => {
    const store = openStore()
    commitLarge(store, 1)
    await store.close()
    expect(() => statSync(`${store.file}-wal`)).toThrow()
    const db = new Database(store.file, {readonly: true})
    try {
      expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({n: 1})
    } finally {
      db.close()
    }
  })
})
