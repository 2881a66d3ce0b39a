/**
 * The history checkpoint as a file (lib/policy/checkpoint.ts): the site keeps it in its data
 * folder (SITE_DATA_DIR), the `verify` command where `--checkpoint` says. Written whole and
 * renamed into place, so a reader never sees half of one.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {HistoryCheckpoint} from './checkpoint'
import {isVersionNumber} from './versionShape'

export const CHECKPOINT_FILE_NAME = 'history-checkpoint.json'

export class CheckpointFileError extends Error {
  constructor(file: string, reason: string) {
    super(`The history checkpoint ${file} cannot be read: ${reason}`)
    this.name = 'CheckpointFileError'
  }
}

function isCheckpoint(value: unknown): value is HistoryCheckpoint {
  const checkpoint = value as HistoryCheckpoint | null
  return (
    typeof checkpoint === 'object' &&
    checkpoint !== null &&
    typeof checkpoint.head === 'object' &&
    checkpoint.head !== null &&
    isVersionNumber(checkpoint.head.number) &&
    typeof checkpoint.head.fingerprint === 'string' &&
    Array.isArray(checkpoint.log)
  )
}

/** The checkpoint in `file`; undefined when there is none yet. A damaged file is an error. */
export function readCheckpoint(file: string): HistoryCheckpoint | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new CheckpointFileError(file, (error as Error).message)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new CheckpointFileError(file, 'it is not JSON')
  }
  if (!isCheckpoint(parsed)) throw new CheckpointFileError(file, 'it is not a checkpoint')
  return parsed
}

export function writeCheckpoint(file: string, checkpoint: HistoryCheckpoint): void {
  mkdirSync(path.dirname(file), {recursive: true})
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, `${JSON.stringify(checkpoint, null, 2)}\n`, {mode: 0o600})
  renameSync(partial, file)
}
