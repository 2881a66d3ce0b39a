import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {resolve} from 'node:path'

import {createLakeHandler} from './app'
import {Authenticator, ensureLocalUsers, type LocalUser} from './auth'
import {DATASETS, LAKE_DEFAULTS, readLakeEnv} from './config'
import {LakeState} from './context'
import {LakeDataset} from './dataset'
import {importSeed} from './ndjson'
import {QueryEngine} from './queryEngine'
import {DatasetStore} from './storage'

export type {LocalUser} from './auth'
export {readLocalUsers} from './auth'

export interface LakeOptions {
  /** Plain HTTP port; 0 picks a free one. Default `LAKE_PORT` or 3333. */
  port?: number
  host?: string
  dataDir?: string
  seedFile?: string
  /** HTTP/2 + TLS port for the Studio; `false` turns it off. Default `LAKE_HTTPS_PORT` or 3334. */
  httpsPort?: number | false
  quiet?: boolean
}

export interface RunningLake {
  /** `http://127.0.0.1:PORT`, with the port actually bound. */
  url: string
  httpsUrl?: string
  dataDir: string
  users: LocalUser[]
  close(): Promise<void>
}

function listen(server: Server, port: number, host: string): Promise<number> {
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
  const seedFile = resolve(options.seedFile ?? env.seedFile ?? LAKE_DEFAULTS.seedFile)
  const log = options.quiet ? () => {} : (line: string) => console.log(`[lake] ${line}`)

  const users = ensureLocalUsers(dataDir)
  const datasets = new Map<string, LakeDataset>()
  for (const name of DATASETS) {
    const store = DatasetStore.open(dataDir, name)
    datasets.set(name, new LakeDataset(name, store, new QueryEngine(store)))
  }
  const production = datasets.get('production')
  if (production) {
    const outcome = await importSeed(production, seedFile)
    if ('imported' in outcome) log(`imported ${outcome.imported} documents from ${seedFile}`)
    else if (outcome.skipped === 'no-seed-file' && production.store.isPristine()) {
      log(`no seed file at ${seedFile}; starting with an empty dataset`)
    }
  }

  const lake = new LakeState(datasets, new Authenticator(users))
  const handler = createLakeHandler(lake)
  const server = createServer(handler)
  const boundPort = await listen(server, port, host)
  const url = `http://${urlHost(host)}:${boundPort}`

  let closed = false
  return {
    url,
    dataDir,
    users,
    async close() {
      if (closed) return
      closed = true
      await new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      })
      for (const dataset of datasets.values()) dataset.store.close()
    },
  }
}
