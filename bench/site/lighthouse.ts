/**
 * Lighthouse 12's scores for a page, from its command line driving Debian's Chromium. Each page is
 * audited `runs` times and each score's median kept, since the performance score moves between
 * runs on a busy machine.
 */
import {spawn} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {MeasuredPage} from './pages'
import {once, stopGroup} from './product'
import {CHROMIUM_ARGS} from '../../playwright.config'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]
export type Preset = 'mobile' | 'desktop'

export interface LighthouseResult {
  page: MeasuredPage
  preset: Preset
  scores: Record<Category, number>
  /** Largest contentful paint and total blocking time, in milliseconds (median run). */
  lcpMs: number
  tbtMs: number
  /** Audits that lost points outside performance, so a score below 100 says why. */
  failedAudits: string[]
  /** What the browser's console said, when Lighthouse counted errors there. */
  consoleErrors: string[]
}

interface Report {
  categories: Record<Category, {score: number | null; auditRefs: {id: string; weight: number}[]}>
  audits: Record<
    string,
    {score: number | null; numericValue?: number; details?: {items?: ConsoleItem[]}}
  >
}

interface ConsoleItem {
  source?: string
  description?: string
  sourceLocation?: {url?: string}
}

export interface LighthouseOptions {
  cli: string
  chromiumPath: string
  runs: number
  /** Called with each running audit, so that an interrupted benchmark can stop it. */
  track: (stop: (() => Promise<void>) | undefined) => void
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

async function audit(url: string, preset: Preset, options: LighthouseOptions): Promise<Report> {
  const directory = mkdtempSync(path.join(tmpdir(), 'bench-lighthouse-'))
  const output = path.join(directory, 'report.json')
  try {
    const child = spawn(
      process.execPath,
      [
        options.cli,
        url,
        '--quiet',
        '--output=json',
        `--output-path=${output}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${['--headless=new', ...CHROMIUM_ARGS].join(' ')}`,
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      {
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {...process.env, CHROME_PATH: options.chromiumPath},
      },
    )
    options.track(once(() => stopGroup(child, 5000)))
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    options.track(undefined)
    if (code !== 0) throw new Error(`Lighthouse failed on ${url} (exit ${code}):\n${stderr}`)
    return JSON.parse(readFileSync(output, 'utf8')) as Report
  } finally {
    rmSync(directory, {recursive: true, force: true})
  }
}

/**
 * Lighthouse sometimes loses its trace of a page load on a busy machine and says to run it again
 * (NO_NAVSTART, NO_FCP); it is, twice at most.
 */
async function auditWithRetries(
  url: string,
  preset: Preset,
  options: LighthouseOptions,
): Promise<Report> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url, preset, options)
    } catch (error) {
      if (attempt >= 3 || !/run Lighthouse again|NO_NAVSTART|NO_FCP/.test(String(error)))
        throw error
      console.error(`Lighthouse lost its trace of ${url}; running it again.`)
    }
  }
}

export async function lighthousePage(
  origin: string,
  page: MeasuredPage,
  preset: Preset,
  options: LighthouseOptions,
): Promise<LighthouseResult> {
  const url = new URL(page.path, origin).href
  const reports: Report[] = []
  for (let run = 0; run < options.runs; run++)
    reports.push(await auditWithRetries(url, preset, options))

  const score = (report: Report, category: Category) => {
    const value = report.categories[category].score
    if (value === null) throw new Error(`Lighthouse gave no ${category} score for ${url}`)
    return Math.round(value * 100)
  }
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [
      category,
      median(reports.map((report) => score(report, category))),
    ]),
  ) as Record<Category, number>

  // The run whose performance score is the median one stands for the page's metrics and audits.
  const byPerformance = [...reports].sort(
    (a, b) => score(a, 'performance') - score(b, 'performance'),
  )
  const typical = byPerformance[Math.floor(byPerformance.length / 2)]!
  const failedAudits = CATEGORIES.filter((category) => category !== 'performance').flatMap(
    (category) =>
      typical.categories[category].auditRefs
        .filter((ref) => ref.weight > 0 && (typical.audits[ref.id]?.score ?? 1) < 1)
        .map((ref) => ref.id),
  )
  return {
    page,
    preset,
    scores,
    lcpMs: typical.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbtMs: typical.audits['total-blocking-time']?.numericValue ?? NaN,
    failedAudits,
    consoleErrors: (typical.audits['errors-in-console']?.details?.items ?? []).map((item) =>
      `${item.source ?? 'console'}: ${item.description ?? ''} ${item.sourceLocation?.url ?? ''}`.trim(),
    ),
  }
}
