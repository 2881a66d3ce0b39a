/**
 * Speed of the site as readers get it, on a production build started like `npm start` on ports,
 * a lake and a build folder of its own:
 * - throughput: wrk against the policy page in both languages, and against nginx serving the same
 *   HTML bytes from disk in the same run (the ratio is the cost of rendering per request);
 * - weight: HTML, CSS and JavaScript a first visit downloads, per page type and language;
 * - lighthouse: Lighthouse 12's scores for the policy, history and redline pages.
 *
 *   npx tsx bench/site/run.ts [--only throughput,weight,lighthouse] [--seconds 10] [--warm-up 3]
 *     [--threads 2] [--connections 16] [--runs 1] [--presets mobile,desktop] [--json file]
 *
 * Needs wrk and nginx (apt-get install wrk nginx), Debian's Chromium (CHROMIUM_PATH), and for
 * Lighthouse 12 a folder it is installed in (LIGHTHOUSE_DIR). Ports BENCH_PORT_BASE..+3 (5100).
 */
import {spawnSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {cpus, loadavg} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {CATEGORIES, lighthousePage, type LighthouseResult, type Preset} from './lighthouse'
import {ALL_PAGES, type MeasuredPage} from './pages'
import {startProduct, type RunningProduct} from './product'
import {measure, serveStatically, type Measurement, type WrkOptions} from './throughput'
import {
  chromiumVersion,
  findChromium,
  findLighthouse,
  findNginx,
  findWrk,
  MissingToolError,
} from './tools'
import {weighPages, type PageWeight, type ResourceKind} from './weight'

const PARTS = ['throughput', 'weight', 'lighthouse'] as const
type Part = (typeof PARTS)[number]

const {values} = parseArgs({
  options: {
    only: {type: 'string', default: PARTS.join(',')},
    seconds: {type: 'string', default: '10'},
    'warm-up': {type: 'string', default: '3'},
    threads: {type: 'string', default: '2'},
    connections: {type: 'string', default: '16'},
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

interface Scenario {
  encoding: 'identity' | 'gzip'
  threads: number
  connections: number
}

interface ThroughputRow extends Scenario {
  page: MeasuredPage
  htmlBytes: number
  product: Measurement
  nginx: Measurement
  loadAverage: string
}

async function throughput(
  product: RunningProduct,
  wrk: WrkOptions,
  nginx: string,
): Promise<ThroughputRow[]> {
  const {origin} = product
  const pages = ALL_PAGES.filter((page) => page.type === 'policy')
  const fetched: {page: MeasuredPage; html: Buffer}[] = []
  for (const page of pages) {
    const response = await fetch(new URL(page.path, origin))
    if (response.status !== page.status) throw new Error(`${page.path} answered ${response.status}`)
    fetched.push({page, html: Buffer.from(await response.arrayBuffer())})
  }
  const server = await serveStatically(nginx, portBase + 3, fetched, (stop) => stops.add(stop))
  const rows: ThroughputRow[] = []
  try {
    // Under load, then browsers that ask for gzip (both servers compress each response), then
    // one reader alone: the time one page takes without queueing.
    const scenarios: Scenario[] = [
      {encoding: 'identity', threads: wrk.threads, connections: wrk.connections},
      {encoding: 'gzip', threads: wrk.threads, connections: wrk.connections},
      {encoding: 'identity', threads: 1, connections: 1},
    ]
    for (const scenario of scenarios) {
      const headers = scenario.encoding === 'gzip' ? ['Accept-Encoding: gzip'] : []
      const options = {...wrk, threads: scenario.threads, connections: scenario.connections}
      for (const {page, html} of fetched) {
        const loadAverage = load()
        console.error(
          `wrk: ${page.path} (${scenario.encoding}, ${scenario.connections} connections), product then nginx…`,
        )
        const rendered = await measure(
          new URL(page.path, origin).href,
          product.processGroup,
          options,
          headers,
        )
        const reference = await measure(
          new URL(page.path, server.origin).href,
          server.processGroup,
          options,
          headers,
        )
        rows.push({
          page,
          ...scenario,
          htmlBytes: html.length,
          product: rendered,
          nginx: reference,
          loadAverage,
        })
      }
    }
  } finally {
    stops.delete(server.stop)
    await server.stop()
  }
  return rows
}

function printThroughput(rows: ThroughputRow[], wrk: WrkOptions) {
  console.log(
    `\n## Throughput: wrk -d${wrk.seconds}s --latency after a ${wrk.warmUpSeconds}s warm-up, loopback; nginx serves the same bytes from disk\n`,
  )
  console.log(
    table(
      [
        'page',
        'encoding',
        'threads/conns',
        'HTML KB',
        'product req/s',
        'nginx req/s',
        'nginx/product',
        'product p50 ms',
        'product p99 ms',
        'nginx p99 ms',
        'product CPU ms/req',
        'nginx CPU ms/req',
        'lake CPU s',
        'non-2xx',
        'socket errors',
        'load avg',
      ],
      rows.map((row) => [
        label(row.page),
        row.encoding,
        `${row.threads}/${row.connections}`,
        kb(row.htmlBytes),
        row.product.requestsPerSecond.toFixed(0),
        row.nginx.requestsPerSecond.toFixed(0),
        `${(row.nginx.requestsPerSecond / row.product.requestsPerSecond).toFixed(0)}x`,
        row.product.p50Ms.toFixed(1),
        row.product.p99Ms.toFixed(1),
        row.nginx.p99Ms.toFixed(2),
        row.product.cpuMsPerRequest.toFixed(1),
        row.nginx.cpuMsPerRequest.toFixed(3),
        // The lake runs in the start script's Node process; Next's server names itself.
        (row.product.cpuSecondsByCommand.node ?? 0).toFixed(2),
        `${row.product.non2xx}/${row.nginx.non2xx}`,
        `${row.product.socketErrors}/${row.nginx.socketErrors}`,
        row.loadAverage,
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
  const nginxPath = parts.has('throughput') ? findNginx() : undefined
  const chromiumPath = parts.has('weight') || parts.has('lighthouse') ? findChromium() : undefined
  const lighthouse = parts.has('lighthouse') ? findLighthouse() : undefined

  const version = (command: string, args: string[]) => {
    const result = spawnSync(command, args, {encoding: 'utf8'})
    return `${result.stdout}${result.stderr}`.trim().split('\n')[0] ?? ''
  }
  console.log(`# Site benchmark, ${new Date().toISOString()}`)
  console.log(`${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}`)
  if (chromiumPath) console.log(chromiumVersion(chromiumPath))
  if (wrkPath) console.log(version(wrkPath, ['--version']).replace(/ Copyright.*/, ''))
  if (nginxPath) console.log(version(nginxPath, ['-v']))
  if (lighthouse) console.log(`Lighthouse ${lighthouse.version}`)
  console.log(`Load average before start: ${load()}`)

  const logFile = path.join(root, `.data/bench-site-${portBase}.log`)
  console.error(
    `Starting the product on port ${portBase} (output in ${logFile}; a first build takes minutes)…`,
  )
  const product = await startProduct({portBase, logFile, track: (stop) => stops.add(stop)})

  const results: Record<string, unknown> = {date: new Date().toISOString(), loadBefore: load()}
  if (wrkPath && nginxPath) {
    const wrk: WrkOptions = {
      wrk: wrkPath,
      threads: Number(values.threads),
      connections: Number(values.connections),
      seconds: Number(values.seconds),
      warmUpSeconds: Number(values['warm-up']),
    }
    const rows = await throughput(product, wrk, nginxPath)
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
