/**
 * The framework's floor: the JavaScript a minimal App Router page (bench/site/floor-app, one client
 * component) ships with the project's own Next.js, built with Turbopack like the site. Copied under
 * .data/ so that it resolves the project's node_modules, built once, served by `next start`.
 */
import {spawn} from 'node:child_process'
import {cpSync, existsSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {once, stopGroup} from './product'
import {weighPages, type PageWeight} from './weight'

const root = path.resolve(import.meta.dirname, '../..')
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')

function run(args: string[], cwd: string, detached = false) {
  return spawn(process.execPath, [nextBin, ...args], {
    cwd,
    detached,
    stdio: 'ignore',
    env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: ''},
  })
}

export async function weighFloor(
  chromiumPath: string,
  port: number,
  track: (stop: () => Promise<void>) => void,
): Promise<PageWeight> {
  const app = path.join(root, '.data', 'bench-floor-app')
  if (!existsSync(path.join(app, '.next', 'BUILD_ID'))) {
    rmSync(app, {recursive: true, force: true})
    cpSync(path.join(import.meta.dirname, 'floor-app'), app, {recursive: true})
    writeFileSync(
      path.join(app, 'next.config.mjs'),
      `export default {typescript: {ignoreBuildErrors: true}, turbopack: {root: ${JSON.stringify(root)}}}\n`,
    )
    writeFileSync(path.join(app, 'package.json'), '{"name": "floor-app", "private": true}\n')
    const build = run(['build'], app)
    const code = await new Promise<number | null>((resolve) => build.on('exit', resolve))
    if (code !== 0) throw new Error(`The minimal app did not build (exit ${code}) in ${app}`)
  }
  const server = run(['start', '--port', String(port)], app, true)
  const stop = once(() => stopGroup(server))
  track(stop)
  try {
    const origin = `http://localhost:${port}`
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(origin)).ok) break
      } catch {
        // Not listening yet.
      }
      if (attempt > 120) throw new Error('The minimal app did not start')
      await sleep(250)
    }
    const [weight] = await weighPages(chromiumPath, origin, [
      {type: 'floor', locale: 'en', path: '/', status: 200},
    ])
    return weight!
  } finally {
    await stop()
  }
}
