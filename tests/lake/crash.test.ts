import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {readLocalUsers} from '../../sanity/lake/server'
import {API_VERSION, FIXTURE, lakeClient} from './helpers'
import {runLakeCli, spawnLake, type LakeProcess} from './processHelpers'

describe('the lake never loses an acknowledged write, even when killed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lake-crash-'))
  const running: LakeProcess[] = []
  afterAll(() => {
    for (const lake of running) lake.child.kill('SIGKILL')
    rmSync(dataDir, {recursive: true, force: true})
  })

  it('keeps every acknowledged transaction and no partial one after kill -9 and a restart', async () => {
    const env = {LAKE_DATA_DIR: dataDir, LAKE_SEED_FILE: FIXTURE}
    const first = await spawnLake(env)
    running.push(first)
    const token = readLocalUsers(dataDir)[0]!.token
    const seeded = await lakeClient(first.url, token).getDocument('policy')
    await lakeClient(first.url, token).createOrReplace({_id: 'counter', _type: 'counter', n: 0})

    // Each transaction creates one document and bumps the counter: a half-applied one would
    // leave the counter and the number of documents out of step.
    const acknowledged = new Map<string, string>()
    let sent = 0
    let killed = false
    const writer = async () => {
      while (!killed) {
        const id = `entry-${sent++}`
        try {
          const response = await fetch(`${first.url}/v${API_VERSION}/data/mutate/production`, {
            method: 'POST',
            headers: {authorization: `Bearer ${token}`, 'content-type': 'application/json'},
            body: JSON.stringify({
              mutations: [
                {create: {_id: id, _type: 'entry'}},
                {patch: {id: 'counter', inc: {n: 1}}},
              ],
            }),
          })
          if (response.ok)
            acknowledged.set(id, ((await response.json()) as {transactionId: string}).transactionId)
        } catch {
          // The connection dies with the process; that write was never acknowledged
        }
      }
    }
    const writers = Array.from({length: 4}, writer)
    while (acknowledged.size < 150) await new Promise((resolve) => setTimeout(resolve, 10))
    const firstExited = new Promise((resolve) => first.child.once('exit', resolve))
    first.child.kill('SIGKILL')
    killed = true
    await Promise.all(writers)
    await firstExited

    const second = await spawnLake(env)
    running.push(second)
    const client = lakeClient(second.url, token)
    const entries = await client.fetch<{_id: string; _rev: string}[]>(
      '*[_type == "entry"]{_id, _rev}',
    )
    const counter = await client.getDocument('counter')

    for (const [id, transactionId] of acknowledged) {
      expect(entries).toContainEqual({_id: id, _rev: transactionId})
    }
    expect(counter?.n).toBe(entries.length)
    expect(entries.length).toBeGreaterThanOrEqual(acknowledged.size)
    expect(entries.length).toBeLessThanOrEqual(sent)
    // The seed is not imported again over existing data
    expect((await client.getDocument('policy'))?._rev).toBe(seeded?._rev)
    // SIGTERM is a clean stop
    const exited = new Promise((resolve) => second.child.once('exit', resolve))
    second.child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('stops at start with one clear line when a setting is malformed', async () => {
    const result = await runLakeCli({LAKE_PORT: 'abc', LAKE_DATA_DIR: dataDir})
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(
      'Configuration error: LAKE_PORT must be a port number between 0 and 65535 (got "abc").',
    )
  })
})
