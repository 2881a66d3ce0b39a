import {createdByEffects, wholeWritesIn, type AuthoredWrite} from '../../lib/policy/authorship'

/**
 * The content source's history of transactions (`/data/history/:dataset/transactions/:ids`, the
 * same API on the embedded lake and on Sanity), read page after page to its end, as the Studio
 * reads it: an unpaged answer can stop short. What a plan no longer keeps is simply absent, which
 * the caller judges. Used by the approve endpoint and by the site's listener when it resumes.
 */

/** How many transactions are asked for at once. */
export const HISTORY_PAGE = 100
/** Past this many pages the history is not read to its end. */
const HISTORY_PAGES_MAX = 1000

type Json = Record<string, unknown>

function historyWrite(line: Json): AuthoredWrite {
  return {
    transactionId: String(line.id),
    timestamp: String(line.timestamp),
    author: typeof line.author === 'string' && line.author !== '' ? line.author : '(unknown)',
    documentIds: Array.isArray(line.documentIDs) ? line.documentIDs.map(String) : [],
    created: createdByEffects(line.effects),
    wholeWrites: wholeWritesIn(line.mutations),
  }
}

export interface HistoryRequest {
  /** The address of the history of `ids` with `search` (a client's `getUrl`). */
  urlFor(path: string): string
  dataset: string
  token: string
  ids: readonly string[]
  fromTime?: string
}

/** Every transaction on `ids` since `fromTime`, oldest first; throws when it cannot read it all. */
export async function readHistoryLog(request: HistoryRequest): Promise<AuthoredWrite[]> {
  const writes: AuthoredWrite[] = []
  const ids = request.ids.map(encodeURIComponent).join(',')
  let from: string | undefined
  for (let page = 0; page < HISTORY_PAGES_MAX; page++) {
    const search = new URLSearchParams({
      effectFormat: 'mendoza',
      includeIdentifiedDocumentsOnly: 'true',
      limit: String(HISTORY_PAGE),
    })
    if (request.fromTime) search.set('fromTime', request.fromTime)
    if (from) search.set('fromTransaction', from)
    const url = request.urlFor(`/data/history/${request.dataset}/transactions/${ids}?${search}`)
    const response = await fetch(url, {
      headers: {Authorization: `Bearer ${request.token}`},
      cache: 'no-store',
    })
    if (!response.ok) throw new Error(`The history answered ${response.status}`)
    const lines = (await response.text())
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Json)
    // `fromTransaction` answers from that transaction on, itself included.
    const fresh = lines.filter((line) => line.id !== from)
    writes.push(...fresh.map(historyWrite))
    if (lines.length < HISTORY_PAGE) return writes
    if (fresh.length === 0) break
    from = String(lines.at(-1)!.id)
  }
  throw new Error('The history did not come to an end')
}
