import {existsSync, readFileSync} from 'node:fs'

import {SYSTEM_USER_ID} from '../auth'
import type {LakeDataset} from './dataset'
import {isValidDocumentId, type LakeDocument} from '../core'

/** Sanity's export format: one JSON document per line. */

/** Parses NDJSON into its objects; blank lines are skipped, anything else must be an object. */
export function parseNdjson(text: string, source = 'NDJSON'): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = []
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new Error(`${source}, line ${index + 1}: not valid JSON (${(error as Error).message})`)
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(`${source}, line ${index + 1}: expected a JSON object`)
    }
    objects.push(value as Record<string, unknown>)
  }
  return objects
}

/** Parses an export file, checking that every line is a document with a valid id and a type. */
export function parseDocuments(text: string, source = 'NDJSON'): Record<string, unknown>[] {
  const docs = parseNdjson(text, source)
  docs.forEach((doc, index) => {
    if (!isValidDocumentId(doc._id) || typeof doc._type !== 'string') {
      throw new Error(`${source}, document ${index + 1}: a document needs a valid _id and a _type`)
    }
  })
  return docs
}

export function toNdjson(docs: Iterable<unknown>): string {
  let out = ''
  for (const doc of docs) out += `${JSON.stringify(doc)}\n`
  return out
}

export type SeedOutcome =
  {imported: number; transactionId: string} | {skipped: 'not-empty' | 'no-seed-file'}

/**
 * Imports an export file into a dataset that has never had a transaction. The import is one
 * transaction in the log, credited to `system`, so the history starts from the seed.
 */
export async function importSeed(dataset: LakeDataset, file: string): Promise<SeedOutcome> {
  if (!dataset.store.isPristine()) return {skipped: 'not-empty'}
  if (!existsSync(file)) return {skipped: 'no-seed-file'}
  const docs = parseDocuments(readFileSync(file, 'utf8'), file)
  const result = await dataset.transact(
    {kind: 'import', author: SYSTEM_USER_ID, request: {importedFrom: file, documents: docs.length}},
    (ws) => {
      for (const {_rev: _ignored, ...doc} of docs) {
        ws.put(doc._id as string, doc as LakeDocument, {createOrReplace: doc})
      }
    },
  )
  return {imported: result.changes.length, transactionId: result.transactionId}
}
