import {type LakeRouteContext, requireUser, seesPrivate} from './context'
import {type LakeDataset, type RevisionRecord} from '../store'
import {
  badRequest,
  draftId,
  isDraftId,
  isPrivateId,
  type LakeDocument,
  lakeError,
  lakeTimestamp,
  publishedId,
} from '../core'
import {sendJson} from './messages'
import type {ExportSpec, TransactionsSpec} from './ndjsonAnswers'
import {requestedIds} from './queryRoutes'

/**
 * The history API the Studio's history inspector and "Review changes" use: documents at a
 * revision or a time, the transaction log as NDJSON with mendoza effects, and the document
 * events (created, published, unpublished, discarded, deleted) derived from that log.
 */

function idsParam(ctx: LakeRouteContext, raw: string | undefined): string[] {
  return requestedIds(raw, ctx.lake.limits.maxIdsPerRequest)
}

/** The other half of a draft/published pair; none for other paths (`versions.`, ...). */
function pairedId(id: string): string | undefined {
  if (isDraftId(id)) return publishedId(id)
  return isPrivateId(id) ? undefined : draftId(id)
}

/**
 * `GET /data/history/:dataset/documents/:ids` with `?revision=<tx>`, `?time=<ISO date>` or
 * `?lastRevision=true`: each document as it was then, in the order asked.
 *
 * The Studio treats a draft and its published document as one document and may ask for either
 * id at a revision of the other: after a publish, "Review changes" asks for the draft at the
 * revision that last published the document. When the id asked for did not exist at that point
 * and the revision belongs to the other half of its pair (or, for a time, the other half existed
 * then), the other half answers with its own id, unless it was asked for too.
 */
export function handleDocumentsAt(ctx: LakeRouteContext): void {
  requireUser(ctx)
  const {store} = ctx.lake.dataset(ctx.params.dataset)
  const ids = idsParam(ctx, ctx.params.ids)
  const search = ctx.url.searchParams
  const revision = search.get('revision')
  const time = search.get('time')
  const lastRevision = search.get('lastRevision') === 'true'
  if ([revision, time, lastRevision].filter(Boolean).length !== 1) {
    throw badRequest('Give one of "revision", "time" or "lastRevision=true"')
  }

  let stateOf: (id: string) => LakeDocument | null
  let pairAnswers: (id: string) => boolean = () => false
  if (revision) {
    const seq = store.transactionSeq(revision)
    if (seq === undefined) throw lakeError(404, 'notFound', `Revision "${revision}" not found`)
    const touched = new Set(store.revisionsOfTransaction(revision).map((r) => r.documentId))
    stateOf = (id) => store.revisionBefore(id, seq + 1)?.document ?? null
    pairAnswers = (id) => touched.has(id)
  } else if (time) {
    const at = new Date(time)
    if (Number.isNaN(at.getTime())) throw badRequest(`"time" must be an ISO date (got "${time}")`)
    stateOf = (id) => store.documentAtTime(id, lakeTimestamp(at))?.document ?? null
    pairAnswers = () => true
  } else {
    stateOf = (id) => store.lastExistingRevision(id)?.document ?? null
  }

  const documents: LakeDocument[] = []
  for (const id of ids) {
    const own = stateOf(id)
    if (own) {
      documents.push(own)
      continue
    }
    const paired = pairedId(id)
    if (paired === undefined || ids.includes(paired) || !pairAnswers(paired)) continue
    const other = stateOf(paired)
    if (other) documents.push(other)
  }
  sendJson(ctx.res, 200, {documents})
}

/**
 * `GET /data/history/:dataset/transactions/:ids`: the transaction log as NDJSON. Its parameters
 * are checked here (a 400 or 404 before anything is written); the lines, with their effects, are
 * made in a worker (`ndjsonStreams.ts`), a chunk each time the client has read the one before.
 */
export async function handleTransactions(ctx: LakeRouteContext): Promise<void> {
  requireUser(ctx)
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const search = ctx.url.searchParams
  const ids = idsParam(ctx, ctx.params.ids)
  const flag = (name: string, fallback: boolean) => {
    const value = search.get(name)
    return value === null ? fallback : value === 'true'
  }
  const seqOf = (name: string): number | undefined => {
    const id = search.get(name)
    if (!id) return undefined
    const seq = dataset.store.transactionSeq(id)
    if (seq === undefined) throw lakeError(404, 'notFound', `Transaction "${id}" not found`)
    return seq
  }
  const limit = search.has('limit') ? Number(search.get('limit')) : undefined
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw badRequest('"limit" must be a positive whole number')
  }
  const fromTime = timeParam(search, 'fromTime')
  const toTime = timeParam(search, 'toTime')
  const authors = search.get('authors')?.split(',').filter(Boolean)
  const reverse = flag('reverse', false)
  const identifiedOnly = flag('includeIdentifiedDocumentsOnly', false) && ids.length > 0
  const withContent = !flag('excludeContent', false)
  const withEffects = search.get('effectFormat') === 'mendoza'

  const spec: TransactionsSpec = {
    kind: 'transactions',
    ids,
    fromSeq: seqOf('fromTransaction'),
    toSeq: seqOf('toTransaction'),
    fromTime,
    toTime,
    authors,
    reverse,
    limit,
    identifiedOnly,
    withContent,
    withEffects,
  }
  await ctx.lake.ndjsonStreams.stream(ctx.res, ctx.client, dataset.store.file, spec)
}

/** A time parameter in the log's own format, so that times compare as strings. */
function timeParam(search: URLSearchParams, name: string): string | undefined {
  const raw = search.get(name)
  if (!raw) return undefined
  const date = new Date(raw)
  if (Number.isNaN(date.getTime())) throw badRequest(`"${name}" must be an ISO date (got "${raw}")`)
  return lakeTimestamp(date)
}

type DocumentEvent = Record<string, unknown> & {type: string; timestamp: string; seq: number}

/** Turns the revisions of a document and its draft into the Studio's document events. */
export function documentEvents(dataset: LakeDataset, id: string): DocumentEvent[] {
  const published = publishedId(id)
  const draft = draftId(published)
  const bySeq = new Map<number, {published?: RevisionRecord; draft?: RevisionRecord}>()
  for (const record of dataset.store.revisions(published)) {
    bySeq.set(record.seq, {...bySeq.get(record.seq), published: record})
  }
  for (const record of dataset.store.revisions(draft)) {
    bySeq.set(record.seq, {...bySeq.get(record.seq), draft: record})
  }
  const events: DocumentEvent[] = []
  for (const [seq, {published: pub, draft: dr}] of [...bySeq].sort(([a], [b]) => a - b)) {
    const tx = pub ?? dr
    if (!tx) continue
    const base = {seq, timestamp: tx.timestamp, author: tx.author, documentId: published}
    if (pub && pub.transition !== 'disappear') {
      events.push({
        ...base,
        type: 'publishDocumentVersion',
        revisionId: tx.transactionId,
        versionId: draft,
        versionRevisionId:
          dr?.transition === 'disappear' ? (dr.previousRev ?? undefined) : undefined,
        publishCause: 'document.publish',
      })
      continue
    }
    if (pub?.transition === 'disappear') {
      if (dr?.transition === 'appear') {
        events.push({
          ...base,
          type: 'unpublishDocument',
          versionId: draft,
          versionRevisionId: tx.transactionId,
        })
      } else {
        events.push({...base, type: 'deleteDocumentGroup'})
      }
      continue
    }
    if (dr?.transition === 'appear') {
      events.push({
        ...base,
        type: 'createDocumentVersion',
        versionId: draft,
        versionRevisionId: tx.transactionId,
      })
    } else if (dr?.transition === 'disappear') {
      events.push({
        ...base,
        type: 'deleteDocumentVersion',
        versionId: draft,
        versionRevisionId: dr.previousRev ?? tx.transactionId,
      })
    }
  }
  return events.reverse()
}

/** `GET /data/history/:dataset/events/documents/:id?limit=&nextCursor=`, newest first. */
export function handleDocumentEvents(ctx: LakeRouteContext): void {
  requireUser(ctx)
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const [id] = idsParam(ctx, ctx.params.id)
  if (!id) throw badRequest('A document id is required')
  const limit = Math.min(Math.max(Number(ctx.url.searchParams.get('limit') ?? 100) || 100, 1), 1000)
  const cursor = Number(ctx.url.searchParams.get('nextCursor') ?? '') || Infinity
  const all = documentEvents(dataset, id).filter((event) => event.seq < cursor)
  const page = all.slice(0, limit)
  const last = page[page.length - 1]
  sendJson(ctx.res, 200, {
    events: {[id]: page.map(({seq: _seq, ...event}) => event)},
    nextCursor: all.length > limit && last ? String(last.seq) : '',
  })
}

/**
 * `GET /data/export/:dataset`: every document the caller may read, as NDJSON, sorted by id, read
 * from the store a page at a time in a worker (`ndjsonStreams.ts`).
 */
export async function handleExport(ctx: LakeRouteContext): Promise<void> {
  const {store} = ctx.lake.dataset(ctx.params.dataset)
  const types = ctx.url.searchParams.get('types')?.split(',').filter(Boolean)
  const spec: ExportSpec = {kind: 'export', types, everything: seesPrivate(ctx)}
  await ctx.lake.ndjsonStreams.stream(ctx.res, ctx.client, store.file, spec)
}
