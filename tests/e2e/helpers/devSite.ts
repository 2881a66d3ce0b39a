import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {freePort} from './isolatedSite'

/**
 * A copy of the whole product as `npm run dev` serves it: Next's development server, with the
 * embedded lake on a fresh dataset in a temporary folder, on free ports of its own. Its Next
 * folder is its own too, so the production build the other specs are served from is never
 * touched; it is kept between runs, so that the next run compiles less.
 */
export interface DevSite {
  url: string
  /** The lake's plain HTTP port, for the tests' own clients. */
  lakePort: number
  /** The lake's data folder, where its local users (and their tokens) are written. */
  lakeDataDir: string
  /** What the product has printed so far, to read when something fails. */
  output(): string
  stop(): Promise<void>
}

/** Listed in tsconfig.json's `include`, so that `next dev` has nothing to add there. */
export const DEV_DIST_DIR = '.data/next-dev-strict'

/** Next compiles each route on its first request: on a busy small machine that takes minutes. */
const START_TIMEOUT = 240_000

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + START_TIMEOUT
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The product exited with code ${child.exitCode}:\n${output()}`)
    try {
      const response = await fetch(`${url}/api/health`, {
        redirect: 'manual',
        signal: AbortSignal.timeout(START_TIMEOUT),
      })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`The product at ${url} did not start in time:\n${output()}`)
}

export async function startDevSite(): Promise<DevSite> {
  const lakeDataDir = mkdtempSync(path.join(tmpdir(), 'policy-dev-lake-'))
  const siteDataDir = mkdtempSync(path.join(tmpdir(), 'policy-dev-site-'))
  const [sitePort, lakePort, lakeHttpsPort] = [await freePort(), await freePort(), await freePort()]
  const url = `http://localhost:${sitePort}`
  const tsxCli = path.resolve('node_modules/tsx/dist/cli.mjs')
  let printed = ''
  // Its own process group, so that stopping it stops Next's workers too, and nothing else.
  const child = spawn(process.execPath, [tsxCli, 'scripts/start.ts', '--dev'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: DEV_DIST_DIR,
      PORT: String(sitePort),
      SITE_URL: url,
      LAKE_PORT: String(lakePort),
      LAKE_HTTPS_PORT: String(lakeHttpsPort),
      LAKE_DATA_DIR: lakeDataDir,
      SITE_DATA_DIR: siteDataDir,
      LAKE_FRESH: '1',
    },
  })
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8')
    // The last part is enough to tell what went wrong.
    stream.on('data', (chunk: string) => (printed = (printed + chunk).slice(-20_000)))
  }
  const output = () => printed
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {
      // the group is already gone
    }
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup('SIGTERM')
      const killer = setTimeout(() => signalGroup('SIGKILL'), 15_000)
      await exited
      clearTimeout(killer)
    }
    rmSync(lakeDataDir, {recursive: true, force: true})
    rmSync(siteDataDir, {recursive: true, force: true})
  }
  try {
    await waitUntilServing(url, child, output)
  } catch (error) {
    await stop()
    throw error
  }
  return {url, lakePort, lakeDataDir, output, stop}
}
