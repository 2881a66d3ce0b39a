import {applyActions} from '../store'
import {type LakeRouteContext, requireUser} from './context'
import {badRequest} from '../core'
import {readJsonBody, sendJson} from './messages'

/** `POST /data/actions/:dataset`: answers `{transactionId}` once the transaction is on disk. */
export async function handleActions(ctx: LakeRouteContext): Promise<void> {
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const user = requireUser(ctx)
  const body = await readJsonBody(ctx.req, ctx.res, ctx.lake.limits)
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('The request body must be an object with an "actions" array')
  }
  const {actions, transactionId, dryRun} = body as {
    actions?: unknown
    transactionId?: unknown
    dryRun?: unknown
  }
  const outcome = await dataset.transact(
    {kind: 'actions', author: user.id, request: {actions}, transactionId, dryRun: dryRun === true},
    (ws) => applyActions(ws, actions),
  )
  sendJson(ctx.res, 200, {transactionId: outcome.transactionId})
}
