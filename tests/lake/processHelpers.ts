import {type ChildProcess, spawn} from 'node:child_process'
import {join} from 'node:path'

export const REPO_ROOT = join(import.meta.dirname, '..', '..')

export interface LakeProcess {
  child: ChildProcess
  url: string
  output: () => string
}

/** Runs `sanity/lake/cli.ts` as its own process, as `npm run lake` does, and waits until it listens. */
export function spawnLake(env: Record<string, string>): Promise<LakeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sanity/lake/cli.ts'], {
    cwd: REPO_ROOT,
    env: {...process.env, LAKE_PORT: '0', LAKE_HTTPS_PORT: 'off', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return waitUntilListening(child)
}

function waitUntilListening(child: ChildProcess): Promise<LakeProcess> {
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1]) resolve({child, url: match[1], output: () => output})
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) =>
      reject(new Error(`The lake exited with ${code} before listening:\n${output}`)),
    )
  })
}

/**
 * Runs one of the lake's commands to completion (by default the lake itself, `cli.ts`) and returns
 * what it printed.
 */
export function runLakeCli(
  env: Record<string, string>,
  command: {script?: string; args?: string[]} = {},
): Promise<{code: number | null; stdout: string; stderr: string}> {
  const script = command.script ?? 'sanity/lake/cli.ts'
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...(command.args ?? [])], {
    cwd: REPO_ROOT,
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.once('exit', (code) => resolve({code, stdout, stderr})))
}

/**
 * Starts a lake with `startLake(options)` in a process of its own, so that what a test measures
 * (how fast it answers while attacked) is the lake's own responsiveness, not the test's.
 */
export function spawnLakeWith(options: Record<string, unknown>): Promise<LakeProcess> {
  const script = `
    const {startLake} = await import('./sanity/lake/server.ts')
    const lake = await startLake(JSON.parse(process.env.LAKE_TEST_OPTIONS))
    console.log('listening on ' + lake.url)
    process.on('SIGTERM', () => lake.close().then(() => process.exit(0)))
  `
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: REPO_ROOT,
    env: {...process.env, LAKE_TEST_OPTIONS: JSON.stringify(options)},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return waitUntilListening(child)
}
