import {createReadStream} from 'node:fs'
import {createClient, type SanityClient} from '@sanity/client'
import {exportDataset} from '@sanity/export'
import {sanityImport} from '@sanity/import'
import {ROLES} from '../../lib/localUsers'
import {readLocalUsers} from './auth'
import {DEFAULT_API_VERSION, LAKE_DATASETS, LAKE_PROJECT_ID} from '../../lib/env'

/**
 * A dataset moved with Sanity's own export and import libraries (what `sanity dataset export`
 * and `sanity dataset import` run), pointed at a running lake: the same .tar.gz a hosted project
 * exports, in both directions. The import writes as whoever the client is (the CLI: the lake's
 * editor), through every rule: signed versions are taken as they are when they verify
 * (sanity/lake/rules/versionRules.ts).
 */

export interface LakeAddress {
  /** The lake's plain-HTTP address, e.g. http://127.0.0.1:3333. */
  url: string
  /** The lake's data folder, where the editor's token is. */
  dataDir: string
}

/** A client of the lake that writes as its editor, as `npm run lake:export` and `lake:import` do. */
export function editorClient({url, dataDir}: LakeAddress): SanityClient {
  const editor = readLocalUsers(dataDir).find((user) => user.role === ROLES.editor)
  if (!editor) throw new Error(`No editor among the local users of ${dataDir}.`)
  return createClient({
    projectId: LAKE_PROJECT_ID,
    dataset: LAKE_DATASETS[0],
    apiVersion: DEFAULT_API_VERSION,
    apiHost: url,
    useProjectHostname: false,
    useCdn: false,
    token: editor.token,
  })
}

/** Writes every document of the dataset, drafts included, to a Sanity export archive. */
export async function exportDocuments(client: SanityClient, file: string): Promise<void> {
  await exportDataset({
    client,
    dataset: LAKE_DATASETS[0],
    outputPath: file,
    assets: false,
    drafts: true,
  })
}

/**
 * Imports a Sanity export archive (or NDJSON file) into the lake. `missing` skips the documents
 * the lake already has (Sanity's `--missing`); otherwise a document that exists is refused.
 */
export async function importDocuments(
  client: SanityClient,
  file: string,
  options: {missing?: boolean} = {},
): Promise<number> {
  const result = await sanityImport(createReadStream(file), {
    client,
    operation: options.missing ? 'createIfNotExists' : 'create',
    allowFailingAssets: true,
  })
  return result.numDocs
}
