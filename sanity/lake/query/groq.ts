import {evaluate, parse, type ExprNode} from 'groq-js'

import {LAKE_PROJECT_ID} from '../../../lib/env'
import {badRequest, type LakeDocument, queryParseError} from '../core'

/** GROQ parsing and evaluation with groq-js, for the query workers (never the thread answering requests). */

export interface CompiledQuery {
  query: string
  tree: ExprNode
}

/**
 * How deeply a parsed query may nest. groq-js evaluates recursively, so a query nested thousands
 * of levels deep (`1+1+…+1`) would exhaust the stack; real queries stay under a few dozen.
 */
export const MAX_QUERY_NESTING = 256

function treeDepthExceeds(tree: ExprNode, limit: number): boolean {
  const stack: [unknown, number][] = [[tree, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number]
    if (node === null || typeof node !== 'object') continue
    if (depth > limit) return true
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
  return false
}

function referencedParameters(tree: ExprNode): Set<string> {
  const found = new Set<string>()
  const stack: unknown[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null || typeof node !== 'object') continue
    const record = node as Record<string, unknown>
    if (record.type === 'Parameter' && typeof record.name === 'string') found.add(record.name)
    stack.push(...(Array.isArray(node) ? node : Object.values(record)))
  }
  return found
}

/**
 * Parses a query, turning syntax errors and missing parameters into the lake's 400 errors. Runs in
 * the query workers only: parsing can take time that grows with the square of a query's length,
 * and there it is bounded by the workers' time limit.
 */
export function compileQuery(query: unknown, params: Record<string, unknown>): CompiledQuery {
  if (typeof query !== 'string' || query.trim() === '') {
    throw badRequest('The "query" parameter is required and must be a GROQ query string')
  }
  let tree: ExprNode
  try {
    tree = parse(query, {params})
  } catch (error) {
    if (error instanceof Error && 'position' in error && typeof error.position === 'number') {
      const description = error.message.replace(/^Syntax error in GROQ query at position \d+: /, '')
      throw queryParseError(query, error.position, description)
    }
    const description =
      error instanceof RangeError
        ? 'The query is nested too deeply to be read'
        : error instanceof Error
          ? error.message
          : String(error)
    throw queryParseError(query, 0, description)
  }
  if (treeDepthExceeds(tree, MAX_QUERY_NESTING)) {
    throw queryParseError(
      query,
      0,
      `The query nests more than ${MAX_QUERY_NESTING} expressions deep; simplify it`,
    )
  }
  for (const name of referencedParameters(tree)) {
    // Own properties only: `$constructor` or `$toString` are not parameters anyone provided
    if (!Object.hasOwn(params, name)) {
      throw queryParseError(
        query,
        Math.max(0, query.indexOf(`$${name}`)),
        `param $${name} referenced, but not provided`,
      )
    }
  }
  return {query, tree}
}

export interface EvaluationContext {
  dataset: string
  params: Record<string, unknown>
  identity?: string
  timestamp?: Date
}

export async function evaluateQuery(
  compiled: CompiledQuery,
  documents: LakeDocument[],
  context: EvaluationContext,
): Promise<unknown> {
  const value = await evaluate(compiled.tree, {
    dataset: documents,
    params: context.params,
    identity: context.identity,
    timestamp: context.timestamp,
    sanity: {projectId: LAKE_PROJECT_ID, dataset: context.dataset},
  })
  return value.get()
}

/** Whether one document (or `null`) matches a `*[filter]` query, as listeners and webhooks test it. */
export async function matchesFilter(
  compiled: CompiledQuery,
  document: LakeDocument | null,
  params: Record<string, unknown> = {},
): Promise<boolean> {
  if (document === null) return false
  const result = await evaluateQuery(compiled, [document], {dataset: '', params})
  return Array.isArray(result) ? result.length > 0 : Boolean(result)
}
