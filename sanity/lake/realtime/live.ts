import {isDraftId, randomId} from '../core'
import type {CommittedTransaction, LakeDataset} from '../store'
import {startEventStream, type StreamRequest, writeChunk, writeEvent} from './eventStream'

/** Comments keep proxies and the browser from closing an idle stream. */
const KEEP_ALIVE_MS = 20_000

/**
 * Sanity's Live Content API (`/data/live/events/:dataset`), as the Studio's Presentation tool and
 * next-sanity's live mode use it: a `welcome` event, then a `restart` after each commit. Sanity can
 * name the sync tags a change touched; the lake does not tag its query results, so it asks
 * clients to fetch again, which is always correct, only less selective. `includeDrafts` streams
 * (signed-in clients only: the HTTP surface checks) also restart on changes to drafts.
 */
export function openLiveEvents(
  dataset: LakeDataset,
  request: StreamRequest,
  includeDrafts: boolean,
): void {
  const release = request.holdStream()

  const {req, res} = request
  startEventStream(res)
  const send = (event: string, data: unknown) => writeEvent(res, event, data, randomId(12))

  const onCommit = (tx: CommittedTransaction) => {
    // Draft-only changes concern only clients that asked for drafts.
    if (!includeDrafts && tx.changes.every((change) => isDraftId(change.id))) return
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
