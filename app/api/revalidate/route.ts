import {revalidateTag} from 'next/cache'
import type {NextRequest} from 'next/server'
import {parseBody} from 'next-sanity/webhook'
import {contentChanged} from '@/lib/delivery/contentState'
import {env} from '@/lib/env'
import {POLICY_CACHE_TAG} from '@/sanity/lib/fetch'

/**
 * Sanity's GROQ-powered webhook (from a real project, or from the embedded lake): a published
 * version expires the cached policy content and the pages kept from it at once, so every public
 * page shows it on its next request. Unsigned or forged calls change nothing.
 */
export async function POST(request: NextRequest) {
  const {webhookSecret, sanity} = env()
  if (!webhookSecret) {
    return Response.json(
      {message: 'Revalidation is not configured (SANITY_WEBHOOK_SECRET).'},
      {status: 503},
    )
  }
  // Sanity's own lake is eventually consistent and next-sanity waits for it; the embedded lake
  // commits before it calls.
  const {isValidSignature, body} = await parseBody<{_type?: string}>(
    request,
    webhookSecret,
    !sanity.embeddedLake,
  )
  if (!isValidSignature) {
    return Response.json({message: 'Invalid signature'}, {status: 401})
  }
  revalidateTag(POLICY_CACHE_TAG, {expire: 0})
  // Pages kept whole by the site's server are rendered again on their next request.
  contentChanged()
  return Response.json({revalidated: [POLICY_CACHE_TAG], type: body?._type ?? null})
}
