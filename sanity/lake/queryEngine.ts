import type {LakeDocument} from './documents'
import {evaluateQuery, type CompiledQuery, type EvaluationContext} from './groq'
import {applyPerspective, visibleDocuments, type Perspective} from './perspective'

/** Anything that evaluates a compiled query against a dataset's current documents. */
export interface QueryRunner {
  run(
    compiled: CompiledQuery,
    perspective: Perspective,
    authenticated: boolean,
    context: EvaluationContext,
  ): Promise<unknown>
}

/**
 * Runs GROQ queries over a dataset's current documents. The per-perspective views are computed
 * once per dataset state and reused until the next commit.
 */
export class QueryEngine implements QueryRunner {
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
  ): Promise<unknown> {
    return evaluateQuery(compiled, this.view(perspective, authenticated), context)
  }
}
