import {encodeSignatureHeader, SIGNATURE_HEADER_NAME} from '@sanity/webhook'
import {evaluate, parse, type ExprNode} from 'groq-js'

import {LAKE_DEFAULTS, LAKE_PROJECT_ID, type WebhookTarget} from '../../../lib/env'
import type {CommittedChange, CommittedTransaction, LakeDataset} from '../store'
import {isPrivateId, randomId, type LakeDocument} from '../core'

/**
 * GROQ-powered webhooks, delivered as Sanity delivers them: after a transaction is committed,
 * each changed document that matches a hook's filter is projected and POSTed, signed with the
 * hook's secret (the seed import at first start is not announced). Deliveries run in the background with retries; they never hold up or undo a
 * commit.
 */

export type WebhookOperation = 'create' | 'update' | 'delete'

const RETRY_DELAYS_MS = [0, 1_000, 5_000, 15_000]
const DELIVERY_TIMEOUT_MS = 10_000

interface CompiledHook {
  id: string
  target: WebhookTarget
  query: ExprNode
}

function operationOf(change: CommittedChange): WebhookOperation {
  return change.transition === 'appear'
    ? 'create'
    : change.transition === 'disappear'
      ? 'delete'
      : 'update'
}

function compile(target: WebhookTarget): CompiledHook {
  const filter = target.filter?.trim() || LAKE_DEFAULTS.webhookFilter
  const projection = target.projection?.trim() ?? ''
  try {
    return {
      id: `lake-${randomId(12)}`,
      target,
      query: parse(`*[${filter}]${projection}`, {mode: 'delta'}),
    }
  } catch (error) {
    throw new Error(
      `Webhook for ${target.url}: invalid filter or projection: ${(error as Error).message}`,
    )
  }
}

async function payloadFor(hook: CompiledHook, change: CommittedChange): Promise<unknown> {
  const doc = (change.after ?? change.before) as LakeDocument
  const value = await evaluate(hook.query, {
    dataset: [doc],
    before: change.before,
    after: change.after,
    sanity: {projectId: LAKE_PROJECT_ID, dataset: ''},
  })
  const result = await value.get()
  return Array.isArray(result) ? result[0] : undefined
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref())

export class WebhookDispatcher {
  private readonly hooks: CompiledHook[]
  private readonly pending = new Set<Promise<void>>()
  private readonly abort = new AbortController()

  constructor(
    private readonly dataset: LakeDataset,
    targets: WebhookTarget[],
    private readonly log: (line: string) => void,
  ) {
    this.hooks = targets.map(compile)
    if (this.hooks.length === 0) return
    dataset.on('commit', (tx) => {
      const delivery = this.dispatch(tx).catch((error: unknown) => {
        this.log(`webhook dispatch failed: ${(error as Error).message}`)
      })
      this.pending.add(delivery)
      void delivery.finally(() => this.pending.delete(delivery))
    })
  }

  get count(): number {
    return this.hooks.length
  }

  private async dispatch(tx: CommittedTransaction): Promise<void> {
    // The seed is imported before anything can listen for it
    if (tx.kind === 'import') return
    const deliveries: Promise<void>[] = []
    for (const change of tx.changes) {
      const operation = operationOf(change)
      for (const hook of this.hooks) {
        if (hook.target.on && !hook.target.on.includes(operation)) continue
        if (!hook.target.includeDrafts && isPrivateId(change.id)) continue
        const payload = await payloadFor(hook, change)
        if (payload === undefined) continue
        deliveries.push(this.deliver(hook, tx, change, operation, JSON.stringify(payload ?? null)))
      }
    }
    await Promise.all(deliveries)
  }

  private async deliver(
    hook: CompiledHook,
    tx: CommittedTransaction,
    change: CommittedChange,
    operation: WebhookOperation,
    body: string,
  ): Promise<void> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Sanity.io webhook delivery (embedded lake)',
      'idempotency-key': `${tx.id}#${change.id}#${hook.id}`,
      'sanity-webhook-id': hook.id,
      'sanity-project-id': LAKE_PROJECT_ID,
      'sanity-dataset': this.dataset.name,
      'sanity-document-id': change.id,
      'sanity-transaction-id': tx.id,
      'sanity-transaction-time': tx.timestamp,
      'sanity-operation': operation,
    }
    if (hook.target.secret) {
      headers[SIGNATURE_HEADER_NAME] = await encodeSignatureHeader(
        body,
        Date.now(),
        hook.target.secret,
      )
    }
    let lastProblem = ''
    for (const delay of RETRY_DELAYS_MS) {
      if (delay) await sleep(delay)
      if (this.abort.signal.aborted) return
      try {
        const response = await fetch(hook.target.url, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
        })
        await response.arrayBuffer().catch(() => undefined)
        if (response.ok) return
        lastProblem = `HTTP ${response.status}`
        // A 4xx other than 408/429 will not get better by retrying
        if (response.status < 500 && response.status !== 408 && response.status !== 429) break
      } catch (error) {
        if (this.abort.signal.aborted) return
        lastProblem = (error as Error).message
      }
    }
    this.log(
      `webhook to ${hook.target.url} for ${change.id} (${operation}) not delivered: ${lastProblem}`,
    )
  }

  /** Waits for deliveries in flight (tests use it), without waiting through retry pauses. */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending])
  }

  close(): void {
    this.abort.abort()
  }
}
