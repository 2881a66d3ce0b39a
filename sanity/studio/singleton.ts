import type {DocumentActionsResolver, NewDocumentOptionsResolver, TemplateResolver} from 'sanity'

/** Types with exactly one document, opened from the desk rather than created. */
const SINGLETON_TYPES = new Set(['policy'])

/** Types whose documents come from a workflow, not from the "Create" menu. */
const NOT_CREATED_BY_HAND = new Set([...SINGLETON_TYPES, 'policyVersion'])

/** What an editor may do to a singleton: edit and publish it, never duplicate, unpublish or delete it. */
const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore'])

export const templates: TemplateResolver = (prev) =>
  prev.filter(({schemaType}) => !SINGLETON_TYPES.has(schemaType))

export const newDocumentOptions: NewDocumentOptionsResolver = (prev, {creationContext}) =>
  creationContext.type === 'global'
    ? prev.filter(({templateId}) => !NOT_CREATED_BY_HAND.has(templateId))
    : prev

export const documentActions: DocumentActionsResolver = (prev, {schemaType}) =>
  SINGLETON_TYPES.has(schemaType)
    ? prev.filter(({action}) => action !== undefined && SINGLETON_ACTIONS.has(action))
    : prev
