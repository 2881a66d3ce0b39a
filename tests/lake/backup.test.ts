import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it} from 'vitest'

import {readLocalUsers} from '../../sanity/lake/server'
import {API_VERSION, startTestLake, type TestLake} from './helpers'
import {runLakeCli} from './processHelpers'

function backupCli(
  args: string[],
  dataDir: string,
): Promise<{code: number | null; stdout: string; stderr: string}> {
  return runLakeCli({LAKE_DATA_DIR: dataDir}, {script: 'sanity/lake/backupCli.ts', args})
}

interface LogLine {
  id: string
  timestamp: string
  author: string
  documentIDs: string[]
}

/** The transaction log of some documents, as the Studio's history pane reads it. */
async function historyOf(lake: TestLake, ids: string[]): Promise<LogLine[]> {
  const token = lake.users.find((user) => user.role === 'editor')?.token
  const response = await fetch(
    `${lake.url}/v${API_VERSION}/data/history/production/transactions/${ids.join(',')}?excludeContent=true`,
    {headers: {Authorization: `Bearer ${token}`}},
  )
  expect(response.status).toBe(200)
  const text = await response.text()
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine)
}

const folders: string[] = []
const lakes: TestLake[] = []

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lake-backup-'))
  folders.push(dir)
  return dir
}

async function lakeOn(dataDir: string): Promise<TestLake> {
  const lake = await startTestLake({dataDir})
  lakes.push(lake)
  return lake
}

afterEach(async () => {
  for (const lake of lakes.splice(0)) await lake.stop()
  for (const dir of folders.splice(0)) rmSync(dir, {recursive: true, force: true})
})

describe('a whole-lake backup', () => {
  it('taken while editors keep writing, restores every acknowledged transaction with its author and time', async () => {
    const original = await lakeOn(folder())
    const notes: string[] = []
    const acknowledged: string[] = []
    let writing = true
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const id = `note-${n % 5}`
        const result = await original.editor
          .transaction()
          .createOrReplace({_id: id, _type: 'note', text: `revision ${n}`})
          .commit({visibility: 'sync'})
        if (!notes.includes(id)) notes.push(id)
        acknowledged.push(result.transactionId)
      }
    })()
    while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 10))

    const backupFile = join(folder(), 'lake.backup.sqlite')
    const acknowledgedBeforeBackup = [...acknowledged]
    const backup = await backupCli(['backup', backupFile], original.dataDir)
    writing = false
    await writer
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toContain('transactions')
    // Writes went on while the backup ran, and are not required to be in it.
    expect(acknowledged.length).toBeGreaterThan(acknowledgedBeforeBackup.length)

    const restoredDir = folder()
    const restore = await backupCli(['restore', backupFile], restoredDir)
    expect(restore.stderr).toBe('')
    expect(restore.code).toBe(0)

    const restored = await lakeOn(restoredDir)
    const before = await historyOf(original, notes)
    const after = await historyOf(restored, notes)
    const afterIds = new Set(after.map((line) => line.id))
    for (const id of acknowledgedBeforeBackup) expect(afterIds.has(id)).toBe(true)
    // The restored log is the original's, line for line, up to the moment of the backup.
    expect(after).toEqual(before.slice(0, after.length))
    const editor = original.users.find((user) => user.role === 'editor')
    expect(after.every((line) => line.author === editor?.id)).toBe(true)

    // The same documents, and each person kept under their own id with a new token.
    const [document] = await restored.editor.fetch<{text: string}[]>('*[_id == $id]{text}', {
      id: 'note-0',
    })
    expect(document?.text).toMatch(/^revision \d+$/)
    const users = readLocalUsers(restoredDir)
    expect(users.map((user) => user.id).sort()).toEqual(
      original.users.map((user) => user.id).sort(),
    )
    for (const user of users)
      expect(user.token).not.toBe(original.users.find((u) => u.id === user.id)?.token)
  })

  it('is never restored over a lake that holds data, unless told to, nor under a running lake', async () => {
    const source = await lakeOn(folder())
    await source.editor.create({_id: 'note-a', _type: 'note', text: 'from the backup'})
    const backupFile = join(folder(), 'lake.backup.sqlite')
    expect((await backupCli(['backup', backupFile], source.dataDir)).code).toBe(0)

    const target = await lakeOn(folder())
    await target.editor.create({_id: 'note-b', _type: 'note', text: 'already here'})

    const whileRunning = await backupCli(['restore', backupFile, '--force'], target.dataDir)
    expect(whileRunning.code).toBe(1)
    expect(whileRunning.stderr).toMatch(/A lake is running on .* stop it before restoring/)

    await target.stop()
    lakes.splice(lakes.indexOf(target), 1)
    const refused = await backupCli(['restore', backupFile], target.dataDir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/already holds \d+ transaction\(s\).*--force/)

    const forced = await backupCli(['restore', backupFile, '--force'], target.dataDir)
    expect(forced.code).toBe(0)
    const restored = await lakeOn(target.dataDir)
    const ids = await restored.editor.fetch<string[]>('*[_type == "note"]._id')
    expect(ids).toEqual(['note-a'])
  })

  it('refuses a file that is not a whole lake backup, and leaves the folder as it was', async () => {
    const dir = folder()
    const notABackup = join(dir, 'notes.txt')
    writeFileSync(notABackup, 'not a database')
    const target = folder()
    const result = await backupCli(['restore', notABackup], target)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('is not a lake backup')
    expect(existsSync(join(target, 'production.sqlite'))).toBe(false)

    const usage = await backupCli(['restore'], target)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('npm run lake:restore')
  })

  it('refuses to start a second lake on a folder another running lake holds', async () => {
    const lake = await lakeOn(folder())
    writeFileSync(join(lake.dataDir, 'lake.pid'), `${process.ppid}\n`)
    await expect(startTestLake({dataDir: lake.dataDir})).rejects.toThrow(
      /Another lake \(process \d+\) is already running/,
    )
  })
})
