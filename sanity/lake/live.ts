import {requireUser, type LakeRouteContext} from './context'
import {randomId} from './documents'
import {writeChunk} from './http'
import type {CommittedTransaction} from './storage'

/** Comments keep proxies and the browser from closing an idle stream. */
const KEEP_ALIVE_MS = 20_000

/**
 * Sanity's Live Content API (`/data/live/events/:dataset`), as the Studio's Presentation tool and
 * next-sanity's live mode use it: a `welcome` event, then a `restart` after each commit. Sanity can
 * name the sync tags a change touched; the lake does not tag its query results, so it asks
 * clients to fetch again, which is always correct, only less selective.
 */
export function openLiveEvents(ctx: LakeRouteContext): void {
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const includeDrafts = ctx.url.searchParams.get('includeDrafts') === 'true'
  if (includeDrafts) requireUser(ctx)
  const release = ctx.lake.holdStream(ctx.user)

  const {req, res} = ctx
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
  })
  const send = (event: string, data: unknown) =>
    writeChunk(res, `id: ${randomId(12)}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`)

  const onCommit = (tx: CommittedTransaction) => {
    // Draft-only changes concern only clients that asked for drafts.
    if (!includeDrafts && tx.changes.every((change) => change.id.startsWith('drafts.'))) return
    send('restart', {id: tx.id})
  }
  dataset.on('commit', onCommit)
  const keepAlive = setInterval(() => writeChunk(res, ': keep-alive\n\n'), KEEP_ALIVE_MS)
  keepAlive.unref()
  const close = () => {
    clearInterval(keepAlive)
    dataset.off('commit', onCommit)
    release()
  }
  req.on('close', close)
  res.on('error', close)
  send('welcome', {})
}
