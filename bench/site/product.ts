/**
 * Starts the whole product as `npm start` does (embedded lake with a fresh dataset, production
 * build, the site's server) on ports and a build folder of its own, and stops it again.
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {createWriteStream, mkdirSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

const root = path.resolve(import.meta.dirname, '../..')
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')

export interface ProductOptions {
  portBase: number
  /** Where the product's output goes, so that it does not mix with the tables. */
  logFile: string
  /** A first build on two busy cores takes minutes. */
  startTimeoutMs?: number
  /** Given the stop as soon as the product is spawned, so that an interrupted start stops it too. */
  track: (stop: () => Promise<void>) => void
}

export interface RunningProduct {
  origin: string
  /** Its process group: the lake, Next's server and their helpers. */
  processGroup: number
  stop: () => Promise<void>
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).stdout) || 100

/**
 * CPU seconds used so far by the live processes of a group (Linux /proc), by command name: what
 * serving costs the machine, which other work on it changes less than it changes latency.
 */
export function groupCpuSeconds(processGroup: number): Map<string, number> {
  const byCommand = new Map<string, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      // Fields after the command name: state ppid pgrp session tty tpgid flags minflt cminflt
      // majflt cmajflt utime stime.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== processGroup) continue
      const seconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
      byCommand.set(command, (byCommand.get(command) ?? 0) + seconds)
    } catch {
      // The process ended meanwhile.
    }
  }
  return byCommand
}

async function answers(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, {redirect: 'manual', signal: AbortSignal.timeout(5000)})
    await response.arrayBuffer()
    return response.status
  } catch {
    return undefined
  }
}

/** A stop that runs once, however many callers ask for it (the run's end, Ctrl-C, a failure). */
export function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined
  return () => (stopping ??= stop())
}

/** Ends a process group started with `detached: true`: politely, then for good. */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // The group is already gone.
    }
  }
  signal('SIGTERM')
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)])
  // Next's workers may outlive the parent that was asked to stop; the group takes them along.
  signal('SIGKILL')
  if (timedOut) await exited
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n')
  } catch {
    return '(no output)'
  }
}

/** The environment of the product started on `portBase`: the same for Next started alone. */
function productEnv(portBase: number): NodeJS.ProcessEnv {
  const origin = `http://localhost:${portBase}`
  return {
    ...process.env,
    PORT: String(portBase),
    SITE_URL: origin,
    LAKE_PORT: String(portBase + 1),
    LAKE_HTTPS_PORT: String(portBase + 2),
    LAKE_DATA_DIR: path.join(root, `.data/bench-lake-${portBase}`),
    LAKE_FRESH: '1',
    // Another build folder (NEXT_DIST_DIR) lets a benchmark reuse a build made for the tests.
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? `.data/next-bench-${portBase}`,
    NEXT_TELEMETRY_DISABLED: '1',
  }
}

/**
 * `next start` alone on the product's build and lake, on another port: every page rendered per
 * request under its own nonce, as the site served them before it kept them (the reference the
 * product's own server is measured against).
 */
/**
 * Runs a command of the product with its output in `logFile`, in its own process group, so that
 * stopping it reaches everything it started (the lake, Next and Next's workers).
 */
async function startLogged(
  args: string[],
  portBase: number,
  logFile: string,
  track: (stop: () => Promise<void>) => void,
): Promise<{child: ChildProcess; stop: () => Promise<void>}> {
  const log = createWriteStream(logFile)
  await new Promise((resolve) => log.once('open', resolve))
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: productEnv(portBase),
  })
  const stop = once(async () => {
    await stopGroup(child)
    log.end()
  })
  track(stop)
  return {child, stop}
}

export async function startNextAlone(
  product: RunningProduct,
  portBase: number,
  port: number,
  logFile: string,
  track: (stop: () => Promise<void>) => void,
): Promise<RunningProduct> {
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  const {child, stop} = await startLogged(
    [nextBin, 'start', '--port', String(port)],
    portBase,
    logFile,
    track,
  )
  const origin = `http://localhost:${port}`
  for (let attempt = 0; attempt < 120; attempt++) {
    if ((await answers(`${origin}/en/privacy-policy`)) === 200) {
      return {origin, processGroup: child.pid!, stop}
    }
    await sleep(500)
  }
  await stop()
  throw new Error(
    `next start did not answer on port ${port}; see ${logFile} (product at ${product.origin})`,
  )
}

export async function startProduct({
  portBase,
  logFile,
  startTimeoutMs = 15 * 60_000,
  track,
}: ProductOptions): Promise<RunningProduct> {
  const origin = `http://localhost:${portBase}`
  const readyUrl = `${origin}/fr/politique-de-confidentialite`
  if ((await answers(readyUrl)) !== undefined) {
    throw new Error(
      `Something already answers on port ${portBase}; set BENCH_PORT_BASE to other free ports.`,
    )
  }
  mkdirSync(path.dirname(logFile), {recursive: true})
  const {child, stop} = await startLogged([tsxCli, 'scripts/start.ts'], portBase, logFile, track)

  const deadline = Date.now() + startTimeoutMs
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `The product stopped while starting. Last lines of ${logFile}:\n${tail(logFile)}`,
        )
      }
      if ((await answers(readyUrl)) === 200) return {origin, processGroup: child.pid!, stop}
      await sleep(1000)
    }
    throw new Error(
      `The product did not answer ${readyUrl} in time. Last lines of ${logFile}:\n${tail(logFile)}`,
    )
  } catch (error) {
    await stop()
    throw error
  }
}
