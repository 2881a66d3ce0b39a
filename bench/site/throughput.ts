/**
 * Throughput and tail latency of a page rendered per request by the product, against nginx
 * serving the same HTML bytes from disk in the same run: the ratio is what per-request rendering
 * costs next to a static file.
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {setTimeout as sleep} from 'node:timers/promises'
import type {MeasuredPage} from './pages'
import {groupCpuSeconds, once, stopGroup} from './product'

export interface WrkOptions {
  wrk: string
  threads: number
  connections: number
  seconds: number
  warmUpSeconds: number
}

export interface WrkResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Responses other than 2xx/3xx: a run with any is not a fair figure. */
  non2xx: number
  /** Connection errors and requests without an answer within wrk's 2 s timeout. */
  socketErrors: number
}

const UNIT_MS: Record<string, number> = {us: 0.001, ms: 1, s: 1000, m: 60_000}

function duration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text)
  if (!match) throw new Error(`wrk printed a duration this script cannot read: ${text}`)
  return Number(match[1]) * UNIT_MS[match[2]!]!
}

export function parseWrk(output: string): WrkResult {
  const find = (pattern: RegExp) => {
    const match = pattern.exec(output)
    if (!match?.[1]) throw new Error(`Unexpected wrk output:\n${output}`)
    return match[1]
  }
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    output,
  )
  return {
    requestsPerSecond: Number(find(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: duration(find(/^\s+50%\s+(\S+)/m)),
    p99Ms: duration(find(/^\s+99%\s+(\S+)/m)),
    requests: Number(find(/(\d+) requests in/)),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  }
}

const execFileAsync = promisify(execFile)

/**
 * One wrk run. Asynchronous on purpose: while it runs, an interrupted benchmark must still get to
 * stop the servers it started.
 */
async function wrk(
  url: string,
  seconds: number,
  options: WrkOptions,
  headers: string[],
): Promise<WrkResult> {
  const args = [
    `-t${options.threads}`,
    `-c${options.connections}`,
    `-d${seconds}s`,
    '--latency',
    ...headers.flatMap((header) => ['-H', header]),
    url,
  ]
  try {
    const {stdout} = await execFileAsync(options.wrk, args, {timeout: (seconds + 30) * 1000})
    return parseWrk(stdout)
  } catch (error) {
    const {stdout = '', stderr = ''} = error as {stdout?: string; stderr?: string}
    throw new Error(`wrk failed on ${url}:\n${stderr}${stdout}`)
  }
}

export interface Measurement extends WrkResult {
  /** CPU time the server's processes spent per request answered in the measured run. */
  cpuMsPerRequest: number
  /** CPU seconds each of the server's commands spent in the measured run. */
  cpuSecondsByCommand: Record<string, number>
}

/** A warm-up run, then the measured one, with the CPU time the server's process group used. */
export async function measure(
  url: string,
  processGroup: number,
  options: WrkOptions,
  headers: string[] = [],
): Promise<Measurement> {
  await wrk(url, options.warmUpSeconds, options, headers)
  const before = groupCpuSeconds(processGroup)
  const result = await wrk(url, options.seconds, options, headers)
  const after = groupCpuSeconds(processGroup)
  const cpuSecondsByCommand = Object.fromEntries(
    [...after].map(([command, seconds]) => [command, seconds - (before.get(command) ?? 0)]),
  )
  const cpuSeconds = Object.values(cpuSecondsByCommand).reduce((sum, seconds) => sum + seconds, 0)
  return {...result, cpuMsPerRequest: (cpuSeconds * 1000) / result.requests, cpuSecondsByCommand}
}

export interface StaticServer {
  origin: string
  processGroup: number
  stop: () => Promise<void>
}

/**
 * nginx in the foreground with a configuration of its own in a temporary folder: one worker (the
 * product runs in one Node process), no access log (the product keeps none), keep-alive without a
 * request limit (as Node's server), and gzip at the level the product's server uses.
 */
export async function serveStatically(
  nginx: string,
  port: number,
  pages: {page: MeasuredPage; html: Buffer}[],
  track: (stop: () => Promise<void>) => void,
): Promise<StaticServer> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'bench-nginx-'))
  // nginx's worker runs as an unprivileged user when started by root: it must read the files.
  chmodSync(prefix, 0o755)
  const htmlDir = path.join(prefix, 'html')
  mkdirSync(htmlDir)
  const locations = pages.map(({page, html}, index) => {
    const file = `page-${index}.html`
    writeFileSync(path.join(htmlDir, file), html)
    return `    location = ${new URL(page.path, 'http://x').pathname} { try_files /${file} =404; }`
  })
  const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`
  const conf = `worker_processes 1;
daemon off;
pid ${path.join(prefix, 'nginx.pid')};
error_log ${path.join(prefix, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  default_type 'text/html; charset=utf-8';
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 75s;
  gzip on;
  gzip_comp_level 6;
  server {
    listen 127.0.0.1:${port};
    root ${htmlDir};
${locations.join('\n')}
  }
}
`
  const confFile = path.join(prefix, 'nginx.conf')
  writeFileSync(confFile, conf)
  const child: ChildProcess = spawn(
    nginx,
    ['-p', prefix, '-c', confFile, '-e', path.join(prefix, 'error.log')],
    {detached: true, stdio: ['ignore', 'ignore', 'pipe']},
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const stop = once(async () => {
    await stopGroup(child, 5000)
    rmSync(prefix, {recursive: true, force: true})
  })
  track(stop)

  const origin = `http://127.0.0.1:${port}`
  const probe = new URL(pages[0]!.page.path, origin).href
  for (let attempt = 0; attempt < 50; attempt++) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(probe)
      await response.arrayBuffer()
      if (response.ok) return {origin, processGroup: child.pid!, stop}
    } catch {
      // Not listening yet.
    }
    await sleep(100)
  }
  let errorLog = ''
  try {
    errorLog = readFileSync(path.join(prefix, 'error.log'), 'utf8')
  } catch {
    // nginx stopped before it opened its log.
  }
  await stop()
  throw new Error(`nginx did not start on port ${port}:\n${stderr}${errorLog}`)
}
