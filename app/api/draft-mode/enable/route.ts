import {defineEnableDraftMode} from 'next-sanity/draft-mode'
import {previewClient} from '@/sanity/lib/preview'

/**
 * Turns preview on for an editor. The Studio's Presentation tool writes a short-lived secret to
 * the dataset and opens this address with it; the secret is checked with the server's read token
 * (a wrong or expired one gets a 401), then the draft-mode cookie is set and the editor sent to
 * the page asked for (`sanity-preview-pathname`, a path on this site).
 */
const enableDraftMode = previewClient ? defineEnableDraftMode({client: previewClient}) : undefined

export function GET(request: Request): Promise<Response> | Response {
  if (!enableDraftMode) {
    return new Response(
      'Preview is not available: the site has no read token (SANITY_API_READ_TOKEN).',
      {
        status: 503,
        headers: {'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store'},
      },
    )
  }
  return enableDraftMode.GET(request)
}
