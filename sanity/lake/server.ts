import {createServer, type Server} from 'node:http'
import {createSecureServer, type Http2SecureServer} from 'node:http2'
import type {AddressInfo} from 'node:net'
import type {TLSSocket} from 'node:tls'
import {resolve} from 'node:path'

import {ConfigurationError, LAKE_DATASETS, readLakeEnv, type WebhookTarget} from '../../lib/env'
import {SITE_SIGNER} from '../../lib/localUsers'
import {readPrivateKey, type PublicSigningKey} from '../../lib/policy/signingKeys'
import {SEED_PUBLIC_KEYS} from '../seed/seedKey'
import {
  AllowedOrigins,
  Authenticator,
  ensureLocalUsers,
  type LocalUser,
  PeopleDirectory,
  peopleRules,
  usersFile,
} from './auth'
import {type LakeLimits, resolveLimits} from './core'
import {
  createLakeHandler,
  ensureCertificate,
  LakeState,
  openOperatorDoor,
  operatorSecret,
  peopleRoutes,
  welcomePage,
} from './http'
import {QueryPool} from './query'
import {PresenceSockets, WebhookDispatcher} from './realtime'
import {
  anomaliesLine,
  ensureSigningKey,
  publishedVersionsAreImmutable,
  unknownKeyLine,
  versionWorkflowRules,
} from './rules'
import {DatasetStore, holdDataDir, importSeed, LakeDataset} from './store'

export type {LocalUser} from './auth'
export {readLocalUsers} from './auth'
export type {WebhookTarget} from '../../lib/env'

export interface LakeOptions {
  /** Plain HTTP port; 0 picks a free one. Default `LAKE_PORT` or 3333. */
  port?: number
  /** Default `LAKE_HOST` or 127.0.0.1. */
  host?: string
  /** Default `LAKE_DATA_DIR` or `.data/lake`. */
  dataDir?: string
  /** NDJSON export imported into an empty dataset. Default `sanity/seed/production.ndjson`. */
  seedFile?: string
  /** HTTP/2 + TLS port for the Studio; 0 picks a free one, `false` turns it off. Default `LAKE_HTTPS_PORT` or 3334. */
  httpsPort?: number | false
  quiet?: boolean
  /** Webhooks in addition to the one configured by `LAKE_WEBHOOK_URL`. */
  webhooks?: WebhookTarget[]
  /** Time limit of one query. Default 5 s (the same as `limits.queryTimeoutMs`). */
  queryTimeoutMs?: number
  /** How many query workers run at once. Default 2. */
  queryWorkers?: number
  /**
   * The site's origin: linked from the lake's root page, and allowed to call the lake from a
   * browser (the Studio is at its `/studio`). Default `SITE_URL` or http://localhost:3000.
   */
  siteOrigin?: string
  /** Other origins allowed to call the lake from a browser. Default `LAKE_CORS_ORIGINS`. */
  corsOrigins?: string[]
  /** Bounds on what clients may send and hold (see `limits.ts`); the defaults suit the product. */
  limits?: Partial<LakeLimits>
  /**
   * Whether the lake enforces the sign-off rules and the immutability of published versions
   * (default `LAKE_WORKFLOW_RULES`, on). Off, it accepts any write, as a hosted Sanity project
   * does: the tests run the whole workflow that way too.
   */
  workflowRules?: boolean
  /**
   * The site's signing key (PEM), whose signatures the lake accepts on approvals and
   * publications. Default `SIGNING_PRIVATE_KEY`, else a key made at first start in the data folder.
   */
  signingKey?: string
}

export interface RunningLake {
  /** `http://127.0.0.1:PORT`, with the port actually bound. */
  url: string
  /** `https://localhost:PORT` (HTTP/2 + TLS) when that listener is on. */
  httpsUrl?: string
  /** The self-signed certificate's file, for people who want to trust it. */
  certificateFile?: string
  dataDir: string
  users: LocalUser[]
  /** The site's signing key (PEM), a server secret: hand it to the site as SIGNING_PRIVATE_KEY. */
  signingKey: string
  /** The public keys approvals and publications verify with: the site's, and the seed's. */
  trustedKeys: PublicSigningKey[]
  close(): Promise<void>
}

function listen(server: Server | Http2SecureServer, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolvePort((server.address() as AddressInfo).port)
    })
  })
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

export async function startLake(options: LakeOptions = {}): Promise<RunningLake> {
  const env = readLakeEnv()
  const port = options.port ?? env.port
  const host = options.host ?? env.host
  const dataDir = resolve(options.dataDir ?? env.dataDir)
  const seedFile = resolve(options.seedFile ?? env.seedFile)
  const httpsPort = options.httpsPort ?? env.httpsPort
  const log = options.quiet ? () => {} : (line: string) => console.log(`[lake] ${line}`)
  const warn = (line: string) => console.warn(`[lake] ${line}`)
  const cleanups: (() => unknown)[] = []
  const limits = resolveLimits({
    ...options.limits,
    ...(options.queryTimeoutMs !== undefined ? {queryTimeoutMs: options.queryTimeoutMs} : {}),
  })

  try {
    cleanups.push(holdDataDir(dataDir))
    const users = ensureLocalUsers(dataDir)
    const configuredKey = options.signingKey ?? env.signingKey
    const keptKey = configuredKey === undefined ? ensureSigningKey(dataDir) : undefined
    const signingKey = configuredKey ?? keptKey!.pem
    let sitePublicKey: PublicSigningKey
    try {
      sitePublicKey = readPrivateKey(signingKey).publicKey
    } catch (error) {
      throw new ConfigurationError('SIGNING_PRIVATE_KEY', (error as Error).message)
    }
    const trustedKeys = [sitePublicKey, ...SEED_PUBLIC_KEYS]
    const workflowRules = options.workflowRules ?? env.workflowRules
    const datasets = new Map<string, LakeDataset>()
    const webhooks: WebhookDispatcher[] = []
    // The organisation's people live in the first dataset (sanity/lake/auth/people.ts).
    let people: PeopleDirectory | undefined
    // The guards ask once transactions come, after `auth` below is made.
    const roleOf = (userId: string) => auth.roleOf(userId)
    for (const name of LAKE_DATASETS) {
      const store = DatasetStore.open(dataDir, name)
      cleanups.push(() => store.close())
      people ??= new PeopleDirectory(store)
      const pool = new QueryPool(store, {size: options.queryWorkers ?? 2, limits})
      cleanups.push(() => pool.close())
      const guards = [
        peopleRules({roleOf}),
        ...(workflowRules
          ? [
              publishedVersionsAreImmutable(store),
              versionWorkflowRules({
                store,
                roleOf,
                signerId: SITE_SIGNER.id,
                trustedKeys: () => trustedKeys,
              }),
            ]
          : []),
      ]
      const dataset = new LakeDataset(name, store, pool, guards, limits)
      if (people && datasets.size === 0) people.follow(dataset)
      const targets = [...(env.webhook ? [env.webhook] : []), ...(options.webhooks ?? [])]
      const dispatcher = new WebhookDispatcher(dataset, targets, log)
      cleanups.push(() => dispatcher.close())
      webhooks.push(dispatcher)
      datasets.set(name, dataset)
    }

    const auth = new Authenticator(users, people)
    const production = datasets.get('production')
    if (production) {
      const outcome = await importSeed(production, seedFile)
      if ('imported' in outcome) log(`imported ${outcome.imported} documents from ${seedFile}`)
      else if (outcome.skipped === 'no-seed-file' && production.store.isPristine()) {
        log(`no seed file at ${seedFile} yet; the dataset starts empty`)
      }
      if (!options.quiet) {
        const made = keptKey?.made ? keptKey.file : undefined
        const unknownKey = unknownKeyLine(production.store.all(), trustedKeys, made)
        if (unknownKey) warn(unknownKey)
        const anomalies = anomaliesLine(production.store.all())
        if (anomalies) warn(anomalies)
      }
    }

    const siteOrigin = options.siteOrigin ? new URL(options.siteOrigin).origin : env.siteOrigin
    const origins = new AllowedOrigins([siteOrigin, ...(options.corsOrigins ?? env.corsOrigins)])
    const lake = new LakeState(datasets, auth, limits, origins)
    cleanups.push(() => lake.close())
    let httpsUrl: string | undefined
    const secret = operatorSecret()
    const peopleDataset = () => lake.dataset(LAKE_DATASETS[0])
    const handler = createLakeHandler(lake, [
      welcomePage({siteOrigin, secureUrl: () => httpsUrl}),
      peopleRoutes(people!, peopleDataset, secret),
    ])
    const presence = new PresenceSockets(lake.auth, origins, limits)
    cleanups.push(() => presence.close())

    const server = createServer(
      {
        // Slow senders are cut off; event streams are unaffected (the request itself is short)
        headersTimeout: 10_000,
        requestTimeout: 30_000,
        maxHeaderSize: limits.maxUrlBytes + 8 * 1024,
      },
      handler,
    )
    server.on('upgrade', presence.handleUpgrade)
    cleanups.push(() => closeServer(server))
    const url = `http://${urlHost(host)}:${await listen(server, port, host)}`
    log(`listening on ${url} (users and tokens in ${usersFile(dataDir)})`)
    cleanups.push(openOperatorDoor(dataDir, url, secret))
    if (!workflowRules) log('sign-off rules OFF: any write is accepted, as on a hosted project')

    let certificateFile: string | undefined
    if (httpsPort !== false) {
      const tls = await ensureCertificate(dataDir)
      certificateFile = tls.certFile
      const secure = createSecureServer({key: tls.key, cert: tls.cert, allowHTTP1: true}, handler)
      secure.on('upgrade', presence.handleUpgrade)
      // HTTP/2 sessions stay open; they are cut when the lake stops so that closing completes
      const sockets = new Set<TLSSocket>()
      secure.on('secureConnection', (socket: TLSSocket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
      })
      cleanups.push(() => {
        for (const socket of sockets) socket.destroy()
      })
      cleanups.push(() => closeServer(secure))
      const boundPort = await listen(secure, httpsPort, host)
      httpsUrl = `https://localhost:${boundPort}`
      log(`HTTP/2 + TLS for the Studio on ${httpsUrl} (self-signed certificate ${tls.certFile})`)
    }
    if (webhooks.some((dispatcher) => dispatcher.count > 0)) {
      log(`webhooks: ${webhooks.reduce((sum, dispatcher) => sum + dispatcher.count, 0)} configured`)
    }

    let closing: Promise<void> | undefined
    return {
      url,
      httpsUrl,
      certificateFile,
      dataDir,
      users,
      signingKey,
      trustedKeys,
      close() {
        closing ??= runCleanups(cleanups)
        return closing
      },
    }
  } catch (error) {
    await runCleanups(cleanups)
    throw error
  }
}

/** Stops in the reverse order of start: listeners and servers first, the stores last. */
async function runCleanups(cleanups: (() => unknown)[]): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup()
    } catch (error) {
      console.error('[lake] error while stopping:', error)
    }
  }
}

function closeServer(server: Server | Http2SecureServer): Promise<void> {
  return new Promise((done) => {
    if (!server.listening) {
      done()
      return
    }
    server.close(() => done())
    if ('closeAllConnections' in server) server.closeAllConnections()
  })
}
