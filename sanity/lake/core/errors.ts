/**
 * Errors shaped like the Content Lake's, so that `@sanity/client` builds the same messages and
 * `details` from them as it does against Sanity's hosted API.
 */

export type LakeErrorBody =
  | {error: {description: string; type: string; [key: string]: unknown}; statusCode?: number}
  | {error: string; message: string; statusCode: number}

export class LakeError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: LakeErrorBody,
    message?: string,
    /** Headers to send with the error, e.g. `retry-after` with a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(
      message ??
        (typeof body.error === 'string'
          ? `${body.error} - ${'message' in body ? body.message : ''}`
          : body.error.description),
    )
    this.name = 'LakeError'
  }
}

/** The ordinary `{error: {description, type}}` error the lake sends for data API problems. */
export function lakeError(
  statusCode: number,
  type: string,
  description: string,
  extra: Record<string, unknown> = {},
): LakeError {
  return new LakeError(statusCode, {error: {description, type, ...extra}, statusCode})
}

/** Errors in the style of the API gateway: `{statusCode, error, message}`. */
export function httpError(statusCode: number, error: string, message: string): LakeError {
  return new LakeError(statusCode, {statusCode, error, message})
}

/**
 * The lake is busy for this kind of client: the request was not started and may be sent again
 * after `retryAfterSeconds` (`@sanity/client` retries queries that get a 429 by itself).
 */
export function tooManyRequests(message: string, retryAfterSeconds = 1): LakeError {
  return new LakeError(429, {statusCode: 429, error: 'Too Many Requests', message}, undefined, {
    'retry-after': String(retryAfterSeconds),
  })
}

export function badRequest(description: string, extra: Record<string, unknown> = {}): LakeError {
  return lakeError(400, 'validationError', description, extra)
}

export function unauthorized(message = 'Session not found'): LakeError {
  return httpError(401, 'Unauthorized', message)
}

export function notFound(message = 'Not found'): LakeError {
  return httpError(404, 'Not Found', message)
}

export function datasetNotFound(dataset: string, projectId: string): LakeError {
  return lakeError(
    404,
    'httpNotFound',
    `Dataset "${dataset}" not found for project ID "${projectId}"`,
  )
}

export interface MutationErrorItem {
  index?: number
  id?: string
  description: string
  type: string
}

/**
 * A transaction that failed as a whole. `kind` picks the envelope `@sanity/client` recognises for
 * `/data/mutate` (`mutationError`) and for `/data/actions` (`actionError`).
 */
export function transactionError(
  statusCode: number,
  description: string,
  items: MutationErrorItem[],
  kind: 'mutationError' | 'actionError' = 'mutationError',
): LakeError {
  return new LakeError(statusCode, {
    error: {
      description,
      type: kind,
      items: items.map(({index, id, description: itemDescription, type}) => ({
        index,
        error: {id, description: itemDescription, type},
      })),
    },
    statusCode,
  })
}

/** A GROQ parse error in the exact shape `@sanity/client` turns into a framed code excerpt. */
export function queryParseError(query: string, start: number, description: string): LakeError {
  return lakeError(400, 'queryParseError', description, {query, start, end: start + 1})
}
