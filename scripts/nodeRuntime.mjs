/**
 * Which Node.js the product runs on: the LTS lines `engines.node` in package.json names
 * (docs/decisions/0021-node-lts.md). Plain JavaScript without a dependency, because it runs first,
 * on whatever Node the machine has, before anything is installed.
 *
 * `node scripts/nodeRuntime.mjs` (npm's preinstall, prestart, pretest) exits quietly on a supported
 * Node, and otherwise stops with one line saying what to install.
 * `node scripts/nodeRuntime.mjs --line 24` also asks for that line.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const PACKAGE_JSON = new URL('../package.json', import.meta.url)

/** `^24.11.0 || ^26.0.0` → [{major: 24, minor: 11, patch: 0}, {major: 26, …}]: the lowest of each line. */
export function parseEngines(range) {
  return range.split('||').map((part) => {
    const match = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(part)
    if (!match)
      throw new Error(`engines.node: "${part.trim()}" is not of the form ^major.minor.patch`)
    const [major, minor, patch] = match.slice(1).map(Number)
    return {major, minor, patch}
  })
}

export function readEngines() {
  return JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')).engines.node
}

/** Whether `v24.21.0` (as `process.version` writes it) is on one of the lines, at or above its lowest. */
export function isSupported(version, lines) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version)
  if (!match) return false
  const [major, minor, patch] = match.slice(1).map(Number)
  const line = lines.find((l) => l.major === major)
  if (!line) return false
  return minor > line.minor || (minor === line.minor && patch >= line.patch)
}

/** The one line printed when the running Node will not do. */
export function refusal(version, lines) {
  const names = lines.map((l) => l.major).join(' or ')
  return (
    `Node.js ${version} is not supported: this product runs on Node.js ${names} (LTS). ` +
    `Install one, or run "source scripts/useNode.sh" to take it from the npm registry, then "npm ci".`
  )
}

function main(args) {
  const lines = parseEngines(readEngines())
  const lineArg = args.indexOf('--line')
  const wanted = lineArg >= 0 ? Number(args[lineArg + 1]) : undefined
  const allowed = wanted === undefined ? lines : lines.filter((l) => l.major === wanted)
  if (allowed.length === 0) {
    console.error(`Node.js ${wanted} is not one of the supported lines (${readEngines()}).`)
    process.exit(2)
  }
  if (!isSupported(process.version, allowed)) {
    console.error(refusal(process.version, allowed))
    process.exit(1)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2))
