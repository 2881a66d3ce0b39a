import {RETRY_AFTER_SECONDS} from '../delivery/unavailablePages'

/**
 * What a feed answers while the content source is out of reach: 503 with Retry-After, which feed
 * readers and crawlers understand as "come back later", never a 500 or an empty feed that would
 * look like every version had gone.
 */
export function unavailableResponse(): Response {
  return new Response('The list of versions is temporarily unavailable.', {
    status: 503,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'retry-after': String(RETRY_AFTER_SECONDS),
      'cache-control': 'no-store',
    },
  })
}

/** Runs a feed's data loading; `undefined` means the content source did not answer. */
export async function loadOrUnavailable<T>(
  load: () => Promise<T>,
  isUnavailable: (error: unknown) => boolean,
): Promise<T | undefined> {
  try {
    return await load()
  } catch (error) {
    if (isUnavailable(error)) return undefined
    throw error
  }
}
