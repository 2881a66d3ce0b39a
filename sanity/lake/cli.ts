import {ConfigurationError, readLakeEnv} from '../../lib/env'
import {isPerson} from '../../lib/localUsers'
import {startLake} from './server'

/** `npm run lake`: the embedded Content Lake, configured from the environment. */

async function main(): Promise<void> {
  const env = readLakeEnv()
  const lake = await startLake({...env})
  const lines = [
    `Embedded Sanity lake ready: project "local", dataset "production", data in ${lake.dataDir}`,
    `  Try: curl '${lake.url}/v2025-02-19/data/query/production?query=count(*)'`,
    '  Local users; send "Authorization: Bearer <token>" to read drafts and history and to write:',
    ...lake.users
      .filter(isPerson)
      .map((user) => `    ${user.name} (${user.title}, ${user.id}): ${user.token}`),
    '  Studio login: add #token=<token> to the Studio address, or paste a token when it asks.',
  ]
  if (lake.httpsUrl) {
    lines.push(
      `  The Studio talks to ${lake.httpsUrl} (HTTP/2). A browser must trust its self-signed`,
      `  certificate once: open ${lake.httpsUrl}/ and accept it, or trust ${lake.certificateFile}.`,
    )
  }
  console.log(lines.join('\n'))

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
    console.error(
      `The lake cannot listen: ${error.message}. Set LAKE_PORT / LAKE_HTTPS_PORT to free ports.`,
    )
  } else {
    console.error(error)
  }
  process.exit(1)
})
