import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {pathToFileURL} from 'node:url'

/**
 * The source of a worker thread (run with `eval: true`) that loads a TypeScript entry through
 * tsx, whether the lake runs under tsx or Vitest: Node cannot start a `.ts` file as a worker by
 * itself.
 */

// The ESM build of `tsx/esm/api`, as its package exports map names it for `import`
const tsxApi = pathToFileURL(
  join(
    dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
    'dist/esm/api/index.mjs',
  ),
).href

/** How much lower than the lake's own thread a low-priority worker runs (a `nice` increment). */
const LOW_PRIORITY_NICENESS = 10

/**
 * `entry` is the worker module's URL (`new URL('./x.ts', import.meta.url).href`). With
 * `lowPriority`, the worker first lowers its own priority (on Linux, where a thread has one of its
 * own), so that however busy a client keeps it, the thread that answers requests gets the
 * processor first.
 */
export function workerSource(entry: string, options: {lowPriority?: boolean} = {}): string {
  const load = `import(${JSON.stringify(tsxApi)}).then(({tsImport}) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`
  if (!options.lowPriority || process.platform !== 'linux') return load
  return `try { require('node:os').setPriority(${LOW_PRIORITY_NICENESS}) } catch {}\n${load}`
}
