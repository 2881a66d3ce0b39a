import {
  badRequest,
  isValidDocumentId,
  type LakeDocument,
  LakeError,
  lakeError,
  randomId,
  transactionError,
} from '../core'
import {applyPatch, type JsonObject, MutationFailure, type PatchBody} from './patches'
import {type TouchedDocument, WorkingSet} from './workingSet'

/**
 * Sanity's mutation language (create, createOrReplace, createIfNotExists, delete, patch), applied
 * to a transaction's working set. Patches are checked and applied in `patches.ts`.
 */

export type MutationBody =
  | {create: JsonObject}
  | {createOrReplace: JsonObject}
  | {createIfNotExists: JsonObject}
  | {delete: {id?: string; query?: string; params?: JsonObject}}
  | {patch: PatchBody}

const MUTATION_TYPES = [
  'create',
  'createOrReplace',
  'createIfNotExists',
  'delete',
  'patch',
] as const
type MutationType = (typeof MUTATION_TYPES)[number]
export interface MutationResult {
  id: string
  operation: 'create' | 'update' | 'delete' | 'none'
}

/** Resolves a GROQ query (for query-targeted patches and deletes) to document ids. */
export type QueryResolver = (query: string, params: JsonObject) => Promise<string[]>

/** The ids of the documents a query returned (one document or a list), for a `QueryResolver`. */
export function idsInResult(result: unknown): string[] {
  const list = Array.isArray(result) ? result : [result]
  return list.flatMap((item) =>
    item !== null && typeof item === 'object' && typeof (item as {_id?: unknown})._id === 'string'
      ? [(item as {_id: string})._id]
      : [],
  )
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function mutationType(mutation: unknown): MutationType {
  if (!isObject(mutation))
    throw new MutationFailure(400, 'invalidMutation', 'A mutation must be an object')
  const keys = Object.keys(mutation)
  if (keys.length !== 1) {
    throw new MutationFailure(
      400,
      'invalidMutation',
      `A mutation must have exactly one of ${MUTATION_TYPES.join(', ')} (got ${keys.join(', ') || 'nothing'})`,
    )
  }
  const type = keys[0] as MutationType
  if (!MUTATION_TYPES.includes(type)) {
    throw new MutationFailure(400, 'invalidMutation', `Unknown mutation type "${keys[0]}"`)
  }
  if (!isObject(mutation[type])) {
    throw new MutationFailure(
      400,
      'invalidMutation',
      `The "${type}" mutation must have an object body`,
    )
  }
  return type
}

function requireId(id: unknown, what: string): string {
  if (!isValidDocumentId(id)) {
    throw new MutationFailure(
      400,
      'invalidDocumentId',
      id === undefined
        ? `${what} requires an _id`
        : `Document id ${JSON.stringify(id)} is not valid: use at most 128 letters, digits, "_", "-" and "." (not at the start or end)`,
    )
  }
  return id
}

/** Sanity-reserved types that clients may still write, as on Sanity: preview-URL secrets. */
const WRITABLE_RESERVED_TYPES = new Set(['sanity.previewUrlSecret', 'sanity.previewUrlShareAccess'])

function newDocument(body: JsonObject, what: string): LakeDocument {
  if (typeof body._type !== 'string' || body._type === '') {
    throw new MutationFailure(400, 'invalidDocument', `${what}: the document must have a _type`)
  }
  if (
    (body._type.startsWith('system.') || body._type.startsWith('sanity.')) &&
    !WRITABLE_RESERVED_TYPES.has(body._type)
  ) {
    throw new MutationFailure(
      403,
      'permissionDenied',
      `${what}: the type "${body._type}" is reserved`,
    )
  }
  return body as LakeDocument
}

/** `create` may leave the id out, or end it with `.` to ask for a generated id under a path. */
function idForCreate(body: JsonObject): string {
  const id = body._id
  if (id === undefined || id === '') return randomId()
  if (typeof id === 'string' && id.endsWith('.')) return requireId(`${id}${randomId()}`, 'create')
  return requireId(id, 'create')
}

async function targets(
  body: {id?: unknown; query?: unknown; params?: unknown},
  what: string,
  resolve: QueryResolver,
): Promise<string[]> {
  if (body.id !== undefined) return [requireId(body.id, what)]
  if (typeof body.query === 'string') {
    return resolve(body.query, isObject(body.params) ? body.params : {})
  }
  throw new MutationFailure(400, 'invalidMutation', `${what} requires an "id" or a "query"`)
}

async function applyOne(
  ws: WorkingSet,
  mutation: unknown,
  resolve: QueryResolver,
): Promise<MutationResult[]> {
  const type = mutationType(mutation)
  const body = (mutation as Record<MutationType, JsonObject>)[type]
  switch (type) {
    case 'create': {
      const id = idForCreate(body)
      const doc = newDocument({...body, _id: id}, 'create')
      if (ws.get(id) !== null) {
        throw new MutationFailure(
          409,
          'documentAlreadyExistsError',
          `Document by ID "${id}" already exists`,
          id,
        )
      }
      ws.put(id, doc, {create: doc})
      return [{id, operation: 'create'}]
    }
    case 'createOrReplace': {
      const id = requireId(body._id, 'createOrReplace')
      const doc = newDocument(body, 'createOrReplace')
      const operation = ws.get(id) === null ? 'create' : 'update'
      ws.put(id, doc, {createOrReplace: doc})
      return [{id, operation}]
    }
    case 'createIfNotExists': {
      const id = requireId(body._id, 'createIfNotExists')
      const doc = newDocument(body, 'createIfNotExists')
      if (ws.get(id) !== null) return [{id, operation: 'none'}]
      ws.put(id, doc, {createIfNotExists: doc})
      return [{id, operation: 'create'}]
    }
    case 'delete': {
      const results: MutationResult[] = []
      for (const id of await targets(body, 'delete', resolve)) {
        if (ws.get(id) !== null) ws.put(id, null, {delete: {id}})
        results.push({id, operation: 'delete'})
      }
      return results
    }
    case 'patch': {
      const patch = body as PatchBody
      const ids = await targets(patch, 'patch', resolve)
      const results: MutationResult[] = []
      for (const id of ids) {
        await ws.checkpoint()
        const doc = ws.get(id)
        if (doc === null) {
          // A query patch only touches what it found; an id patch needs its document
          if (patch.id !== undefined) {
            throw new MutationFailure(
              404,
              'documentNotFoundError',
              `Document "${id}" not found`,
              id,
            )
          }
          continue
        }
        if (patch.ifRevisionID !== undefined) {
          const stored = ws.original(id)
          if (stored === null || stored._rev !== patch.ifRevisionID) {
            throw new MutationFailure(
              409,
              'documentRevisionIDDoesNotMatchError',
              `Document "${id}" has unexpected revision ID ("${stored?._rev ?? 'none'}"), expected "${patch.ifRevisionID}"`,
              id,
            )
          }
        }
        const {query: _q, params: _p, ...resolved} = patch
        ws.put(id, applyPatch(doc, patch, id), {patch: {...resolved, id}})
        results.push({id, operation: 'update'})
      }
      return results
    }
  }
}

/**
 * Applies a transaction's mutations in order. The first failing mutation fails the whole
 * transaction with a Sanity-shaped `mutationError` naming it.
 */
export async function applyMutations(
  ws: WorkingSet,
  mutations: unknown,
  resolve: QueryResolver,
): Promise<MutationResult[]> {
  if (!Array.isArray(mutations) || mutations.length === 0) {
    throw badRequest('The request body must have a non-empty "mutations" array')
  }
  const results: MutationResult[] = []
  for (const [index, mutation] of mutations.entries()) {
    await ws.checkpoint()
    try {
      results.push(...(await applyOne(ws, mutation, resolve)))
    } catch (error) {
      throw asTransactionError(error, index, 'mutationError')
    }
  }
  return results
}

export function asTransactionError(
  error: unknown,
  index: number,
  kind: 'mutationError' | 'actionError',
): LakeError {
  if (error instanceof MutationFailure) {
    return transactionError(
      error.statusCode,
      `${kind === 'actionError' ? 'The action(s) failed' : 'The mutation(s) failed'}: ${error.message}`,
      [{index, id: error.id, description: error.message, type: error.type}],
      kind,
    )
  }
  if (error instanceof LakeError) return error
  return lakeError(500, 'internalError', error instanceof Error ? error.message : String(error))
}

/** A transaction's mutations applied, nothing written yet: what each touched document becomes. */
export interface BuiltTransaction {
  results: MutationResult[]
  /** Every mutation as applied, in order, with query targets resolved to ids. */
  appliedMutations: unknown[]
  /** Each touched document as the mutations leave it, before the commit stamps it. */
  touched: TouchedDocument[]
  /** What the mutations depended on: the stored revision of each document read (null: none)… */
  read: Record<string, string | null>
  /** …and whether a query chose their targets. */
  queried: boolean
}

/**
 * Applies a transaction's mutations to the documents `source` holds, writing nothing: a query
 * worker does this with its copy of the dataset (`LakeDataset.transactMutations`), so that
 * thousands of patches on a large document never hold the thread that answers everyone.
 */
export async function buildMutations(
  source: {get(id: string): LakeDocument | null},
  mutations: unknown,
  resolve: QueryResolver,
  transaction: {id: string; timeLimitMs: number},
): Promise<BuiltTransaction> {
  // Stamped with its time when committed
  const ws = new WorkingSet(source, transaction.id, '', transaction.timeLimitMs)
  let queried = false
  const results = await applyMutations(ws, mutations, (query, params) => {
    queried = true
    return resolve(query, params)
  })
  return {
    results,
    appliedMutations: ws.appliedMutations,
    touched: ws.touched(),
    read: ws.readRevisions(),
    queried,
  }
}
