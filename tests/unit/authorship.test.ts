import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'
import {authorshipWindow, authorsOf, preparerOf, type AuthoredWrite} from '@/lib/policy/authorship'
import {
  appendToRecord,
  lastRecordedChange,
  readRecord,
  recordLineOf,
  type RecordedChange,
} from '@/lib/policy/authorshipRecord'

function write(
  transactionId: string,
  author: string,
  documentIds: string[],
  extra: Partial<AuthoredWrite> = {},
): AuthoredWrite {
  return {
    transactionId,
    timestamp: `2026-11-30T10:00:0${transactionId.length % 10}Z`,
    author,
    documentIds,
    created: [],
    wholeWrites: [],
    ...extra,
  }
}

const publication = write('tx-publish-2', 'site', ['version-2', 'drafts.version-2'], {
  timestamp: '2026-09-15T14:00:01Z',
  created: ['version-2'],
})
const prepared = write('tx-prepare', 'p-editor', ['drafts.version-3'], {
  timestamp: '2026-11-30T15:00:00Z',
  created: ['drafts.version-3'],
  wholeWrites: ['drafts.version-3'],
})

describe('the window since the previous publication', () => {
  it('is covered by a history that holds the creation of the previous version, and opens after it', () => {
    const earlier = write('tx-before', 'p-reviewer', ['section-a'], {
      timestamp: '2026-09-15T13:30:00Z',
    })
    const window = authorshipWindow(
      [{source: 'history', writes: [earlier, publication, prepared]}],
      ['version-2'],
      {firstVersion: false},
    )
    expect(window.covered).toBe(true)
    expect(window.writes.map((w) => w.transactionId)).toEqual(['tx-prepare'])
  })

  it('is not covered by a history whose oldest write to the previous version is not its creation (retention)', () => {
    const touched = write('tx-touch', 'p-editor', ['version-2'], {
      timestamp: '2026-10-01T00:00:00Z',
    })
    const window = authorshipWindow(
      [{source: 'history', writes: [touched, prepared]}],
      ['version-2'],
      {firstVersion: false},
    )
    expect(window).toEqual({covered: false, writes: []})
  })

  it('joins the writes of every source that covers it, one per transaction', () => {
    const robot = write('tx-robot', 'robot', ['section-a'], {timestamp: '2026-11-30T16:00:00Z'})
    const window = authorshipWindow(
      [
        {source: 'history', writes: [publication, prepared]},
        {source: 'record', writes: [publication, prepared, robot]},
      ],
      ['version-2'],
      {firstVersion: false},
    )
    expect(window.writes.map((w) => w.transactionId)).toEqual(['tx-prepare', 'tx-robot'])
  })

  it('counts a transaction whose author the sources disagree on as written by both', () => {
    const window = authorshipWindow(
      [
        {source: 'history', writes: [publication, prepared]},
        {source: 'record', writes: [publication, {...prepared, author: 'p-reviewer'}]},
      ],
      ['version-2'],
      {firstVersion: false},
    )
    expect([...authorsOf(window.writes, ['drafts.version-3']).keys()].sort()).toEqual([
      'p-editor',
      'p-reviewer',
    ])
  })
})

describe('the preparer', () => {
  it('is the author of the last write that created the candidate or wrote it whole, never what it says', () => {
    const patched = write('tx-patch', 'p-other', ['drafts.version-3'])
    expect(preparerOf([prepared, patched], 'drafts.version-3')).toBe('p-editor')
    const replaced = write('tx-again', 'p-second-editor', ['drafts.version-3'], {
      wholeWrites: ['drafts.version-3'],
    })
    expect(preparerOf([prepared, patched, replaced], 'drafts.version-3')).toBe('p-second-editor')
    expect(preparerOf([patched], 'drafts.version-3')).toBeUndefined()
  })
})

describe('the site’s record of who wrote what', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, {recursive: true, force: true})
  })

  it('keeps a listener’s changes from its last connection on, and nothing once it is interrupted', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'authorship-record-'))
    const file = path.join(dir, 'record.ndjson')
    expect(readRecord(file).writes).toEqual([])
    const change = recordLineOf({
      transactionId: 'tx-1',
      documentId: 'drafts.version-3',
      identity: 'p-editor',
      timestamp: '2026-11-30T15:00:00Z',
      transition: 'appear',
      mutations: [{create: {_id: 'drafts.version-3'}}],
    })!
    appendToRecord(file, [{listening: 'a'}, change])
    expect(readRecord(file).writes).toEqual([
      {
        transactionId: 'tx-1',
        timestamp: '2026-11-30T15:00:00Z',
        author: 'p-editor',
        documentIds: ['drafts.version-3'],
        created: ['drafts.version-3'],
        wholeWrites: ['drafts.version-3'],
      },
    ])
    appendToRecord(file, [{interrupted: 'b'}])
    expect(readRecord(file).writes).toEqual([])
    appendToRecord(file, [{listening: 'c'}])
    expect(readRecord(file).writes).toEqual([])
  })

  it('credits a change without an author to nobody anyone can name, and drops a half-written line', () => {
    expect(
      recordLineOf({
        transactionId: 'tx',
        documentId: 'section-a',
        timestamp: 't',
        transition: 'update',
      })?.author,
    ).toBe('(unknown)')
    dir = mkdtempSync(path.join(tmpdir(), 'authorship-record-'))
    const file = path.join(dir, 'record.ndjson')
    writeFileSync(file, '{"listening":"a"}\n{"transactionId":"tx-1","docu')
    expect(readRecord(file).writes).toEqual([])
  })
})

describe('the record across a restart or a lost connection', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, {recursive: true, force: true})
  })

  const change = (
    transactionId: string,
    documentId: string,
    timestamp: string,
  ): RecordedChange => ({
    transactionId,
    documentId,
    author: 'p-editor',
    timestamp,
    transition: 'update',
    whole: false,
  })

  function recordWith(...lines: Parameters<typeof appendToRecord>[1]) {
    dir = mkdtempSync(path.join(tmpdir(), 'authorship-record-'))
    const file = path.join(dir, 'record.ndjson')
    appendToRecord(file, lines)
    return file
  }

  it('joins the stretch before a gap once the listener has read the gap from the history, from the last change it had', () => {
    const file = recordWith(
      {listening: 'a'},
      change('tx-1', 'version-2', '2026-09-15T14:00:01Z'),
      {interrupted: 'b'},
      // A restart in which nothing was written is passed over.
      {listening: 'c'},
    )
    expect(lastRecordedChange(file)).toMatchObject({transactionId: 'tx-1'})
    appendToRecord(file, [
      {listening: 'd'},
      change('tx-1', 'version-2', '2026-09-15T14:00:01Z'),
      change('tx-missed', 'section-a', '2026-10-01T00:00:00Z'),
      {joined: 'e', transactionId: 'tx-1'},
      change('tx-live', 'section-b', '2026-10-02T00:00:00Z'),
    ])
    expect(readRecord(file).writes.map((write) => write.transactionId)).toEqual([
      'tx-1',
      'tx-missed',
      'tx-live',
    ])
  })

  it('starts again when the history did not reach back to the last change', () => {
    const file = recordWith(
      {listening: 'a'},
      change('tx-1', 'version-2', '2026-09-15T14:00:01Z'),
      {interrupted: 'b'},
      {listening: 'c'},
      change('tx-2', 'section-a', '2026-12-01T00:00:00Z'),
      {joined: 'd', transactionId: 'tx-not-before'},
    )
    expect(readRecord(file).writes.map((write) => write.transactionId)).toEqual(['tx-2'])
  })

  it('lets an operator vouch for what came before, and judges the window from there', () => {
    const file = recordWith(
      {listening: 'a'},
      change('tx-old', 'section-a', '2026-10-01T00:00:00Z'),
      {vouched: 'b', by: 'Ops', why: 'The site’s data folder was lost'},
      {...change('tx-prepare', 'drafts.version-3', '2026-12-01T00:00:00Z'), transition: 'appear'},
    )
    const record = readRecord(file)
    expect(record.vouched).toBe(true)
    const window = authorshipWindow([record], ['version-2'], {firstVersion: false})
    expect(window.covered).toBe(true)
    expect(window.writes.map((write) => write.transactionId)).toEqual(['tx-prepare'])
    // Without it, nothing covers the window.
    const unvouched = authorshipWindow([{...record, vouched: false}], ['version-2'], {
      firstVersion: false,
    })
    expect(unvouched.covered).toBe(false)
  })
})
