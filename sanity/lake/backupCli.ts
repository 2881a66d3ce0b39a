import {ConfigurationError} from '../../lib/env'
import {BackupError, backupLake, restoreLake, type BackupSummary} from './backup'
import {readLakeEnv} from './config'

/**
 * `npm run lake:backup -- <file>` and `npm run lake:restore -- <file> [--force]`: a whole-lake
 * backup (documents, every transaction with its author and time) taken while the lake runs, and
 * its restore into the folder `LAKE_DATA_DIR` names.
 */

const USAGE = `Usage:
  npm run lake:backup -- <backup file>             copy the running (or stopped) lake into a new file
  npm run lake:restore -- <backup file> [--force]  restore it into LAKE_DATA_DIR (stopped lake;
                                                   --force replaces a lake that holds data)`

function describe(summary: BackupSummary): string {
  const last = summary.lastTransaction
  return [
    `  ${summary.documents} documents, ${summary.transactions} transactions, ${summary.users} local users`,
    last ? `  last transaction: ${last.id} at ${last.timestamp}` : '  no transaction yet',
  ].join('\n')
}

function main(): number {
  const [command, file, ...rest] = process.argv.slice(2)
  const force = rest.includes('--force')
  if (
    !file ||
    (command !== 'backup' && command !== 'restore') ||
    rest.some((arg) => arg !== '--force')
  ) {
    console.error(USAGE)
    return 2
  }
  const {dataDir} = readLakeEnv()
  if (command === 'backup') {
    const summary = backupLake({dataDir, destination: file})
    console.log(`Backed up the lake in ${dataDir} to ${summary.file}:\n${describe(summary)}`)
    console.log('Access tokens are not in the backup: a restored lake gives each person a new one.')
  } else {
    const summary = restoreLake({source: file, dataDir, force})
    console.log(`Restored ${file} into ${dataDir}:\n${describe(summary)}`)
    console.log(`Start the lake as usual; each person's new token is in ${dataDir}/users.json.`)
  }
  return 0
}

try {
  process.exitCode = main()
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigurationError) {
    console.error(error.message)
    process.exitCode = 1
  } else {
    throw error
  }
}
