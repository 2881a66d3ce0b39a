/**
 * `npm run upgrades`: what staying current asks for now (README, "Upgrading"). The Node.js lines the
 * product runs on with their end of life, the release each machine installs against the newest on
 * the registry, and every dependency whose current major the project has not taken, with the Node
 * versions that major accepts. It changes nothing.
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {parseEngines, readEngines} from './nodeRuntime.mjs'

// Node.js's release schedule (github.com/nodejs/release): when each LTS line stops getting fixes.
const END_OF_LIFE = {20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30', 26: '2029-04-30'}

function npmJson(args) {
  try {
    return JSON.parse(
      execFileSync('npm', args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}) || 'null',
    )
  } catch (error) {
    // npm outdated exits with 1 when something is outdated, its answer still on stdout.
    return JSON.parse(error.stdout || 'null')
  }
}

// Majors not taken on purpose, each with the one-line reason; docs/decisions/0026-current-majors.md
// says what fails and what would lift it. A new major of one of these is still listed.
const HELD_BACK = {
  eslint: 'the plugins eslint-config-next ships accept ESLint 9 at most',
  typescript: 'typescript-eslint accepts TypeScript below 6.1',
  '@types/node': "kept on the oldest line the product runs on (24), so code can't use 26-only APIs",
}

const major = (version) => Number(/^\D*(\d+)/.exec(version ?? '')?.[1])

const useNode = readFileSync(new URL('./useNode.sh', import.meta.url), 'utf8')
const pins = Object.fromEntries(
  [...useNode.matchAll(/^NODE_LTS_(\d+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
)

console.log(`Node.js: package.json accepts ${readEngines()}; this is ${process.version}.`)
for (const {major: line} of parseEngines(readEngines())) {
  const versions = npmJson(['view', `node@${line}`, 'version', '--json'])
  const newest = [versions]
    .flat()
    .filter((v) => /^\d+\.\d+\.\d+$/.test(v ?? ''))
    .sort((a, b) => a.localeCompare(b, 'en', {numeric: true}))
    .at(-1)
  const eol = END_OF_LIFE[line] ?? 'unknown: see github.com/nodejs/release'
  const note =
    newest && newest !== pins[line]
      ? `, newest ${newest}: raise NODE_LTS_${line} in scripts/useNode.sh`
      : ''
  console.log(`  ${line}: installs ${pins[line]}${note}; end of life ${eol}`)
}
const soonest = Object.entries(END_OF_LIFE).find(([, date]) => new Date(date) > new Date())
if (soonest)
  console.log(
    `  The oldest line still supported by Node.js is ${soonest[0]} (until ${soonest[1]}).`,
  )

const outdated = npmJson(['outdated', '--json']) ?? {}
const behind = Object.entries(outdated).filter(
  ([, info]) => major(info.latest) > major(info.wanted),
)
console.log(
  behind.length
    ? '\nDependencies behind their current major:'
    : '\nEvery dependency is on its current major.',
)
for (const [name, info] of behind) {
  const engines = npmJson(['view', `${name}@${info.latest}`, 'engines.node', '--json'])
  const held = HELD_BACK[name] ? `: held back, ${HELD_BACK[name]}` : ''
  console.log(
    `  ${name}: ${info.current ?? 'not installed'} → ${info.latest} (node ${engines ?? 'any'})${held}`,
  )
}
