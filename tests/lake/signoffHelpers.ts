import type {SanityClient, SanityDocument} from '@sanity/client'
import {expect} from 'vitest'

import {
  prepareCandidate as checkedCandidate,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {organisationToday} from '@/lib/policy/dates'
import {actor, candidateDocument, type Proposal} from '@/lib/policy/workflow'

export interface Me {
  id: string
  name: string
}

export const me = (client: SanityClient) => client.request<Me>({uri: '/users/me'})

/** A summary in both languages and today's date: what an editor proposes when preparing. */
export const PROPOSAL: Proposal = {
  effectiveDate: organisationToday(),
  changeSummary: {fr: 'Section révisée.', en: 'Section revised.'},
}

/** What the Studio's "Prepare a new version" writes, from the lake's published sections. */
export async function prepareCandidate(
  client: SanityClient,
  number: number,
  proposal: Proposal = PROPOSAL,
) {
  const {policy, sections} = await client.fetch<{
    policy: PolicyDocument
    sections: PolicySectionDocument[]
  }>(
    `{"policy": *[_id == "policy"][0], "sections": *[_type == "policySection"]}`,
    {},
    {perspective: 'published'},
  )
  const {content, check} = checkedCandidate(policy, sections)
  expect(check.errors).toEqual([])
  return candidateDocument({number, content, preparedBy: actor(await me(client)), proposal})
}

export type PublishedVersion = SanityDocument<{number: number; fingerprint: string}>

/** Every published version, oldest first, as stored. */
export function publishedHistory(client: SanityClient): Promise<PublishedVersion[]> {
  return client.fetch(`*[_type == "policyVersion" && status == "published"] | order(number asc)`)
}

export async function latestPublished(client: SanityClient) {
  return (await publishedHistory(client)).at(-1)
}
