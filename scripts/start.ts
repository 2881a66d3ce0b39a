/**
 * `npm start`: the whole product on one machine. Starts the embedded lake (unless a real Sanity
 * project is configured), builds the site when its build is missing or stale, and serves it with
 * scripts/serve.ts.
 * `--dev` serves the site with Next's development server instead.
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {
  ConfigurationError,
  checkRealProjectSettings,
  LAKE_DEFAULTS,
  lakeOnSiteOrigin,
  nextDistDir,
  parseEnv,
  readLakeEnv,
  settingsOrExit,
  type Env,
} from '../lib/env'
import {isPerson, SITE_SIGNER} from '../lib/localUsers'
import {readPrivateKey} from '../lib/policy/signingKeys'
import {startLake, type RunningLake} from '../sanity/lake/server'
import {realProjectStudioLines, studioStartupLines} from '../sanity/studio/startupNotice'

const root = path.resolve(import.meta.dirname, '..')
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const distDir = path.join(root, nextDistDir())
const buildStamp = path.join(distDir, 'product-build.json')
const SOURCE_DIRS = ['app', 'components', 'i18n', 'lib', 'messages', 'sanity', 'public']
const SOURCE_FILES = [
  'next.config.ts',
  'proxy.ts',
  'package-lock.json',
  'tsconfig.json',
  'sanity.config.ts',
]

function loadEnv(): Env {
  const config = parseEnv(process.env)
  checkRealProjectSettings(config)
  if (config.signoff.signingPrivateKey) {
    try {
      readPrivateKey(config.signoff.signingPrivateKey)
    } catch (error) {
      throw new ConfigurationError('SIGNING_PRIVATE_KEY', (error as Error).message)
    }
  }
  return config
}

function newestSourceChange(): number {
  let newest = 0
  const visit = (entry: string) => {
    if (!existsSync(entry)) return
    const stats = statSync(entry)
    if (stats.isDirectory()) {
      for (const child of readdirSync(entry))
        if (child !== 'node_modules') visit(path.join(entry, child))
    } else {
      newest = Math.max(newest, stats.mtimeMs)
    }
  }
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, name))
  return newest
}

/** What a build bakes in besides the code: rebuild when it changes. */
function buildInputs(config: Env): string {
  const {siteUrl, sanity, lakeHttpsPort} = config
  return JSON.stringify({
    siteUrl: siteUrl.href,
    projectId: sanity.projectId,
    dataset: sanity.dataset,
    apiVersion: sanity.apiVersion,
    apiHost: sanity.apiHost,
    lakeHttpsPort,
  })
}

function buildIsCurrent(config: Env): boolean {
  if (!existsSync(buildStamp) || !existsSync(path.join(distDir, 'BUILD_ID'))) return false
  if (readFileSync(buildStamp, 'utf8') !== buildInputs(config)) return false
  return statSync(buildStamp).mtimeMs > newestSourceChange()
}

function run(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    // A privacy product sends no usage data anywhere, its build tool's included.
    env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv},
  })
}

function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  )
}

/** The site's server, which relays `/lake`, and nginx in front of it run on this machine. */
const LOOPBACK_ADDRESSES = ['127.0.0.1', '::1']

async function main() {
  const dev = process.argv.includes('--dev')
  const config = settingsOrExit(loadEnv)
  const port = config.sitePort
  let lake: RunningLake | undefined

  // The site's revalidation route checks the webhooks' signatures with this secret.
  const webhookSecret = config.webhookSecret ?? randomBytes(32).toString('base64url')
  const siteEnv: Record<string, string> = {SANITY_WEBHOOK_SECRET: webhookSecret}

  if (config.sanity.embeddedLake) {
    const {fresh, dataDir, trustedProxies} = settingsOrExit(readLakeEnv)
    if (fresh) {
      rmSync(dataDir, {recursive: true, force: true})
      // A fresh dataset starts a fresh history: the site's checkpoint of the old one goes too,
      // when it is a folder of the run's own (never the default one).
      if (process.env.SITE_DATA_DIR) rmSync(config.siteDataDir, {recursive: true, force: true})
    }
    lake = await startLake({
      signingKey: config.signoff.signingPrivateKey,
      port: config.lakePort,
      host: config.lakeHost,
      // Served over HTTPS, the Studio reaches the lake through the site's origin: no second port.
      httpsPort: lakeOnSiteOrigin(config.siteUrl) ? false : config.lakeHttpsPort,
      // There the site's server relays `/lake` from this machine, naming each browser in
      // X-Forwarded-For, so that every browser gets its own share rather than all sharing one.
      trustedProxies:
        lakeOnSiteOrigin(config.siteUrl) && trustedProxies.length === 0
          ? LOOPBACK_ADDRESSES
          : undefined,
      siteOrigin: config.siteUrl.origin,
      // Publishing a version reaches the site as it would from a real project's webhook.
      webhooks: [
        {
          name: 'site revalidation',
          url: `http://127.0.0.1:${port}/api/revalidate`,
          secret: webhookSecret,
          filter: LAKE_DEFAULTS.webhookFilter,
          projection: '{_id, _type, number, status}',
        },
      ],
    })
    // The site reads with its own token (published content, on a lane of its own) and previews
    // drafts with the lake's read-only one; neither leaves the server.
    siteEnv.LAKE_SITE_TOKEN = lake.siteToken
    if (!config.sanity.readToken) siteEnv.SANITY_API_READ_TOKEN = lake.previewToken
    // The site signs approvals and publications with the key the lake made at first start (or
    // the configured one), and writes them as the lake's signing service.
    siteEnv.SIGNING_PRIVATE_KEY = lake.signingKey
    const signer = lake.users.find((user) => user.id === SITE_SIGNER.id)
    if (!config.signoff.writeToken && signer) siteEnv.SANITY_API_WRITE_TOKEN = signer.token
  } else {
    console.log(
      `Using Sanity project ${config.sanity.projectId}, dataset ${config.sanity.dataset}.`,
    )
  }

  const stop = async (code: number) => {
    await lake?.close()
    process.exit(code)
  }

  let site: ChildProcess
  if (dev) {
    site = run([nextBin, 'dev', '--port', String(port)], siteEnv)
  } else {
    if (!buildIsCurrent(config)) {
      console.log('Building the site (first start or changed sources)…')
      const code = await exitCode(run([nextBin, 'build']))
      if (code !== 0) return stop(code)
      writeFileSync(buildStamp, buildInputs(config))
    }
    // Next behind the site's own server, which keeps public pages whole (scripts/serve.ts).
    site = run([tsxCli, path.join(root, 'scripts', 'serve.ts'), '--port', String(port)], siteEnv)
  }
  console.log(`\nThe privacy policy: ${config.siteUrl.origin}/fr/politique-de-confidentialite`)
  console.log(`In English:         ${config.siteUrl.origin}/en/privacy-policy\n`)
  console.log(
    lake && lakeOnSiteOrigin(config.siteUrl)
      ? [
          `Studio : ${config.siteUrl.origin}/studio (chaque personne avec son jeton : npm run lake:people -- add …)`,
          `Studio: ${config.siteUrl.origin}/studio (each person with their own token: npm run lake:people -- add …)`,
        ].join('\n')
      : lake
        ? studioStartupLines({
            siteOrigin: config.siteUrl.origin,
            lakeHttpsPort: config.lakeHttpsPort,
            dataDir: lake.dataDir,
            certificateFile: lake.certificateFile,
            users: lake.users.filter(isPerson),
          }).join('\n')
        : realProjectStudioLines(config.siteUrl.origin).join('\n'),
  )

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      site.kill(signal)
    })
  }
  await stop(await exitCode(site))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
