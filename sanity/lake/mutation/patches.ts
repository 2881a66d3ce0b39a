import {extractWithPath, Mutation} from '@sanity/mutator'

import type {LakeDocument} from '../core'

/**
 * Patches (`set`, `unset`, `inc`, …), applied with `@sanity/mutator`, the same code the Studio uses
 * to apply them locally. The mutator skips what it cannot apply without a word (a broken path, an
 * `inc` on text, `set: null`), so a patch is checked first and refused whole when any part of it
 * would not do what it says: a client is told, and nothing is stored.
 */

export type JsonObject = Record<string, unknown>

export interface PatchBody extends JsonObject {
  id?: string
  query?: string
  params?: JsonObject
  ifRevisionID?: string
}

/** A patch that cannot be applied as written; the mutation or action carrying it fails. */
export class MutationFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
    readonly id?: string,
  ) {
    super(message)
  }
}

const OPERATIONS = [
  'set',
  'setIfMissing',
  'unset',
  'inc',
  'dec',
  'insert',
  'diffMatchPatch',
] as const
const TARGETING = new Set(['id', 'query', 'params', 'ifRevisionID'])

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const NAME = String.raw`[A-Za-z_$][\w$-]*`
const QUOTED = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`
const INDEX = String.raw`-?\d+`
const SLICE = String.raw`(?:-?\d+)?:(?:-?\d+)?`
const CONSTRAINT = String.raw`${NAME}\s*==\s*(?:${QUOTED}|-?\d+(?:\.\d+)?|true|false|null)`
const BRACKET = String.raw`\[\s*(?:${SLICE}|${INDEX}|${QUOTED}|${CONSTRAINT})\s*\]`
/**
 * The paths patches use: attribute names joined by dots, array indexes and slices, quoted
 * attribute names and `_key` (or other attribute) constraints, e.g.
 * `body.fr[_key=="a1"].children[0].text`.
 */
const PATH = new RegExp(String.raw`^(?:${NAME}|${BRACKET})(?:\.${NAME}|${BRACKET})*$`)
/** A path of attribute names only: after a `set`, it must hold the value set. */
const PLAIN_PATH = new RegExp(String.raw`^${NAME}(?:\.${NAME})*$`)

function fail(id: string, message: string): never {
  throw new MutationFailure(400, 'invalidPatch', `Patch on "${id}": ${message}`, id)
}

function checkPath(id: string, operation: string, path: unknown): string {
  if (typeof path !== 'string' || path.length > 1024 || !PATH.test(path)) {
    fail(id, `"${operation}" has a path that cannot be read: ${JSON.stringify(path).slice(0, 200)}`)
  }
  return path
}

function pathMap(id: string, operation: string, value: unknown): [string, unknown][] {
  if (!isObject(value)) {
    fail(id, `"${operation}" must be an object of paths and values (got ${JSON.stringify(value)})`)
  }
  const entries = Object.entries(value)
  if (entries.length === 0) fail(id, `"${operation}" names no path`)
  return entries.map(([path, item]) => [checkPath(id, operation, path), item])
}

/** The values a path designates in a document (none when it leads nowhere). */
function valuesAt(path: string, doc: LakeDocument): unknown[] {
  return extractWithPath(path, doc).map((match) => match.value)
}

function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
}

/** Refuses a patch that is malformed or that would not do what it says on this document. */
function checkPatch(doc: LakeDocument, patch: PatchBody, id: string): void {
  for (const key of Object.keys(patch)) {
    if (!TARGETING.has(key) && !(OPERATIONS as readonly string[]).includes(key)) {
      throw new MutationFailure(400, 'invalidPatch', `Unknown patch operation "${key}"`, id)
    }
  }
  if (!OPERATIONS.some((operation) => patch[operation] !== undefined)) {
    fail(id, `a patch needs at least one of ${OPERATIONS.join(', ')}`)
  }
  if (patch.ifRevisionID !== undefined && typeof patch.ifRevisionID !== 'string') {
    fail(id, '"ifRevisionID" must be a revision id')
  }
  for (const operation of ['set', 'setIfMissing'] as const) {
    if (patch[operation] !== undefined) pathMap(id, operation, patch[operation])
  }
  for (const operation of ['inc', 'dec'] as const) {
    if (patch[operation] === undefined) continue
    for (const [path, amount] of pathMap(id, operation, patch[operation])) {
      if (typeof amount !== 'number' || !Number.isFinite(amount)) {
        fail(id, `"${operation}" on "${path}" needs a number (got ${JSON.stringify(amount)})`)
      }
      for (const value of valuesAt(path, doc)) {
        if (typeof value !== 'number') {
          fail(
            id,
            `"${operation}" on "${path}" needs a number there, and it holds ${kindOf(value)}`,
          )
        }
      }
    }
  }
  if (patch.diffMatchPatch !== undefined) {
    for (const [path, text] of pathMap(id, 'diffMatchPatch', patch.diffMatchPatch)) {
      if (typeof text !== 'string') fail(id, `"diffMatchPatch" on "${path}" needs a patch text`)
      for (const value of valuesAt(path, doc)) {
        if (typeof value !== 'string') {
          fail(id, `"diffMatchPatch" on "${path}" needs text there, and it holds ${kindOf(value)}`)
        }
      }
    }
  }
  if (patch.unset !== undefined) {
    if (!Array.isArray(patch.unset) || patch.unset.length === 0) {
      fail(id, '"unset" must be a list of paths')
    }
    for (const path of patch.unset) checkPath(id, 'unset', path)
  }
  if (patch.insert !== undefined) {
    const insert = patch.insert
    if (!isObject(insert)) fail(id, '"insert" must be an object')
    const positions = (['before', 'after', 'replace'] as const).filter(
      (position) => insert[position] !== undefined,
    )
    if (positions.length !== 1) {
      fail(id, '"insert" needs exactly one of "before", "after" or "replace"')
    }
    checkPath(id, 'insert', insert[positions[0] as string])
    if (!Array.isArray(insert.items)) fail(id, '"insert" needs an "items" list')
    const unknown = Object.keys(insert).filter((key) => key !== 'items' && key !== positions[0])
    if (unknown.length > 0) fail(id, `"insert" does not take ${unknown.join(', ')}`)
  }
}

/** Refuses a result in which a `set` or `setIfMissing` on a plain path did not land. */
function checkApplied(result: LakeDocument, patch: PatchBody, id: string): void {
  for (const operation of ['set', 'setIfMissing'] as const) {
    const entries =
      patch[operation] === undefined ? [] : Object.entries(patch[operation] as JsonObject)
    for (const [path, value] of entries) {
      if (!PLAIN_PATH.test(path)) continue
      const found = valuesAt(path, result)
      const landed =
        found.length === 1 &&
        (operation === 'setIfMissing' || JSON.stringify(found[0]) === JSON.stringify(value))
      if (!landed) {
        fail(id, `"${operation}" cannot reach "${path}": part of that path is not an object`)
      }
    }
  }
  // As on Sanity, an insert aimed at a list that is not there is an error, not a quiet no-op
  // (a list made by the same patch's setIfMissing counts: it is there when the insert applies).
  if (isObject(patch.insert)) {
    const insert = patch.insert
    const target = ['before', 'after', 'replace'].map((position) => insert[position]).find(Boolean)
    const list = typeof target === 'string' ? /^(.*)\[[^\]]*\]$/.exec(target)?.[1] : undefined
    if (!list || !valuesAt(list, result).some(Array.isArray)) {
      fail(id, `"insert" cannot reach "${String(target)}": there is no list there`)
    }
  }
}

/**
 * Applies one patch to a document, returning the patched document; the one given is left as it
 * was (the mutator copies only what it changes), so no copy of a large document is made per patch.
 * Used by mutations and by the edit action.
 */
export function applyPatch(doc: LakeDocument, patch: PatchBody, id: string): LakeDocument {
  checkPatch(doc, patch, id)
  const {query: _query, params: _params, ifRevisionID: _rev, ...operations} = patch
  let result: LakeDocument | null
  try {
    result = new Mutation({mutations: [{patch: {...operations, id}}]}).apply(
      doc,
    ) as LakeDocument | null
  } catch (error) {
    fail(id, error instanceof Error ? error.message : String(error))
  }
  if (result === null || result._id !== id) {
    throw new MutationFailure(
      400,
      'invalidPatch',
      `A patch cannot change or remove _id of "${id}"`,
      id,
    )
  }
  if (result._type !== doc._type) {
    throw new MutationFailure(
      400,
      'invalidPatch',
      `A patch cannot change or remove _type of "${id}"; replace the document to change its type`,
      id,
    )
  }
  checkApplied(result, patch, id)
  return result
}
