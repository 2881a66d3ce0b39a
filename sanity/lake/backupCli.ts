import {ConfigurationError, readLakeEnv} from '../../lib/env'
import {BackupError, backupLake, restoreLake, type BackupSummary} from './store'
import {editorClient, exportDocuments, importDocuments} from './sanityTools'

/**
 * `npm run lake:backup -- <file>` and `npm run lake:restore -- <file> [--force]`: a whole-lake
 * backup (documents, every transaction with its author and time) taken while the lake runs, and
 * its restore into the folder `LAKE_DATA_DIR` names. `npm run lake:export -- <file>` and
 * `npm run lake:import -- <file> [--missing]`: the dataset alone, in Sanity's export format, with
 * Sanity's own libraries, to and from a running lake (or a hosted project, with Sanity's CLI).
 */

const USAGE = `Usage:
  npm run lake:backup -- <backup file>             copy the running (or stopped) lake into a new file
  npm run lake:restore -- <backup file> [--force]  restore it into LAKE_DATA_DIR (stopped lake;
                                                   --force replaces a lake that holds data)
  npm run lake:export -- <file.tar.gz>             the running lake's dataset, in Sanity's export format
  npm run lake:import -- <file> [--missing]        a Sanity export (.tar.gz or .ndjson) into the running
                                                   lake; --missing skips the documents it already has`

function describe(summary: BackupSummary): string {
  const last = summary.lastTransaction
  return [
    `  ${summary.documents} documents, ${summary.transactions} transactions, ${summary.users} local users`,
    last ? `  last transaction: ${last.id} at ${last.timestamp}` : '  no transaction yet',
  ].join('\n')
}

async function main(): Promise<number> {
  const [command, file, ...rest] = process.argv.slice(2)
  const flag = command === 'restore' ? '--force' : command === 'import' ? '--missing' : undefined
  if (
    !file ||
    !['backup', 'restore', 'export', 'import'].includes(command ?? '') ||
    rest.some((arg) => arg !== flag)
  ) {
    console.error(USAGE)
    return 2
  }
  const {dataDir, host, port} = readLakeEnv()
  const lake = {url: `http://${host}:${port}`, dataDir}
  if (command === 'backup') {
    const summary = backupLake({dataDir, destination: file})
    console.log(`Backed up the lake in ${dataDir} to ${summary.file}:\n${describe(summary)}`)
    console.log('Access tokens are not in the backup: a restored lake gives each person a new one.')
  } else if (command === 'restore') {
    const summary = restoreLake({source: file, dataDir, force: rest.includes('--force')})
    console.log(`Restored ${file} into ${dataDir}:\n${describe(summary)}`)
    console.log(`Start the lake as usual; each person's new token is in ${dataDir}/users.json.`)
  } else if (command === 'export') {
    await exportDocuments(editorClient(lake), file)
    console.log(`Exported the lake at ${lake.url} to ${file}.`)
  } else {
    const missing = rest.includes('--missing')
    const count = await importDocuments(editorClient(lake), file, {missing})
    console.log(
      missing
        ? `Read ${count} documents from ${file}: those the lake at ${lake.url} lacked are imported, the others left as they were.`
        : `Imported ${count} documents from ${file} into the lake at ${lake.url}.`,
    )
  }
  return 0
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // Refusals (a backup problem, a setting, the lake's answer to an import) in one clear line
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
    if (!(
      error instanceof BackupError ||
      error instanceof ConfigurationError ||
      isLakeAnswer(error)
    ))
      console.error(error)
  },
)

function isLakeAnswer(error: unknown): boolean {
  return typeof (error as {statusCode?: unknown})?.statusCode === 'number'
}
