import {spawn, type ChildProcess} from 'node:child_process'
import {randomBytes} from 'node:crypto'
import {mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {connect, createServer, type Server, type Socket} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {createClient, type SanityClient} from '@sanity/client'
import {encodeSignatureHeader, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import {ROLES, SITE_SIGNER} from '../../../lib/localUsers'
import {newToken, usersFile, type LocalUser} from '../../../sanity/lake/auth/users'
import {randomId, type LakeDocument} from '../../../sanity/lake/core'
import {startLake, type LakeOptions, type RunningLake} from '../../../sanity/lake/server'
import {DatasetStore} from '../../../sanity/lake/store'

/**
 * A second copy of the product for tests that change content or break things: its own embedded
 * lake (fresh seed, in a temporary folder) and its own site server on the same build, so the
 * shared site the other specs read is never affected. The site reaches the lake through a relay
 * the test can cut, to play a content source that has gone away.
 */
export interface IsolatedSite {
  url: string
  lake: RunningLake
  /** The site's own folder (SITE_DATA_DIR): its checkpoint and its record of who wrote what. */
  siteDataDir: string
  /** Stops relaying and refuses new connections: the site sees the lake as down. */
  cutLake(): Promise<void>
  client(role: 'editor' | 'legal-reviewer'): SanityClient
  /**
   * Moves the site's clock (lib/clock.ts) to `instant`, from where it runs on; the site's
   * content source and everything else keep the real time.
   */
  setClock(instant: Date): void
  /** A local user's token, as the Studio sends it to the site's sign-off endpoints. */
  token(role: 'editor' | 'legal-reviewer'): string
  /**
   * Changes a document directly in the lake's storage, behind the site's back (no rule, no
   * history, no webhook), the lake stopped meanwhile; then expires the site's cache.
   */
  alterStorage(id: string, change: (doc: LakeDocument) => LakeDocument): Promise<void>
  /**
   * Adds a robot (an API token with an editor's rights, as any Administrator of a hosted project
   * can make) to the lake's users, the lake stopped meanwhile; answers a client that writes with it.
   */
  addRobot(id: string, name: string): Promise<SanityClient>
  /** Expires the site's cached content, as Sanity's webhook does after a change. */
  revalidate(): Promise<void>
  stop(): Promise<void>
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number}
      server.close(() => resolve(port))
    })
  })
}

function relay(targetPort: number): Promise<{port: number; server: Server; sockets: Set<Socket>}> {
  const sockets = new Set<Socket>()
  const server = createServer((incoming) => {
    const outgoing = connect(targetPort, '127.0.0.1')
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => socket.destroy())
    }
    incoming.pipe(outgoing).pipe(incoming)
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({port: (server.address() as {port: number}).port, server, sockets}),
    ),
  )
}

async function waitForSite(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The site exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${url}/api/health`, {redirect: 'manual'})
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The site at ${url} did not start in time`)
}

/**
 * `workflowRules: false` runs the lake as a hosted Sanity project behaves: it accepts any write,
 * and only the site's own checks stand.
 */
export async function startIsolatedSite(
  options: Pick<LakeOptions, 'workflowRules' | 'signingKey' | 'seedFile'> & {
    /** The site's public address (SITE_URL), when it is not the address it listens on. */
    siteUrl?: string
  } = {},
): Promise<IsolatedSite> {
  const {siteUrl, ...lakeChoices} = options
  const dataDir = mkdtempSync(path.join(tmpdir(), 'policy-isolated-'))
  const siteDataDir = mkdtempSync(path.join(tmpdir(), 'policy-isolated-site-'))
  const sitePort = await freePort()
  const url = `http://localhost:${sitePort}`
  const webhookSecret = randomBytes(24).toString('base64url')
  const lakeOptions: LakeOptions = {
    ...lakeChoices,
    // Browsers on the site's public address call the lake through it (its /lake).
    ...(siteUrl ? {siteOrigin: new URL(siteUrl).origin} : {}),
    port: 0,
    httpsPort: false,
    dataDir,
    quiet: true,
    webhooks: [
      {
        url: `http://127.0.0.1:${sitePort}/api/revalidate`,
        secret: webhookSecret,
        filter: '_type == "policyVersion"',
        projection: '{_id, _type, number, status}',
      },
    ],
  }
  let lake = await startLake(lakeOptions)
  const lakePort = Number(new URL(lake.url).port)
  const lakeRelay = await relay(lakePort)
  const userToken = (role: string) => {
    const user = lake.users.find((candidate) => candidate.role === role)
    if (!user) throw new Error(`No ${role} in the isolated lake`)
    return user.token
  }
  const revalidate = async () => {
    const body = JSON.stringify({_type: 'policyVersion'})
    const signature = await encodeSignatureHeader(body, Date.now(), webhookSecret)
    const response = await fetch(`${url}/api/revalidate`, {
      method: 'POST',
      headers: {'content-type': 'application/json', [SIGNATURE_HEADER_NAME]: signature},
      body,
    })
    if (!response.ok) throw new Error(`Revalidation answered ${response.status}`)
  }
  const clientWith = (token: string) =>
    createClient({
      projectId: 'local',
      dataset: 'production',
      apiVersion: '2025-02-19',
      apiHost: lake.url,
      useProjectHostname: false,
      useCdn: false,
      token,
    })
  const clockDir = mkdtempSync(path.join(tmpdir(), 'policy-clock-'))
  const clockFile = path.join(clockDir, 'now')

  // Served as in production: Next behind the site's own server (scripts/serve.ts).
  const tsxCli = path.resolve('node_modules/tsx/dist/cli.mjs')
  const child = spawn(process.execPath, [tsxCli, 'scripts/serve.ts', '--port', String(sitePort)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(sitePort),
      SITE_URL: siteUrl ?? url,
      SITE_DATA_DIR: siteDataDir,
      LAKE_PORT: String(lakeRelay.port),
      SANITY_WEBHOOK_SECRET: webhookSecret,
      // As npm start hands them over: the lake's signing key, its signing service's token, the
      // site's own read token and the previews' read-only one.
      SIGNING_PRIVATE_KEY: lake.signingKey,
      SANITY_API_WRITE_TOKEN: userToken(SITE_SIGNER.role),
      LAKE_SITE_TOKEN: lake.siteToken,
      SANITY_API_READ_TOKEN: lake.previewToken,
      TEST_CLOCK_FILE: clockFile,
      ALLOW_TEST_CLOCK: '1',
    },
  })
  await waitForSite(url, child)

  return {
    url,
    siteDataDir,
    get lake() {
      return lake
    },
    async cutLake() {
      await new Promise<void>((resolve) => {
        lakeRelay.server.close(() => resolve())
        for (const socket of lakeRelay.sockets) socket.destroy()
      })
    },
    token: userToken,
    revalidate,
    async alterStorage(id, change) {
      await lake.close()
      const store = DatasetStore.open(dataDir, 'production')
      try {
        const before = store.get(id)
        if (!before) throw new Error(`No document ${id} in the isolated lake`)
        const after = {...change(structuredClone(before)), _rev: randomId()}
        store.commit({
          id: randomId(),
          timestamp: new Date().toISOString(),
          author: 'behind-the-sites-back',
          kind: 'import',
          request: {},
          mutations: [],
          changes: [{id, before, after, mutations: []}],
        })
      } finally {
        await store.close()
      }
      lake = await startLake({...lakeOptions, port: lakePort})
      await revalidate()
    },
    async addRobot(id, name) {
      await lake.close()
      const file = usersFile(dataDir)
      const {users} = JSON.parse(readFileSync(file, 'utf8')) as {users: LocalUser[]}
      const robot: LocalUser = {
        id,
        name,
        email: `${id}@robots.localhost`,
        role: ROLES.editor,
        title: 'API token',
        robot: true,
        token: newToken(),
      }
      writeFileSync(file, JSON.stringify({users: [...users, robot]}, null, 2), {mode: 0o600})
      lake = await startLake({...lakeOptions, port: lakePort})
      return clientWith(robot.token)
    },
    client(role) {
      return clientWith(userToken(role))
    },
    setClock(instant) {
      // Written whole, then renamed: the site never reads half a setting.
      writeFileSync(`${clockFile}.next`, instant.toISOString())
      renameSync(`${clockFile}.next`, clockFile)
    },
    async stop() {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
      lakeRelay.server.close()
      for (const socket of lakeRelay.sockets) socket.destroy()
      await lake.close()
      rmSync(dataDir, {recursive: true, force: true})
      rmSync(clockDir, {recursive: true, force: true})
      rmSync(siteDataDir, {recursive: true, force: true})
    },
  }
}
