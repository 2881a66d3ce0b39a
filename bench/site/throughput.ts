/**
 * Throughput and tail latency of the policy page as the product serves it (alone, and through the
 * shipped shared cache), against Next rendering it per request (the delivery before pages were
 * kept) and nginx serving the same bytes from disk, in the same run.
 */
import {execFile} from 'node:child_process'
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'
import {startNginx} from '../../deploy/nginx/foreground'
import {standaloneConfig} from '../../deploy/nginx/render'
import type {MeasuredPage} from './pages'
import {groupCpuSeconds, once} from './product'

export interface WrkOptions {
  wrk: string
  threads: number
  connections: number
  /** The connection counts a run measures, one after the other. */
  connectionCounts: number[]
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

/** A page's bytes as the site sends them: the HTML, and the gzip copy it sends for gzip. */
export interface PageBytes {
  page: MeasuredPage
  html: Buffer
  gzip: Buffer
}

/**
 * nginx serving the same bytes from disk: one worker (the site is one Node process), no access
 * log (the site keeps none), keep-alive without a request limit (as Node's server), and the
 * site's own gzip copy of each page sent as it is (`gzip_static`), so both send the same bytes.
 */
export async function serveStatically(
  port: number,
  pages: PageBytes[],
  track: (stop: () => Promise<void>) => void,
): Promise<StaticServer> {
  const nginx = await startNginx(
    (prefix) => {
      const htmlDir = path.join(prefix, 'html')
      mkdirSync(htmlDir)
      const locations = pages.map(({page, html, gzip}, index) => {
        const file = `page-${index}.html`
        writeFileSync(path.join(htmlDir, file), html)
        writeFileSync(path.join(htmlDir, `${file}.gz`), gzip)
        return `    location = ${new URL(page.path, 'http://x').pathname} { try_files /${file} =404; }`
      })
      const temp = (name: string) => `${name}_temp_path ${path.join(prefix, name)};`
      return `worker_processes 1;
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
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:${port};
    root ${htmlDir};
${locations.join('\n')}
  }
}
`
    },
    `http://127.0.0.1:${port}${new URL(pages[0]!.page.path, 'http://x').pathname}`,
  )
  const stop = once(nginx.stop)
  track(stop)
  return {origin: `http://127.0.0.1:${port}`, processGroup: nginx.pid, stop}
}

/** The shipped shared cache (deploy/nginx) in front of the site. */
export async function serveThroughSharedCache(
  port: number,
  siteOrigin: string,
  track: (stop: () => Promise<void>) => void,
): Promise<StaticServer> {
  const origin = `http://127.0.0.1:${port}`
  const nginx = await startNginx(
    (prefix) =>
      standaloneConfig(prefix, {listen: `127.0.0.1:${port}`, origin: new URL(siteOrigin).host}),
    `${origin}/api/health`,
  )
  const stop = once(nginx.stop)
  track(stop)
  return {origin, processGroup: nginx.pid, stop}
}
