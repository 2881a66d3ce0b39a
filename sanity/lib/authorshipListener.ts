import path from 'node:path'
import {createClient, type SanityClient} from '@sanity/client'
import type {Env} from '../../lib/env'
import {
  appendToRecord,
  AUTHORSHIP_RECORD_FILE_NAME,
  lastRecordedChange,
  recordLineOf,
  recordLinesOf,
  type RecordLine,
} from '../../lib/policy/authorshipRecord'
import {readHistoryLog} from './historyLog'
import {AUTHORSHIP_DOCUMENTS_QUERY} from './queries'

/**
 * The site's listener on the content source (docs/decisions/0020-separation-of-duties-from-a-complete-history.md):
 * started with the site's server, it appends every change to every document (who, which
 * transaction, when) to the site's record of authorship, so that an approval can be judged when
 * the content source's history no longer reaches back to the previous publication. It listens to
 * everything, drafts included, with the site's write token: a document that changes its type on
 * the way is recorded all the same. A lost connection is written down as `interrupted`; when it
 * connects again (or the server starts again), it reads what it missed from the content source's
 * history, while the history still holds it, and joins the record's stretches.
 */

const RETRY_MS = 5_000
/** An hour either way between the clocks of the content source's transactions. */
const CLOCK_MARGIN_MS = 60 * 60 * 1000

export function recordFile(config: Env): string {
  return path.resolve(config.siteDataDir, AUTHORSHIP_RECORD_FILE_NAME)
}

/** Reads what happened since the record's last change, and joins the stretches if it can. */
async function catchUp(
  client: SanityClient,
  config: Env,
  token: string,
  from: {transactionId: string; documentId: string; timestamp: string},
  write: (lines: RecordLine[]) => void,
) {
  try {
    const ids = await client.fetch(AUTHORSHIP_DOCUMENTS_QUERY, {}, {perspective: 'raw'})
    const writes = await readHistoryLog({
      urlFor: (uri) => client.getUrl(uri),
      dataset: config.sanity.dataset,
      token,
      ids: [...new Set([...ids, from.documentId])].sort(),
      fromTime: new Date(Date.parse(from.timestamp) - CLOCK_MARGIN_MS).toISOString(),
    })
    if (!writes.some((known) => known.transactionId === from.transactionId)) {
      console.warn(
        'The content source’s history no longer holds the record’s last change: the record starts again now.',
      )
      return
    }
    write([
      ...writes.flatMap(recordLinesOf),
      {joined: new Date().toISOString(), transactionId: from.transactionId},
    ])
  } catch (error) {
    console.error('The site could not read what it missed from the content source:', error)
  }
}

export function startAuthorshipListener(config: Env): {stop(): void} {
  const token = config.signoff.writeToken
  const file = recordFile(config)
  if (!token) {
    console.warn(
      'The site keeps no record of who writes what (no SANITY_API_WRITE_TOKEN): approvals rely on the content source’s history alone.',
    )
    return {stop() {}}
  }
  const {sanity} = config
  const client = createClient({
    projectId: sanity.projectId,
    dataset: sanity.dataset,
    apiVersion: sanity.apiVersion,
    useCdn: false,
    token,
    ...(sanity.apiHost ? {apiHost: sanity.apiHost, useProjectHostname: false} : {}),
  })
  const write = (lines: RecordLine[]) => {
    try {
      appendToRecord(file, lines)
    } catch (error) {
      console.error(`The record of authorship ${file} cannot be written:`, error)
    }
  }
  let stopped = false
  let subscription: {unsubscribe(): void} | undefined
  let retry: NodeJS.Timeout | undefined

  const connect = () => {
    subscription = client
      .listen(
        '*',
        {},
        {
          events: ['welcome', 'mutation', 'reconnect'],
          includeResult: false,
          includeMutations: true,
          visibility: 'transaction',
          tag: 'site.authorship-record',
        },
      )
      .subscribe({
        next: (event) => {
          if (event.type === 'welcome') {
            const last = lastRecordedChange(file)
            write([{listening: new Date().toISOString()}])
            if (last) void catchUp(client, config, token, last, write)
          } else if (event.type === 'reconnect') {
            write([{interrupted: new Date().toISOString()}])
          } else if (event.type === 'mutation') {
            const line = recordLineOf(event as unknown as Record<string, unknown>)
            if (line) write([line])
          }
        },
        error: (error: unknown) => {
          write([{interrupted: new Date().toISOString()}])
          console.error('The site lost its listener on the content source:', error)
          if (!stopped) retry = setTimeout(connect, RETRY_MS)
        },
      })
  }
  connect()
  return {
    stop() {
      stopped = true
      if (retry) clearTimeout(retry)
      subscription?.unsubscribe()
      write([{interrupted: new Date().toISOString()}])
    },
  }
}
