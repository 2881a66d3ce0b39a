import {openLiveEvents, type StreamRequest} from '../realtime'
import {type LakeRouteContext, requireUser} from './context'

/** `GET /data/listen/:dataset` and `GET /data/live/events/:dataset`: the event streams. */

function streamRequest(ctx: LakeRouteContext): StreamRequest {
  return {
    req: ctx.req,
    res: ctx.res,
    search: ctx.url.searchParams,
    user: ctx.user,
    holdStream: () => ctx.lake.holdStream(ctx.user),
  }
}

export function handleListen(ctx: LakeRouteContext): Promise<void> {
  return ctx.lake.listenerHub(ctx.params.dataset).open(streamRequest(ctx))
}

export function handleLiveEvents(ctx: LakeRouteContext): void {
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const includeDrafts = ctx.url.searchParams.get('includeDrafts') === 'true'
  if (includeDrafts) requireUser(ctx)
  openLiveEvents(dataset, streamRequest(ctx), includeDrafts)
}
