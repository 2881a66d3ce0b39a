import {defineQuery} from 'next-sanity'

/**
 * A version as the site reads it: everything its record holds (lib/policy/record.ts), its
 * fingerprint, and who prepared, approved and published it with their signatures, so that every
 * page can verify what it shows.
 */
const VERSION_FIELDS = /* groq */ `
  _id,
  _rev,
  status,
  number,
  effectiveDate,
  publishedAt,
  changeSummary{fr, en},
  title{fr, en},
  organisationName,
  introduction{fr, en},
  sections[]{key, title{fr, en}, body{fr, en}},
  linkAudit{siteHosts, links[]{host, url, text, sectionKey, language}},
  checklistCoverage{
    act, title{fr, en},
    items[]{key, label{fr, en}, reference{fr, en}, sectionKeys, covered}
  },
  previousFingerprint,
  fingerprint,
  preparedBy{userId, name, at},
  approval{userId, name, at, fingerprint, keyId, signature},
  publication{userId, name, at, keyId, signature, staleAcknowledged}
`

const VERSION_SUMMARY_FIELDS = /* groq */ `
  _id,
  number,
  effectiveDate,
  publishedAt,
  changeSummary{fr, en}
`

/** Every published version, newest first, including upcoming ones (lib/policy/periods.ts says which is in force). */
export const PUBLISHED_VERSIONS_QUERY = defineQuery(`
  *[_type == "policyVersion" && status == "published" && defined(number)]
    | order(number desc){${VERSION_SUMMARY_FIELDS}}
`)

export const VERSION_BY_NUMBER_QUERY = defineQuery(`
  *[_type == "policyVersion" && status == "published" && number == $number][0]{${VERSION_FIELDS}}
`)

/**
 * The working documents (read with the drafts perspective, so each draft stands in for its
 * published document): the policy and the sections it lists, for a preview of the next version.
 */
export const WORKING_POLICY_QUERY = defineQuery(`{
  "policy": *[_id == "policy"][0]{title{fr, en}, organisationName, introduction{fr, en}, sections[]{_ref}},
  "sections": *[_type == "policySection" && _id in *[_id == "policy"][0].sections[]._ref]{
    _id, key{current}, title{fr, en}, body{fr, en}
  }
}`)

/** A version by id, whatever its status: candidates and approved versions are previewed by id. */
export const VERSION_BY_ID_QUERY = defineQuery(`
  *[_type == "policyVersion" && _id == $id][0]{${VERSION_FIELDS}}
`)

/**
 * Everything the sign-off endpoints judge a candidate against, read raw with the site's write
 * token: the candidate, the published history (whole documents, to verify it), and the working
 * policy and sections (published, as versions are prepared from them).
 */
export const SIGNOFF_STATE_QUERY = defineQuery(`{
  "candidate": *[_id == $id][0],
  "published": *[_type == "policyVersion" && status == "published" && !(_id in path("drafts.**"))]
    | order(number asc),
  "policy": *[_id == "policy"][0],
  "sections": *[_type == "policySection" && !(_id in path("drafts.**"))]{_id, key, title, body}
}`)

/** Every published version, oldest first, with all it needs to be verified. */
export const PUBLISHED_RECORDS_QUERY = defineQuery(`
  *[_type == "policyVersion" && status == "published" && defined(number)]
    | order(number asc){${VERSION_FIELDS}}
`)
