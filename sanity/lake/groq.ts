import {evaluate, parse, type ExprNode} from 'groq-js'

import {PROJECT_ID} from './config'
import type {LakeDocument} from './documents'
import {badRequest, queryParseError} from './errors'

/** GROQ parsing and evaluation with groq-js, shared by the HTTP process and the query workers. */

export interface CompiledQuery {
  query: string
  tree: ExprNode
}

function referencedParameters(node: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) referencedParameters(item, found)
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>
    if (record.type === 'Parameter' && typeof record.name === 'string') found.add(record.name)
    for (const value of Object.values(record)) referencedParameters(value, found)
  }
  return found
}

/** Parses a query, turning syntax errors and missing parameters into the lake's 400 errors. */
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
    throw queryParseError(query, 0, error instanceof Error ? error.message : String(error))
  }
  for (const name of referencedParameters(tree, new Set())) {
    if (!(name in params)) {
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
    sanity: {projectId: PROJECT_ID, dataset: context.dataset},
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
