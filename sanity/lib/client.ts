import {createClient} from 'next-sanity'
import {env} from '@/lib/env'

const {sanity} = env()

/**
 * The site's one Sanity client: the embedded lake when no project is configured, otherwise the
 * real project. Always reads published content; drafts need the token-bearing preview client.
 */
export const client = createClient({
  projectId: sanity.projectId,
  dataset: sanity.dataset,
  apiVersion: sanity.apiVersion,
  useCdn: false,
  perspective: 'published',
  // A slow content source must not hold readers: past this, cached content or a 503 is served.
  timeout: 4000,
  ...(sanity.apiHost ? {apiHost: sanity.apiHost, useProjectHostname: false} : {}),
  // On the embedded lake, the site's own token puts its reads on a lane no other client shares
  ...(sanity.siteToken ? {token: sanity.siteToken} : {}),
})
