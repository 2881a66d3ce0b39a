import {createServer, type IncomingMessage, type Server} from 'node:http'
import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type ServerHttp2Session,
} from 'node:http2'
import type {AddressInfo, Socket} from 'node:net'
import type {Duplex} from 'node:stream'
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
  ensureServices,
  type LocalUser,
  malformedPeople,
  PeopleDirectory,
  peopleRules,
  ServiceDirectory,
  usersFile,
} from './auth'
import {type LakeLimits, resolveLimits} from './core'
import {
  ClientLedger,
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
export {readLocalUsers, readServices} from './auth'
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
  /** How many query workers run at once: the site's, the signed-in people's, the rest shared. Default 3. */
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
  /** Reverse proxies trusted to name the client in `X-Forwarded-For`. Default `LAKE_TRUSTED_PROXIES`. */
  trustedProxies?: string[]
  /** The site's own read token. Default `LAKE_SITE_TOKEN`, else one kept in the data folder. */
  siteToken?: string
  /** The previews' read-only token. Default `LAKE_PREVIEW_TOKEN`, else one kept in the data folder. */
  previewToken?: string
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
  /**
   * The site's read token (hand it to the site as `LAKE_SITE_TOKEN`): it sees what everyone sees,
   * on a lane of its own. A server secret.
   */
  siteToken: string
  /** The previews' read-only token (the site's `SANITY_API_READ_TOKEN`). A server secret. */
  previewToken: string
  /** The lake's accounting of what each client holds (connections, unread answers). */
  clients: ClientLedger
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
    const services = new ServiceDirectory(
      ensureServices(dataDir, {
        'site-reader': options.siteToken ?? env.siteToken,
        'preview-reader': options.previewToken ?? env.previewToken,
      }),
    )
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
      const pool = new QueryPool(store, {size: options.queryWorkers ?? 3, limits})
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
        const malformed = malformedPeople(production.store.all())
        if (malformed.length > 0) {
          warn(
            `${malformed.length} person document(s) are not whole and let nobody in: ${malformed.join(', ')} (npm run lake:people -- list shows the people who are)`,
          )
        }
      }
    }

    const siteOrigin = options.siteOrigin ? new URL(options.siteOrigin).origin : env.siteOrigin
    const origins = new AllowedOrigins([siteOrigin, ...(options.corsOrigins ?? env.corsOrigins)])
    const clients = new ClientLedger(limits, options.trustedProxies ?? env.trustedProxies)
    const lake = new LakeState(datasets, auth, services, limits, origins, clients)
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

    // A presence socket is the presence relay's to keep (it has its own bounds)
    const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      ;(socket as Socket).setTimeout(0)
      presence.handleUpgrade(req, socket, head)
    }

    const server = createServer(
      {
        // Slow senders are cut off; event streams are unaffected (the request itself is short)
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        // Node checks those two only this often (30 s by default), which is what a client waits
        connectionsCheckingInterval: 1000,
        maxHeaderSize: limits.maxUrlBytes + 8 * 1024,
      },
      handler,
    )
    // Every connection, on either port, is counted against its address, and cut when silent
    // (Node's own socket timeout: it knows what its parser reads)
    clients.admitBefore(server)
    server.timeout = limits.idleTimeoutMs
    server.on('upgrade', upgrade)
    cleanups.push(() => closeServer(server))
    const url = `http://${urlHost(host)}:${await listen(server, port, host)}`
    log(`listening on ${url} (users and tokens in ${usersFile(dataDir)})`)
    cleanups.push(openOperatorDoor(dataDir, url, secret))
    if (!workflowRules) log('sign-off rules OFF: any write is accepted, as on a hosted project')

    let certificateFile: string | undefined
    if (httpsPort !== false) {
      const tls = await ensureCertificate(dataDir)
      certificateFile = tls.certFile
      const secure = createSecureServer(
        {
          key: tls.key,
          cert: tls.cert,
          allowHTTP1: true,
          handshakeTimeout: limits.headersTimeoutMs,
        },
        handler,
      )
      clients.admitBefore(secure)
      secure.setTimeout(limits.idleTimeoutMs)
      secure.on('upgrade', upgrade)
      boundSecureConnections(secure, limits)
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
      siteToken: services.byKind('site-reader').token,
      previewToken: services.byKind('preview-reader').token,
      clients,
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

/**
 * The TLS port's connections get the plain port's bounds: a connection that sends no request
 * within `headersTimeoutMs` is cut (Node gives the HTTP/2 server no such timeout). Silent ones
 * are cut by Node's own timeout (`secure.setTimeout`), slow bodies where they are read
 * (`readBody`), the same way on both ports.
 */
function boundSecureConnections(
  secure: Http2SecureServer,
  limits: Pick<LakeLimits, 'headersTimeoutMs'>,
): void {
  const waiting = new WeakMap<TLSSocket, NodeJS.Timeout>()
  secure.on('secureConnection', (socket: TLSSocket) => {
    if (socket.alpnProtocol === 'h2') return
    const timer = setTimeout(() => socket.destroy(), limits.headersTimeoutMs)
    waiting.set(socket, timer)
    socket.once('close', () => clearTimeout(timer))
  })
  secure.on('request', (req: Http2ServerRequest) => {
    if (req.httpVersionMajor === 1) clearTimeout(waiting.get(req.socket as TLSSocket))
  })
  // An upgrade (the Studio's presence socket) is a request too; the socket is then the presence
  // relay's, with bounds of its own
  secure.on('upgrade', (req: IncomingMessage) => clearTimeout(waiting.get(req.socket as TLSSocket)))
  secure.on('session', (session: ServerHttp2Session) => {
    const timer = setTimeout(() => session.destroy(), limits.headersTimeoutMs)
    session.once('stream', () => clearTimeout(timer))
    session.once('close', () => clearTimeout(timer))
  })
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
