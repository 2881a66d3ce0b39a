/**
 * `npm run history:accept -- --by "<who>" --why "<why>" [<site address>]`: an operator accepts
 * the history the site serves now as its new checkpoint (lib/policy/checkpoint.ts), on purpose,
 * e.g. after restoring an older backup of the content source. The history must verify in every
 * other way (versions, chain, signatures, nothing posing as a version); the checkpoint's log keeps
 * who accepted it, why, when, and the head given up. Reads the site's public history like
 * `npm run verify`, and writes the checkpoint in the site's data folder (SITE_DATA_DIR).
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {parseEnv, settingsOrExit} from '../lib/env'
import {verifiedHead, type HistoryCheckpoint} from '../lib/policy/checkpoint'
import {CHECKPOINT_FILE_NAME, readCheckpoint, writeCheckpoint} from '../lib/policy/checkpointFile'
import {verifySite} from './verify'

export async function acceptHistory(options: {
  address: string
  site: string
  file: string
  by: string
  why: string
  now?: Date
}): Promise<HistoryCheckpoint> {
  const report = await verifySite(options.address, {site: options.site})
  const otherFailures = report.failures.filter((failure) => !failure.startsWith('The site says'))
  const verification = {...report.verification, rollback: undefined, verified: true}
  const head =
    report.firstFailure === undefined && otherFailures.length === 0
      ? verifiedHead(verification, () => null)
      : undefined
  if (!head)
    throw new Error(
      `The history does not verify, so it cannot be accepted:\n${report.lines.join('\n')}`,
    )
  const previous = readCheckpoint(options.file)
  const at = (options.now ?? new Date()).toISOString()
  const checkpoint: HistoryCheckpoint = {
    head,
    log: [
      ...(previous?.log ?? []),
      {at, by: options.by, why: options.why, previous: previous?.head ?? null, head},
    ],
  }
  writeCheckpoint(options.file, checkpoint)
  return checkpoint
}

async function main(): Promise<number> {
  const {positionals, values} = parseArgs({
    allowPositionals: true,
    options: {by: {type: 'string'}, why: {type: 'string'}},
  })
  const env = settingsOrExit(() => parseEnv(process.env))
  if (!values.by?.trim() || !values.why?.trim()) {
    console.error(
      'Usage: npm run history:accept -- --by "<your name>" --why "<why this history is accepted>" [<site address>]',
    )
    return 2
  }
  const file = path.resolve(env.siteDataDir, CHECKPOINT_FILE_NAME)
  const checkpoint = await acceptHistory({
    address: positionals[0] ?? env.siteUrl.href,
    site: env.siteUrl.origin,
    file,
    by: values.by.trim(),
    why: values.why.trim(),
  })
  console.log(
    `Accepted: the site now checks that its history extends version ${checkpoint.head.number} (${file}).`,
  )
  return 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    },
  )
}
