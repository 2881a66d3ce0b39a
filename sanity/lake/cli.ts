import {ConfigurationError} from '../../lib/env'
import {readLakeEnv} from './config'
import {startLake} from './server'

/** `npm run lake`: the embedded Content Lake, configured from the environment. */

async function main(): Promise<void> {
  const env = readLakeEnv()
  const lake = await startLake({...env})
  const lines = [
    `Embedded Sanity lake listening on ${lake.url}`,
    lake.httpsUrl ? `  HTTP/2 + TLS for the Studio: ${lake.httpsUrl}` : undefined,
    `  Data: ${lake.dataDir}`,
    `  Project "local", dataset "production"; try: curl '${lake.url}/v2025-02-19/data/query/production?query=count(*)'`,
    `  Local users (send "Authorization: Bearer <token>" to read drafts, history and to write):`,
    ...lake.users.map((user) => `    ${user.name} (${user.title}, id ${user.id}): ${user.token}`),
    `  Studio login: open the Studio with #token=<token> in the address.`,
  ]
  console.log(lines.filter((line) => line !== undefined).join('\n'))

  const stop = (signal: NodeJS.Signals) => {
    console.log(`[lake] ${signal} received, stopping`)
    lake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message)
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`The lake cannot listen: ${error.message}. Set LAKE_PORT to a free port.`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
