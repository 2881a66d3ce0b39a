/**
 * The outside tools the benchmark drives. It installs none of them: a missing one is named with
 * the command that installs it.
 */
import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'

export class MissingToolError extends Error {
  constructor(tool: string, install: string) {
    super(`${tool} is not installed. Install it with: ${install}`)
    this.name = 'MissingToolError'
  }
}

/** The first of the named programs that runs, searching PATH and then the given folders. */
function program(name: string, versionArgs: string[], folders: string[] = []): string | undefined {
  for (const candidate of [name, ...folders.map((folder) => path.join(folder, name))]) {
    const result = spawnSync(candidate, versionArgs, {stdio: 'ignore'})
    if (!result.error) return candidate
  }
  return undefined
}

export function findWrk(): string {
  const found = program(process.env.WRK_PATH ?? 'wrk', ['--version'])
  if (!found) throw new MissingToolError('wrk', 'apt-get install wrk (or set WRK_PATH)')
  return found
}

export function findNginx(): string {
  const found = program(process.env.NGINX_PATH ?? 'nginx', ['-v'], ['/usr/sbin'])
  if (!found) throw new MissingToolError('nginx', 'apt-get install nginx-light (or set NGINX_PATH)')
  return found
}

export function findChromium(): string {
  const found = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(found)) {
    throw new MissingToolError('Chromium', 'apt-get install chromium (or set CHROMIUM_PATH)')
  }
  return found
}

export function chromiumVersion(executable: string): string {
  const result = spawnSync(executable, ['--version'], {encoding: 'utf8'})
  return result.stdout.trim().split('\n').at(-1) ?? 'unknown'
}

/**
 * Lighthouse 12's command line: from LIGHTHOUSE_DIR (a folder it was installed into with
 * `npm install --prefix`), else from the project's own dependencies.
 */
export function findLighthouse(): {cli: string; version: string} {
  const bases = [process.env.LIGHTHOUSE_DIR, path.resolve(import.meta.dirname, '../..')]
  for (const base of bases) {
    if (!base) continue
    try {
      const require = createRequire(path.join(path.resolve(base), 'package.json'))
      const manifest = require.resolve('lighthouse/package.json')
      const {version} = require(manifest) as {version: string}
      return {cli: path.join(path.dirname(manifest), 'cli', 'index.js'), version}
    } catch {
      // Not in this folder.
    }
  }
  throw new MissingToolError(
    'Lighthouse 12',
    'npm install --prefix /tmp/lh -E lighthouse@12.2.3, then run with LIGHTHOUSE_DIR=/tmp/lh',
  )
}
