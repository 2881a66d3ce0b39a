import {RESPONSE_STATUS_META} from '@/lib/delivery/cachePolicy'

/**
 * Declares the HTTP status of a page that explains a problem (an unknown address, a malformed
 * comparison) instead of throwing: the site's server (scripts/serve.ts) answers the page with this
 * status. A page thrown away with notFound() during a per-request render reaches the browser as
 * an empty shell that only JavaScript fills; a page that renders its explanation is read with
 * JavaScript off, in its language. React hoists the tag into the document's head.
 */
export function ResponseStatus({code}: {code: 400 | 404}) {
  return <meta name={RESPONSE_STATUS_META} content={String(code)} />
}
