/**
 * Word-level comparison of two versions of a large bilingual policy, against
 * `git diff --no-index --word-diff` on the same text in the same run.
 *
 *   npx tsx bench/diff/run.ts [--runs 9]
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {comparePolicies} from '../../lib/diff/policy'
import {countWords, generatePolicy, plainText, revisePolicy, rewrittenBlock} from './corpus'

const SECTIONS = 200
const WORDS = 60_000
const runsArgument = process.argv.indexOf('--runs')
const RUNS = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 15
const WARM_UP = 5
const REWRITTEN_WORDS = 20_000
const REWRITTEN_RUNS = 3

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/**
 * Times each task RUNS times, taking turns (a, b, c, a, b, c, …) so that a busy machine slows
 * them alike and their ratio stays meaningful.
 */
function timeInTurns(tasks: (() => void)[]): number[][] {
  for (let i = 0; i < WARM_UP; i++) for (const task of tasks) task()
  const times: number[][] = tasks.map(() => [])
  for (let i = 0; i < RUNS; i++) {
    tasks.forEach((task, t) => {
      const start = performance.now()
      task()
      times[t]?.push(performance.now() - start)
    })
  }
  return times
}

const v1 = generatePolicy(1, SECTIONS, WORDS)
const v2 = revisePolicy(v1, 2)

const directory = mkdtempSync(join(tmpdir(), 'policy-diff-'))
const before = join(directory, 'v1.txt')
const after = join(directory, 'v2.txt')
writeFileSync(before, plainText(v1))
writeFileSync(after, plainText(v2))

try {
  const git = () => {
    const result = spawnSync(
      'git',
      ['diff', '--no-index', '--no-color', '--word-diff', before, after],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    // Exit status 1 means "the files differ", which they do.
    if (result.status !== 1) throw new Error(`git diff failed: ${result.stderr.toString()}`)
  }
  const comparison = comparePolicies(v1, v2)
  const copy = structuredClone(v1)
  const [engine = 0, reverse = 0, identical = 0, reference = 0] = timeInTurns([
    () => comparePolicies(v1, v2),
    () => comparePolicies(v2, v1),
    () => comparePolicies(v1, copy),
    git,
  ]).map(median)

  const {summary} = comparison
  const changedBlocks = comparison.sections
    .flatMap((s) => [...s.languages.fr.body.blocks, ...s.languages.en.body.blocks])
    .filter((b) => b.status !== 'unchanged').length

  console.log(
    `Policy: ${SECTIONS} sections, ${countWords(v1).toLocaleString('en')} words (v1), ${countWords(v2).toLocaleString('en')} words (v2)`,
  )
  console.log(
    `Changes found: ${summary.modified} modified, ${summary.added} added, ${summary.removed} removed, ` +
      `${summary.moved} moved, ${summary.unchanged} unchanged sections; ${changedBlocks} changed blocks`,
  )
  console.log(
    `Median of ${RUNS} runs each, taken in turns after ${WARM_UP} warm-up rounds, Node ${process.version}\n`,
  )
  const rows: [string, number][] = [
    ['comparePolicies(v1, v2)', engine],
    ['comparePolicies(v2, v1)', reverse],
    ['comparePolicies(v1, v1 copy)', identical],
    ['git diff --no-index --word-diff', reference],
  ]
  console.log(
    `| ${'Comparison'.padEnd(34)} | ${'Median (ms)'.padStart(11)} | ${'vs git'.padStart(7)} |`,
  )
  console.log(`| ${'-'.repeat(34)} | ${'-'.repeat(11)} | ${'-'.repeat(7)} |`)
  for (const [label, ms] of rows) {
    console.log(
      `| ${label.padEnd(34)} | ${ms.toFixed(1).padStart(11)} | ${(ms / reference).toFixed(2).padStart(6)}× |`,
    )
  }

  // The worst case: one block of 20,000 words rewritten from end to end. Word by word it would
  // take minutes (Myers' algorithm is quadratic when everything changed); the comparison's time
  // budget shows the block replaced whole instead.
  const [rewrittenBefore, rewrittenAfter] = rewrittenBlock(REWRITTEN_WORDS)
  const rewrittenFiles = [join(directory, 'r1.txt'), join(directory, 'r2.txt')] as const
  writeFileSync(rewrittenFiles[0], plainText(rewrittenBefore))
  writeFileSync(rewrittenFiles[1], plainText(rewrittenAfter))
  const rewrittenTimes: number[] = []
  const gitTimes: number[] = []
  let shownWhole = false
  for (let i = 0; i < REWRITTEN_RUNS; i++) {
    let start = performance.now()
    const result = comparePolicies(rewrittenBefore, rewrittenAfter)
    rewrittenTimes.push(performance.now() - start)
    const changes = result.sections[0]?.languages.en.body.blocks[0]?.changes ?? []
    shownWhole = changes.length === 2
    start = performance.now()
    const gitResult = spawnSync(
      'git',
      ['diff', '--no-index', '--no-color', '--word-diff', ...rewrittenFiles],
      {maxBuffer: 64 * 1024 * 1024},
    )
    if (gitResult.status !== 1) throw new Error('git diff failed on the rewritten block')
    gitTimes.push(performance.now() - start)
  }
  console.log(
    `\nOne block of ${REWRITTEN_WORDS.toLocaleString('en')} words rewritten from end to end, median of ${REWRITTEN_RUNS} runs:\n`,
  )
  console.log(`| ${'Comparison'.padEnd(34)} | ${'Median (ms)'.padStart(11)} |`)
  console.log(`| ${'-'.repeat(34)} | ${'-'.repeat(11)} |`)
  console.log(
    `| ${'comparePolicies (time budget)'.padEnd(34)} | ${median(rewrittenTimes).toFixed(1).padStart(11)} |`,
  )
  console.log(
    `| ${'git diff --no-index --word-diff'.padEnd(34)} | ${median(gitTimes).toFixed(1).padStart(11)} |`,
  )
  console.log(`\nShown as ${shownWhole ? 'the block replaced whole' : 'a word-level redline'}.`)
} finally {
  rmSync(directory, {recursive: true, force: true})
}
