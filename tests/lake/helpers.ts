import {createClient, type SanityClient} from '@sanity/client'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {startLake, type RunningLake} from '../../sanity/lake/server'

export const FIXTURE = join(import.meta.dirname, 'fixtures', 'policy.ndjson')
export const API_VERSION = '2025-02-19'

export interface TestLake extends RunningLake {
  /** A client without a token: what a visitor's request can read. */
  anonymous: SanityClient
  /** A client with the editor's token. */
  editor: SanityClient
  /** A client with the legal reviewer's token. */
  legal: SanityClient
  stop(): Promise<void>
}

export function lakeClient(url: string, token?: string): SanityClient {
  return createClient({
    projectId: 'local',
    dataset: 'production',
    apiVersion: API_VERSION,
    apiHost: url,
    useProjectHostname: false,
    useCdn: false,
    token,
  })
}

/** Starts a lake on a free port with a fresh data directory seeded from the fixture. */
export async function startTestLake(
  options: Parameters<typeof startLake>[0] = {},
): Promise<TestLake> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lake-test-'))
  const lake = await startLake({
    port: 0,
    httpsPort: false,
    quiet: true,
    seedFile: FIXTURE,
    ...options,
    dataDir,
  })
  const token = (role: string) => lake.users.find((user) => user.role === role)?.token
  return {
    ...lake,
    anonymous: lakeClient(lake.url),
    editor: lakeClient(lake.url, token('editor')),
    legal: lakeClient(lake.url, token('legal-reviewer')),
    async stop() {
      await lake.close()
      if (!options.dataDir) rmSync(dataDir, {recursive: true, force: true})
    },
  }
}
