/**
 * Speed of the site as readers get it, on a production build started like `npm start` on ports,
 * a lake and a build folder of its own:
 * - throughput: wrk against the policy page in both languages from the product's server, from the
 *   shipped shared cache in front of it, from Next rendering it per request (as before pages were
 *   kept) and from nginx serving the same bytes from disk, in the same run;
 * - weight: HTML, CSS and JavaScript a first visit downloads, per page type and language;
 * - floor: the JavaScript of a minimal App Router page with the same Next.js, for reference;
 * - lighthouse: Lighthouse 12's scores for the policy, history and redline pages.
 *
 *   npx tsx bench/site/run.ts [--only throughput,weight,floor,lighthouse] [--seconds 10] [--warm-up 3]
 *     [--threads 2] [--connections 16,64] [--runs 1] [--presets mobile,desktop] [--json file]
 *
 * Needs wrk and nginx (apt-get install wrk nginx), Debian's Chromium (CHROMIUM_PATH), and for
 * Lighthouse 12 a folder it is installed in (LIGHTHOUSE_DIR). Ports BENCH_PORT_BASE..+6 (5100).
 */
import {spawnSync} from 'node:child_process'
import http from 'node:http'
import {writeFileSync} from 'node:fs'
import {cpus, loadavg} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {weighFloor} from './floor'
import {CATEGORIES, lighthousePage, type LighthouseResult, type Preset} from './lighthouse'
import {ALL_PAGES, type MeasuredPage} from './pages'
import {startNextAlone, startProduct, type RunningProduct} from './product'
import {
  measure,
  serveStatically,
  serveThroughSharedCache,
  type Measurement,
  type PageBytes,
  type WrkOptions,
} from './throughput'
import {
  chromiumVersion,
  findChromium,
  findLighthouse,
  findNginx,
  findWrk,
  MissingToolError,
} from './tools'
import {weighPages, type PageWeight, type ResourceKind} from './weight'

const PARTS = ['throughput', 'weight', 'floor', 'lighthouse'] as const
type Part = (typeof PARTS)[number]

const {values} = parseArgs({
  options: {
    only: {type: 'string', default: PARTS.join(',')},
    seconds: {type: 'string', default: '8'},
    'warm-up': {type: 'string', default: '3'},
    threads: {type: 'string', default: '2'},
    connections: {type: 'string', default: '16,64'},
    runs: {type: 'string', default: '1'},
    presets: {type: 'string', default: 'mobile,desktop'},
    json: {type: 'string'},
  },
})

const parts = new Set(values.only.split(',').map((part) => part.trim()))
for (const part of parts) {
  if (!PARTS.includes(part as Part)) {
    console.error(`Unknown part "${part}"; choose among ${PARTS.join(', ')}.`)
    process.exit(2)
  }
}
const presets = values.presets.split(',').map((preset) => preset.trim())
for (const preset of presets) {
  if (preset !== 'mobile' && preset !== 'desktop') {
    console.error(`Unknown Lighthouse preset "${preset}"; choose mobile and/or desktop.`)
    process.exit(2)
  }
}
const portBase = Number(process.env.BENCH_PORT_BASE ?? 5100)
const root = path.resolve(import.meta.dirname, '../..')

// Everything started is stopped on the way out, whether the run ends, fails or is interrupted;
// every caller waits for the same stopping, so none exits while another is still stopping.
const stops = new Set<() => Promise<void>>()
let stopping: Promise<void> | undefined
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const stop of [...stops].reverse()) {
      await stop().catch((error: unknown) => console.error(error))
    }
    stops.clear()
  })()
  return stopping
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping what the benchmark started…`)
    void stopAll().finally(() => process.exit(130))
  })
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))]
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)))
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`
  const rule = `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`
  return [line(header), rule, ...cells.slice(1).map(line)].join('\n')
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const label = (page: MeasuredPage) => `${page.type} (${page.locale})`

/** Who answers: the product alone, through the shipped cache, Next per request, a file. */
const SERVERS = ['site', 'cache', 'perRequest', 'file'] as const
type ServerName = (typeof SERVERS)[number]

interface ThroughputRow {
  page: MeasuredPage
  connections: number
  htmlBytes: number
  gzipBytes: number
  results: Record<ServerName, Measurement>
  loadAverage: string
}

/** The raw bytes of an answer, not decoded (fetch would decode a gzip body). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{status: number; body: Buffer}> {
  return new Promise((resolve, reject) => {
    http
      .get(url, {headers}, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({status: response.statusCode ?? 0, body: Buffer.concat(chunks)}),
        )
      })
      .on('error', reject)
  })
}

async function throughput(product: RunningProduct, wrk: WrkOptions): Promise<ThroughputRow[]> {
  const {origin} = product
  const pages = ALL_PAGES.filter((page) => page.type === 'policy')
  const fetched: PageBytes[] = []
  for (const page of pages) {
    const url = new URL(page.path, origin).href
    const html = await rawGet(url, {'accept-encoding': 'identity'})
    const gzip = await rawGet(url, {'accept-encoding': 'gzip'})
    if (html.status !== page.status) throw new Error(`${page.path} answered ${html.status}`)
    fetched.push({page, html: html.body, gzip: gzip.body})
  }
  const track = (stop: () => Promise<void>) => stops.add(stop)
  const servers: Record<ServerName, {origin: string; processGroup: number}> = {
    site: product,
    cache: await serveThroughSharedCache(portBase + 5, origin, track),
    perRequest: await startNextAlone(
      product,
      portBase,
      portBase + 4,
      path.join(root, `.data/bench-site-${portBase}-next-alone.log`),
      track,
    ),
    file: await serveStatically(portBase + 3, fetched, track),
  }
  const rows: ThroughputRow[] = []
  // Browsers ask for gzip (or better); every server sends the same gzip bytes.
  const headers = ['Accept-Encoding: gzip']
  for (const connections of wrk.connectionCounts) {
    for (const {page, html, gzip} of fetched) {
      const loadAverage = load()
      const results = {} as Record<ServerName, Measurement>
      for (const name of SERVERS) {
        console.error(`wrk: ${page.path} (${connections} connections) from ${name}…`)
        const server = servers[name]
        results[name] = await measure(
          new URL(page.path, server.origin).href,
          server.processGroup,
          {...wrk, connections},
          headers,
        )
      }
      rows.push({
        page,
        connections,
        htmlBytes: html.length,
        gzipBytes: gzip.length,
        results,
        loadAverage,
      })
    }
  }
  return rows
}

function printThroughput(rows: ThroughputRow[], wrk: WrkOptions) {
  console.log(
    `\n## Throughput: wrk -t${wrk.threads} -d${wrk.seconds}s --latency, Accept-Encoding: gzip, after a ${wrk.warmUpSeconds}s warm-up, loopback\n`,
  )
  const rate = (m: Measurement) => m.requestsPerSecond.toFixed(0)
  const p99 = (m: Measurement) => m.p99Ms.toFixed(1)
  console.log(
    table(
      [
        'page',
        'conns',
        'HTML / gzip KB',
        'site req/s',
        'per-request req/s',
        'site ÷ per-request',
        'site CPU ms/req',
        'cache req/s',
        'file req/s',
        'cache ÷ file',
        'p99 ms: site / cache / per-request / file',
        'cache p99 ÷ file p99',
        'non-2xx',
        'socket errors',
        'load avg',
      ],
      rows.map(({page, connections, htmlBytes, gzipBytes, results, loadAverage}) => [
        label(page),
        connections,
        `${kb(htmlBytes)} / ${kb(gzipBytes)}`,
        rate(results.site),
        rate(results.perRequest),
        `${(results.site.requestsPerSecond / results.perRequest.requestsPerSecond).toFixed(0)}x`,
        results.site.cpuMsPerRequest.toFixed(2),
        rate(results.cache),
        rate(results.file),
        (results.cache.requestsPerSecond / results.file.requestsPerSecond).toFixed(2),
        SERVERS.map((name) => p99(results[name])).join(' / '),
        (results.cache.p99Ms / results.file.p99Ms).toFixed(1),
        SERVERS.map((name) => results[name].non2xx).join('/'),
        SERVERS.map((name) => results[name].socketErrors).join('/'),
        loadAverage,
      ]),
    ),
  )
}

function printWeights(weights: PageWeight[]) {
  console.log(
    '\n## Page weight: first visit, empty cache, until the network is idle (KB decoded / gzipped)\n',
  )
  const kinds: ResourceKind[] = ['html', 'css', 'js', 'other']
  const names: Record<ResourceKind, string> = {html: 'HTML', css: 'CSS', js: 'JS', other: 'other'}
  console.log(
    table(
      ['page', 'status', ...kinds.map((kind) => `${names[kind]} raw / gz`), 'JS files', 'requests'],
      weights.map(({page, status, byKind}) => [
        label(page),
        status,
        ...kinds.map((kind) => `${kb(byKind[kind].raw)} / ${kb(byKind[kind].gzip)}`),
        byKind.js.requests,
        kinds.reduce((sum, kind) => sum + byKind[kind].requests, 0),
      ]),
    ),
  )
}

function printLighthouse(results: LighthouseResult[], runs: number) {
  console.log(`\n## Lighthouse (median of ${runs} run${runs > 1 ? 's' : ''} per page)\n`)
  console.log(
    table(
      ['page', 'preset', ...CATEGORIES, 'LCP ms', 'TBT ms', 'audits failed (not performance)'],
      results.map((result) => [
        label(result.page),
        result.preset,
        ...CATEGORIES.map((category) => result.scores[category]),
        result.lcpMs.toFixed(0),
        result.tbtMs.toFixed(0),
        result.failedAudits.join(', ') || '—',
      ]),
    ),
  )
  const consoleErrors = new Set(results.flatMap((result) => result.consoleErrors))
  if (consoleErrors.size > 0) {
    console.log('\nConsole errors Lighthouse saw:')
    for (const error of consoleErrors) console.log(`- ${error}`)
  }
}

/** Written after each part, so that a later failure keeps what was measured. */
function saveResults(results: Record<string, unknown>) {
  if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2))
}

async function main() {
  // Every tool is looked for before anything starts, so a missing one costs no build.
  const wrkPath = parts.has('throughput') ? findWrk() : undefined
  const nginx = parts.has('throughput') ? findNginx() : undefined
  const chromiumPath =
    parts.has('weight') || parts.has('floor') || parts.has('lighthouse')
      ? findChromium()
      : undefined
  const lighthouse = parts.has('lighthouse') ? findLighthouse() : undefined

  const version = (command: string, args: string[]) => {
    const result = spawnSync(command, args, {encoding: 'utf8'})
    return `${result.stdout}${result.stderr}`.trim().split('\n')[0] ?? ''
  }
  console.log(`# Site benchmark, ${new Date().toISOString()}`)
  console.log(`${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}`)
  if (chromiumPath) console.log(chromiumVersion(chromiumPath))
  if (wrkPath) console.log(version(wrkPath, ['--version']).replace(/ Copyright.*/, ''))
  if (nginx) console.log(version(nginx, ['-v']))
  if (lighthouse) console.log(`Lighthouse ${lighthouse.version}`)
  console.log(`Load average before start: ${load()}`)

  const logFile = path.join(root, `.data/bench-site-${portBase}.log`)
  console.error(
    `Starting the product on port ${portBase} (output in ${logFile}; a first build takes minutes)…`,
  )
  const product = await startProduct({portBase, logFile, track: (stop) => stops.add(stop)})

  const results: Record<string, unknown> = {date: new Date().toISOString(), loadBefore: load()}
  if (wrkPath && nginx) {
    const wrk: WrkOptions = {
      wrk: wrkPath,
      threads: Number(values.threads),
      connections: 0,
      connectionCounts: values.connections.split(',').map(Number),
      seconds: Number(values.seconds),
      warmUpSeconds: Number(values['warm-up']),
    }
    const rows = await throughput(product, wrk)
    printThroughput(rows, wrk)
    results.throughput = rows
    saveResults(results)
  }
  if (parts.has('weight') && chromiumPath) {
    console.error('Weighing pages in Chromium…')
    const weights = await weighPages(chromiumPath, product.origin, ALL_PAGES)
    printWeights(weights)
    const wrong = weights.filter((weight) => weight.status !== weight.page.status)
    for (const {page, status} of wrong)
      console.log(`Warning: ${page.path} answered ${status}, not ${page.status}.`)
    results.weight = weights
    saveResults(results)
  }
  if (parts.has('floor') && chromiumPath) {
    console.error('Building and weighing the minimal App Router page…')
    const floor = await weighFloor(chromiumPath, portBase + 6, (stop) => stops.add(stop))
    console.log(
      `\nMinimal App Router page (bench/site/floor-app), same Next.js, Turbopack: JS ${kb(floor.byKind.js.raw)} / ${kb(floor.byKind.js.gzip)} KB in ${floor.byKind.js.requests} files`,
    )
    results.floor = floor
    saveResults(results)
  }
  if (lighthouse && chromiumPath) {
    const runs = Number(values.runs)
    const measured: LighthouseResult[] = []
    let runningAudit: (() => Promise<void>) | undefined
    const audited = ALL_PAGES.filter((page) => ['policy', 'history', 'compare'].includes(page.type))
    for (const preset of presets as Preset[]) {
      for (const page of audited) {
        console.error(`Lighthouse (${preset}): ${page.path}…`)
        measured.push(
          await lighthousePage(product.origin, page, preset, {
            cli: lighthouse.cli,
            chromiumPath,
            runs,
            track: (stop) => {
              if (runningAudit) stops.delete(runningAudit)
              runningAudit = stop
              if (stop) stops.add(stop)
            },
          }),
        )
      }
    }
    printLighthouse(measured, runs)
    results.lighthouse = measured
    saveResults(results)
  }
  results.loadAfter = load()
  saveResults(results)
  console.log(`\nLoad average at the end: ${load()}`)
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = error instanceof MissingToolError ? 3 : 1
  })
  .finally(() => stopAll())
