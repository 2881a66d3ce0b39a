import {createClient, type SanityClient} from '@sanity/client'
import {mkdtempSync, rmSync} from 'node:fs'
import {type IncomingMessage, request as httpRequest} from 'node:http'
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

export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The body, or for an event stream its first chunk. */
  body: string
  ms: number
}

/**
 * One HTTP request exactly as given (any method, path, header or body, which `fetch` would
 * refuse or tidy up), answered within `timeoutMs` or rejected. An event stream is answered with
 * its first chunk and then closed, unless `keepStream` receives it (read as text).
 */
export function rawRequest(
  base: string,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string | Buffer
    timeoutMs?: number
    keepStream?: (response: IncomingMessage) => void
  },
): Promise<RawAnswer> {
  const started = performance.now()
  const {hostname, port} = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        const streaming = String(res.headers['content-type'] ?? '').startsWith('text/event-stream')
        let body = ''
        const done = () => {
          clearTimeout(timer)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            ms: performance.now() - started,
          })
        }
        // Decoded as a stream: a character split between two chunks stays whole
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
          if (streaming && body.includes('\n\n')) {
            done()
            if (options.keepStream) options.keepStream(res)
            else res.destroy()
          }
        })
        res.on('end', done)
        res.on('error', () => undefined)
      },
    )
    const timer = setTimeout(() => {
      req.destroy()
      reject(
        new Error(
          `No answer within ${options.timeoutMs} ms: ${options.method ?? 'GET'} ${options.path.slice(0, 120)}`,
        ),
      )
    }, options.timeoutMs ?? 10_000)
    req.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    req.end(options.body)
  })
}
