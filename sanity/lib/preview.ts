import 'server-only'
import {perspectiveCookieName} from '@sanity/preview-url-secret/constants'
import type {ClientReturn} from '@sanity/client'
import type {SanityClient} from 'next-sanity'
import {cookies, draftMode} from 'next/headers'
import {cache} from 'react'
import {env} from '@/lib/env'
import {
  buildSnapshot,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {POLICY_DOCUMENT_ID, publishedId} from '@/lib/policy/documentIds'
import type {PolicyVersion} from '@/lib/policy/types'
import {client} from './client'
import {VERSION_BY_ID_QUERY, WORKING_POLICY_QUERY} from './queries'
import {asDomain} from './queryResult'

/**
 * Draft preview, for editors only. The token-bearing client lives here, on the server: it reads
 * drafts, so nothing it returns may reach a shared cache or a reader without the draft-mode cookie.
 */

const readToken = env().sanity.readToken

/**
 * The client that sees drafts, or undefined when no read token is configured (then there is no
 * preview). Requests are never cached: `cache: 'no-store'` and no tags on every fetch below.
 */
export const previewClient: SanityClient | undefined = readToken
  ? client.withConfig({token: readToken, perspective: 'drafts', useCdn: false, stega: false})
  : undefined

/** True when this request comes from an editor who turned preview on (the draft-mode cookie). */
export async function isPreviewing(): Promise<boolean> {
  return previewClient !== undefined && (await draftMode()).isEnabled
}

/**
 * The Presentation tool may switch its preview to published content; everything else (and the
 * default) is the drafts perspective.
 */
export async function previewPerspective(): Promise<'drafts' | 'published'> {
  const chosen = (await cookies()).get(perspectiveCookieName)?.value
  return chosen === 'published' ? 'published' : 'drafts'
}

async function previewFetch<const Query extends string>(
  query: Query,
  params: Record<string, unknown> = {},
): Promise<ClientReturn<Query>> {
  if (!previewClient || !(await draftMode()).isEnabled) {
    throw new Error('Drafts are read only in draft mode, with a read token')
  }
  return previewClient.fetch(query, params, {
    perspective: await previewPerspective(),
    cache: 'no-store',
    tag: 'preview',
  })
}

interface WorkingDocuments {
  policy: PolicyDocument | null
  sections: PolicySectionDocument[]
}

export interface WorkingPolicyPreview {
  /** The policy as the next version would freeze it; it has no number and no dates yet. */
  version: PolicyVersion
  /** Sections the policy lists that do not exist (deleted, or never saved). */
  missingSections: string[]
  /** Drafts, unless the Studio's Presentation tool asked for the published documents. */
  perspective: 'drafts' | 'published'
}

/**
 * The policy as the next version would freeze it from the working documents, drafts included.
 * Cached for the request only, so that the page and its metadata share one read.
 */
export const fetchWorkingPolicyPreview = cache(async (): Promise<WorkingPolicyPreview | null> => {
  const perspective = await previewPerspective()
  const {policy, sections}: WorkingDocuments = asDomain(await previewFetch(WORKING_POLICY_QUERY))
  if (!policy) return null
  const {content, missingSections} = buildSnapshot(policy, sections)
  return {
    version: {_id: POLICY_DOCUMENT_ID, status: 'candidate', ...content},
    missingSections,
    perspective,
  }
})

/** A version by id, drafts included: how a candidate or approved version is previewed. */
export const fetchVersionPreview = cache(async (id: string): Promise<PolicyVersion | null> => {
  return asDomain(await previewFetch(VERSION_BY_ID_QUERY, {id: publishedId(id)}))
})
