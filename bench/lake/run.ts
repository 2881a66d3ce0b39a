/**
 * Benchmark of the embedded lake on a generated policy dataset:
 * - latency of the policy page's query through HTTP (@sanity/client and plain fetch) against
 *   evaluating the same query with groq-js in this process (the ratio is the lake's overhead);
 * - sustained mutation throughput, each transaction committed to disk before it is answered.
 *
 * Run: npx tsx bench/lake/run.ts [--versions 60] [--sections 15] [--iterations 400] [--seconds 4]
 */
import {createClient} from '@sanity/client'
import {parse, evaluate} from 'groq-js'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {cpus, tmpdir} from 'node:os'
import {join} from 'node:path'
import {parseArgs} from 'node:util'

import {applyPerspective} from '../../sanity/lake/query'
import {generateDataset} from './dataset'
import {startLake} from '../../sanity/lake/server'
import type {LakeDocument} from '../../sanity/lake/core'

const {values} = parseArgs({
  options: {
    versions: {type: 'string', default: '60'},
    sections: {type: 'string', default: '15'},
    iterations: {type: 'string', default: '400'},
    seconds: {type: 'string', default: '4'},
  },
})
const VERSIONS = Number(values.versions)
const SECTIONS = Number(values.sections)
const ITERATIONS = Number(values.iterations)
const SECONDS = Number(values.seconds)
const API_VERSION = '2025-02-19'
const QUERY = `*[_type == "policyVersion" && status == "published" && effectiveDate <= $today] | order(number desc)[0]`
const PARAMS = {today: '2026-06-30'}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

async function time(
  iterations: number,
  run: () => Promise<unknown>,
): Promise<{p50: number; p99: number}> {
  for (let i = 0; i < Math.min(30, iterations); i++) await run()
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = performance.now()
    await run()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return {p50: percentile(samples, 50), p99: percentile(samples, 99)}
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lake-bench-'))
  const docs = generateDataset(VERSIONS, SECTIONS)
  const seedFile = join(dir, 'seed.ndjson')
  writeFileSync(seedFile, docs.map((doc) => JSON.stringify(doc)).join('\n'))
  const datasetBytes = docs.reduce((sum, doc) => sum + JSON.stringify(doc).length, 0)
  const lake = await startLake({
    port: 0,
    httpsPort: false,
    quiet: true,
    dataDir: join(dir, 'data'),
    seedFile,
  })
  try {
    const client = createClient({
      projectId: 'local',
      dataset: 'production',
      apiVersion: API_VERSION,
      apiHost: lake.url,
      useProjectHostname: false,
      useCdn: false,
    })
    const url = `${lake.url}/v${API_VERSION}/data/query/production?query=${encodeURIComponent(QUERY)}&$today=${encodeURIComponent(JSON.stringify(PARAMS.today))}&returnQuery=false`

    // The in-process reference sees exactly what the lake serves a visitor
    const stored = (await client.fetch<LakeDocument[]>('*', {}, {perspective: 'raw'})) ?? []
    const published = applyPerspective(stored, 'published')
    const reference = async () =>
      (await evaluate(parse(QUERY, {params: PARAMS}), {dataset: published, params: PARAMS})).get()
    const expected = JSON.stringify(await reference())
    if (JSON.stringify(await client.fetch(QUERY, PARAMS)) !== expected)
      throw new Error('The lake and groq-js disagree')

    const inProcess = await time(ITERATIONS, reference)
    const viaClient = await time(ITERATIONS, () => client.fetch(QUERY, PARAMS))
    const viaFetch = await time(ITERATIONS, async () => (await fetch(url)).json())

    const editor = lake.users.find((user) => user.role === 'editor')!
    const writer = client.withConfig({token: editor.token})
    const throughput = async (concurrency: number) => {
      let done = 0
      const until = performance.now() + SECONDS * 1000
      await Promise.all(
        Array.from({length: concurrency}, async (_, worker) => {
          while (performance.now() < until) {
            await writer
              .patch(`section-s${worker % SECTIONS}`)
              .set({'title.en': `Section ${worker} #${done}`})
              .commit({returnDocuments: false})
            done++
          }
        }),
      )
      return done / SECONDS
    }
    const sequential = await throughput(1)
    const concurrent = await throughput(8)

    const row = (name: string, r: {p50: number; p99: number}) =>
      `| ${name.padEnd(36)} | ${r.p50.toFixed(2).padStart(8)} | ${r.p99.toFixed(2).padStart(8)} | ${(r.p50 / inProcess.p50).toFixed(1).padStart(10)}x |`
    console.log(`\nEmbedded lake benchmark (${cpus().length} cores, Node ${process.version})`)
    console.log(
      `Dataset: ${docs.length} documents (${VERSIONS} published versions x ${SECTIONS} sections), ${(datasetBytes / 1024 / 1024).toFixed(1)} MB of JSON`,
    )
    console.log(`Query: ${QUERY}\n`)
    console.log(
      `| ${'policy page query'.padEnd(36)} | ${'p50 ms'.padStart(8)} | ${'p99 ms'.padStart(8)} | ${'p50 ratio'.padStart(11)} |`,
    )
    console.log(`|${'-'.repeat(38)}|${'-'.repeat(10)}|${'-'.repeat(10)}|${'-'.repeat(13)}|`)
    console.log(row('groq-js in process (reference)', inProcess))
    console.log(row('lake over HTTP, plain fetch', viaFetch))
    console.log(row('lake over HTTP, @sanity/client', viaClient))
    console.log(
      `\n| ${'mutations (patch, committed to disk)'.padEnd(36)} | ${'tx/s'.padStart(8)} |`,
    )
    console.log(`|${'-'.repeat(38)}|${'-'.repeat(10)}|`)
    console.log(`| ${'one writer, sequential'.padEnd(36)} | ${sequential.toFixed(0).padStart(8)} |`)
    console.log(`| ${'8 concurrent writers'.padEnd(36)} | ${concurrent.toFixed(0).padStart(8)} |`)
  } finally {
    await lake.close()
    rmSync(dir, {recursive: true, force: true})
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
