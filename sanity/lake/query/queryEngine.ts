import type {LakeDocument} from '../core'
import {evaluateQuery, type CompiledQuery, type EvaluationContext} from './groq'
import {applyPerspective, visibleDocuments, type Perspective} from './perspective'

/** Query results above this size (in JSON characters) are refused rather than sent. */
export const MAX_RESULT_CHARS = 64 * 1024 * 1024

/** JSON text of a result, or a plain error when it is too large to send. */
export function resultJson(result: unknown): string {
  let json: string
  try {
    json = JSON.stringify(result ?? null)
  } catch (error) {
    if (error instanceof RangeError)
      throw new Error(
        'The query result is too large to send; narrow it with a filter, a projection or a slice',
      )
    throw error
  }
  if (json.length > MAX_RESULT_CHARS) {
    throw new Error(
      'The query result is too large to send; narrow it with a filter, a projection or a slice',
    )
  }
  return json
}

/**
 * Runs GROQ queries over a dataset's current documents. The per-perspective views are computed
 * once per dataset state and reused until the next commit.
 */
export class QueryEngine {
  private views = new Map<string, LakeDocument[]>()
  private generation = -1

  constructor(private readonly source: {seq: number; all(): Iterable<LakeDocument>}) {}

  view(perspective: Perspective, authenticated: boolean): LakeDocument[] {
    if (this.generation !== this.source.seq) {
      this.views.clear()
      this.generation = this.source.seq
    }
    const key = `${perspective}:${authenticated}`
    let docs = this.views.get(key)
    if (!docs) {
      docs = applyPerspective(visibleDocuments(this.source.all(), authenticated), perspective)
      this.views.set(key, docs)
    }
    return docs
  }

  async run(
    compiled: CompiledQuery,
    perspective: Perspective,
    authenticated: boolean,
    context: EvaluationContext,
  ): Promise<string> {
    return resultJson(await evaluateQuery(compiled, this.view(perspective, authenticated), context))
  }
}
