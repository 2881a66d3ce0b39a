import {type LakeRouteContext, requireUser} from './context'
import {badRequest} from '../core'
import {readJsonBody, sendJson} from './messages'

/**
 * `POST /data/mutate/:dataset`: Sanity's mutation API. The answer is sent only after the
 * transaction is on disk; `dryRun` computes the same answer without writing anything.
 */
export async function handleMutate(ctx: LakeRouteContext): Promise<void> {
  const dataset = ctx.lake.dataset(ctx.params.dataset)
  const user = requireUser(ctx)
  const body = await readJsonBody(ctx.req, ctx.res, ctx.lake.limits)
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('The request body must be an object with a "mutations" array')
  }
  const {mutations, transactionId} = body as {mutations?: unknown; transactionId?: unknown}
  const search = ctx.url.searchParams
  const flag = (name: string) => search.get(name) === 'true'

  const outcome = await dataset.transactMutations(
    {
      kind: 'mutate',
      author: user.id,
      request: {mutations},
      transactionId: transactionId ?? search.get('transactionId') ?? undefined,
      dryRun: flag('dryRun'),
    },
    mutations,
  )
  const {results} = outcome

  // A deleted document is answered with its last state, as the hosted API does
  const documentById = new Map(
    outcome.changes.map((change) => [change.id, change.after ?? change.before]),
  )
  const withDocuments = flag('returnDocuments')
  const response: Record<string, unknown> = {
    transactionId: outcome.transactionId,
    results: results.map((result) => {
      if (!withDocuments) return result
      const document = documentById.get(result.id) ?? dataset.store.get(result.id)
      return {...result, document: document ?? undefined}
    }),
  }
  if (flag('returnIds')) response.documentIds = [...new Set(results.map((result) => result.id))]
  sendJson(ctx.res, 200, response)
}
