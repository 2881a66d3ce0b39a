import {
  badRequest,
  draftId as toDraftId,
  isDraftId,
  isValidDocumentId,
  type LakeDocument,
} from '../core'
import {
  applyPatch,
  asTransactionError,
  type JsonObject,
  MutationFailure,
  type WorkingSet,
} from '../mutation'

/**
 * The Actions API (`/data/actions`), which the Studio uses to edit and publish: each action is
 * expressed as the plain mutations it amounts to, so the transaction log and listeners see the
 * same mutations the hosted API would report.
 */

type ActionHandler = (ws: WorkingSet, action: JsonObject) => void

const VERSIONS_PREFIX = 'versions.'

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function idField(action: JsonObject, field: string): string {
  const value = action[field]
  if (!isValidDocumentId(value)) {
    throw new MutationFailure(
      400,
      'invalidAction',
      `"${field}" must be a valid document id (got ${JSON.stringify(value)})`,
    )
  }
  return value
}

function draftField(action: JsonObject, field = 'draftId'): string {
  const id = idField(action, field)
  if (!isDraftId(id)) {
    throw new MutationFailure(
      400,
      'invalidAction',
      `"${field}" must be a draft id starting with "drafts." (got "${id}")`,
    )
  }
  return id
}

function publishedField(action: JsonObject, field = 'publishedId'): string {
  const id = idField(action, field)
  if (isDraftId(id)) {
    throw new MutationFailure(
      400,
      'invalidAction',
      `"${field}" must be a published id (got "${id}")`,
    )
  }
  return id
}

/**
 * The draft and published ids an action names, which must be the two halves of one document:
 * `drafts.X` and `X`. An action that names a draft of one document and the published version of
 * another would otherwise edit, publish over or unpublish the wrong one.
 */
function pairedIds(action: JsonObject): {draft: string; published: string} {
  const draft = draftField(action)
  const published = publishedField(action)
  if (draft !== toDraftId(published)) {
    throw new MutationFailure(
      400,
      'invalidAction',
      `"draftId" and "publishedId" must name the same document: "${draft}" is not the draft of "${published}" (expected "${toDraftId(published)}")`,
    )
  }
  return {draft, published}
}

function attributes(action: JsonObject, id: string): LakeDocument {
  const attrs = action.attributes ?? action.document
  if (!isObject(attrs) || typeof attrs._type !== 'string' || attrs._type === '') {
    throw new MutationFailure(400, 'invalidAction', 'The document attributes must include a _type')
  }
  return {...attrs, _id: id} as LakeDocument
}

function requireRevision(doc: LakeDocument | null, expected: unknown, id: string): void {
  if (expected === undefined || expected === null || expected === '') return
  if (doc?._rev !== expected) {
    throw new MutationFailure(
      409,
      'documentRevisionIDDoesNotMatchError',
      `Document "${id}" has unexpected revision ID ("${doc?._rev ?? 'none'}"), expected "${String(expected)}"`,
      id,
    )
  }
}

function copyAs(doc: LakeDocument, id: string): LakeDocument {
  return {...structuredClone(doc), _id: id}
}

/** A draft (`drafts.X`) or release version (`versions.<release>.X`) of the published `X`. */
function requireVersionOf(target: string, publishedId: string): void {
  const isVersion = target.startsWith(VERSIONS_PREFIX) && target.endsWith(`.${publishedId}`)
  if (target !== toDraftId(publishedId) && !isVersion) {
    throw new MutationFailure(
      400,
      'invalidAction',
      `"attributes._id" must be the draft of "${publishedId}" ("${toDraftId(publishedId)}") or one of its release versions (got "${target}")`,
    )
  }
}

const create: ActionHandler = (ws, action) => {
  const publishedId = publishedField(action)
  const target =
    isObject(action.attributes) && typeof action.attributes._id === 'string'
      ? idField(action.attributes, '_id')
      : toDraftId(publishedId)
  requireVersionOf(target, publishedId)
  if (ws.get(target) !== null) {
    if (action.ifExists === 'ignore') return
    throw new MutationFailure(
      409,
      'documentAlreadyExistsError',
      `Document by ID "${target}" already exists`,
      target,
    )
  }
  const doc = attributes(action, target)
  ws.put(target, doc, {create: doc})
}

const edit: ActionHandler = (ws, action) => {
  const {draft, published: publishedId} = pairedIds(action)
  if (!isObject(action.patch))
    throw new MutationFailure(400, 'invalidAction', 'An edit needs a "patch"')
  let doc = ws.get(draft)
  if (doc === null) {
    const published = ws.get(publishedId)
    if (published === null) {
      throw new MutationFailure(
        404,
        'documentNotFoundError',
        `Neither "${draft}" nor "${publishedId}" exists`,
        draft,
      )
    }
    doc = copyAs(published, draft)
    ws.put(draft, doc, {createIfNotExists: doc})
  }
  const patch = {...action.patch, id: draft}
  const result = applyPatch(doc, action.patch, draft)
  ws.put(draft, result, {patch})
}

const publish: ActionHandler = (ws, action) => {
  const {draft, published: publishedId} = pairedIds(action)
  const draftDoc = ws.get(draft)
  if (draftDoc === null) {
    throw new MutationFailure(
      409,
      'documentNotFoundError',
      `Cannot publish: the draft "${draft}" does not exist`,
      draft,
    )
  }
  requireRevision(draftDoc, action.ifDraftRevisionId, draft)
  requireRevision(ws.get(publishedId), action.ifPublishedRevisionId, publishedId)
  const published = copyAs(draftDoc, publishedId)
  ws.put(publishedId, published, {createOrReplace: published})
  ws.put(draft, null, {delete: {id: draft}})
}

const unpublish: ActionHandler = (ws, action) => {
  const {draft, published: publishedId} = pairedIds(action)
  const published = ws.get(publishedId)
  if (published === null) {
    throw new MutationFailure(
      409,
      'documentNotFoundError',
      `Cannot unpublish: "${publishedId}" is not published`,
      publishedId,
    )
  }
  if (ws.get(draft) === null) {
    const doc = copyAs(published, draft)
    ws.put(draft, doc, {createIfNotExists: doc})
  }
  ws.put(publishedId, null, {delete: {id: publishedId}})
}

/** Discarding removes a draft, never a published document: that is what `delete` and `unpublish` are for. */
const discard: ActionHandler = (ws, action) => {
  const draft = draftField(action)
  if (ws.get(draft) === null) {
    throw new MutationFailure(
      409,
      'documentNotFoundError',
      `Cannot discard: "${draft}" does not exist`,
      draft,
    )
  }
  ws.put(draft, null, {delete: {id: draft}})
}

const remove: ActionHandler = (ws, action) => {
  const publishedId = publishedField(action)
  const drafts = Array.isArray(action.includeDrafts) ? action.includeDrafts : []
  for (const id of drafts) {
    if (!isValidDocumentId(id))
      throw new MutationFailure(400, 'invalidAction', `Invalid draft id ${JSON.stringify(id)}`)
  }
  const draft = toDraftId(publishedId)
  if (ws.get(draft) !== null && !drafts.includes(draft)) {
    throw new MutationFailure(
      409,
      'invalidAction',
      `Cannot delete "${publishedId}": its draft "${draft}" exists and is not included`,
      draft,
    )
  }
  for (const id of [publishedId, ...(drafts as string[])]) {
    if (ws.get(id) !== null) ws.put(id, null, {delete: {id}})
  }
}

const replaceDraft: ActionHandler = (ws, action) => {
  const publishedId = publishedField(action)
  const target =
    isObject(action.attributes) && typeof action.attributes._id === 'string'
      ? draftField(action.attributes, '_id')
      : toDraftId(publishedId)
  requireVersionOf(target, publishedId)
  if (ws.get(target) === null && ws.get(publishedId) === null) {
    throw new MutationFailure(
      409,
      'documentNotFoundError',
      `Cannot replace a draft of "${publishedId}": it does not exist`,
      target,
    )
  }
  const doc = attributes(action, target)
  ws.put(target, doc, {createOrReplace: doc})
}

/** Discarding a release version removes that version only (`versions.<release>.<id>`). */
const versionDiscard: ActionHandler = (ws, action) => {
  const id = idField(action, 'versionId')
  if (!id.startsWith(VERSIONS_PREFIX)) {
    throw new MutationFailure(
      400,
      'invalidAction',
      `"versionId" must be a release version's id starting with "${VERSIONS_PREFIX}" (got "${id}")`,
    )
  }
  if (ws.get(id) === null) {
    throw new MutationFailure(
      409,
      'documentNotFoundError',
      `Cannot discard: "${id}" does not exist`,
      id,
    )
  }
  ws.put(id, null, {delete: {id}})
}

const versionCreate: ActionHandler = (ws, action) => {
  const publishedId = publishedField(action)
  const versionId =
    isObject(action.document) && typeof action.document._id === 'string'
      ? idField(action.document, '_id')
      : idField(action, 'versionId')
  if (ws.get(versionId) !== null) {
    throw new MutationFailure(
      409,
      'documentAlreadyExistsError',
      `Document by ID "${versionId}" already exists`,
      versionId,
    )
  }
  let doc: LakeDocument
  if (isObject(action.document)) {
    doc = attributes(action, versionId)
  } else {
    const base = ws.get(idField(action, 'baseId'))
    if (base === null)
      throw new MutationFailure(
        404,
        'documentNotFoundError',
        `The base of "${publishedId}" does not exist`,
      )
    requireRevision(base, action.ifBaseRevisionId, base._id)
    doc = copyAs(base, versionId)
  }
  ws.put(versionId, doc, {create: doc})
}

const versionReplace: ActionHandler = (ws, action) => {
  if (!isObject(action.document))
    throw new MutationFailure(400, 'invalidAction', 'A replace needs a "document"')
  const id = idField(action.document, '_id')
  if (ws.get(id) === null)
    throw new MutationFailure(
      409,
      'documentNotFoundError',
      `Cannot replace "${id}": it does not exist`,
      id,
    )
  const doc = attributes(action, id)
  ws.put(id, doc, {createOrReplace: doc})
}

const HANDLERS: Record<string, ActionHandler> = {
  'sanity.action.document.create': create,
  'sanity.action.document.edit': edit,
  'sanity.action.document.publish': publish,
  'sanity.action.document.unpublish': unpublish,
  'sanity.action.document.discard': discard,
  'sanity.action.document.delete': remove,
  'sanity.action.document.replaceDraft': replaceDraft,
  'sanity.action.document.version.create': versionCreate,
  'sanity.action.document.version.discard': versionDiscard,
  'sanity.action.document.version.replace': versionReplace,
}

export async function applyActions(ws: WorkingSet, actions: unknown): Promise<void> {
  if (!Array.isArray(actions) || actions.length === 0) {
    throw badRequest('The request body must have a non-empty "actions" array')
  }
  for (const [index, action] of actions.entries()) {
    await ws.checkpoint()
    try {
      if (!isObject(action) || typeof action.actionType !== 'string') {
        throw new MutationFailure(
          400,
          'invalidAction',
          'An action must be an object with an "actionType"',
        )
      }
      const handler = HANDLERS[action.actionType]
      if (!handler) {
        throw new MutationFailure(
          400,
          'invalidAction',
          `Unsupported action type "${action.actionType}"`,
        )
      }
      handler(ws, action)
    } catch (error) {
      throw asTransactionError(error, index, 'actionError')
    }
  }
}
