import {defineQuery} from 'next-sanity'

/**
 * Every GROQ query of the product, the site's and the Studio's, declared once here with
 * `defineQuery`. Their result types are generated from the schema by Sanity TypeGen
 * (`npm run typegen` writes sanity.types.ts; `npm test` fails when it is out of date), and
 * `client.fetch` returns them by itself. Listener filters (`…_LISTEN`) say which changes make a
 * Studio view read its query again.
 */

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
  approval{userId, name, at, fingerprint, keyId, signature, site},
  publication{userId, name, at, keyId, signature, staleAcknowledged, site}
`

/** What the Studio compares a version with: the content a version freezes. */
const VERSION_CONTENT = /* groq */ `
  number,
  title{fr, en},
  organisationName,
  introduction{fr, en},
  sections[]{key, title{fr, en}, body{fr, en}}
`

// The site

/**
 * Every document that looks like a published version, whole and as stored: anything of the
 * version's type, and anything at a version's id, whatever its type or status. Nothing is
 * projected or filtered on its values, so that the site judges each one by the strict definition
 * (lib/policy/versionShape.ts) rather than trusting the query: a malformed document is reported,
 * never silently left out (in force, announced or counted) or coerced.
 */
export const VERSION_DOCUMENTS_QUERY = defineQuery(`
  *[(_type == "policyVersion" || _id in path("version-*")) && !(_id in path("drafts.**"))]
`)

/**
 * The working documents (read with the drafts perspective, so each draft stands in for its
 * published document): the policy and the sections it lists, for a preview of the next version.
 */
export const WORKING_POLICY_QUERY = defineQuery(`{
  "policy": *[_type == "policy" && _id == "policy"][0]{title{fr, en}, organisationName, introduction{fr, en}, sections[]{_ref}},
  "sections": *[_type == "policySection" && _id in *[_type == "policy" && _id == "policy"][0].sections[]._ref]{
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
  "published": *[(_type == "policyVersion" || _id in path("version-*")) && !(_id in path("drafts.**"))],
  "policy": *[_type == "policy" && _id == "policy"][0],
  "sections": *[_type == "policySection" && !(_id in path("drafts.**"))]{_id, key, title, body}
}`)

/**
 * The documents whose authors an approval may ask about, drafts included, read in the raw
 * perspective by the site's listener when it reads what it missed from the history.
 */
export const AUTHORSHIP_DOCUMENTS_QUERY = defineQuery(
  `*[_type in ["policy", "policySection", "policyVersion"] || _id in path("version-*") || _id in path("drafts.version-*")]._id`,
)

// The Studio: the desk, the sign-off's actions and views, the Presentation tool, the checklist

/**
 * Everything "Prepare a new version" needs, read in the raw perspective: the published policy and
 * sections (what a version is made of), the drafts that will be left out, the latest published
 * version (to compare against) and any open candidate (which the new one replaces): candidates
 * are drafts (`drafts.version-<n>`), so only the raw perspective sees them as they are.
 */
export const PREPARE_QUERY = defineQuery(`{
  "policy": *[_type == "policy" && _id == "policy"][0]{title, organisationName, introduction, sections},
  "sections": *[_type == "policySection" && !(_id in path("drafts.**"))]{
    _id, key, title, body, covers
  },
  "checklist": *[_type == "policy" && _id == "policy"][0].checklist->{
    act, title, items[]{key, label, reference, guidance, providedBySite}
  },
  "drafts": *[_type in ["policy", "policySection"] && _id in path("drafts.**")]{
    _id, _type, "title": coalesce(title.en, title.fr)
  },
  "latest": *[_type == "policyVersion" && status == "published" && !(_id in path("drafts.**"))]
    | order(number desc)[0]{
    ${VERSION_CONTENT}
  },
  "open": *[_type == "policyVersion" && status in ["candidate", "approved"]]{
    _id, _rev, status, effectiveDate, changeSummary, preparedBy, approval
  }
}`)

/** The published version a version is compared with: the latest one, or the one before `$before`. */
export const BASELINE_QUERY = defineQuery(`
  *[_type == "policyVersion" && status == "published" && !(_id in path("drafts.**"))
    && (!defined($before) || number < $before)]
    | order(number desc)[0]{${VERSION_CONTENT}}
`)

/**
 * The working text (the published policy and sections) and the latest published version it is
 * counted against, kept current by the Studio's listener: candidates are checked for staleness
 * and the next version's changes are counted from it.
 */
export const WORKING_QUERY = defineQuery(`{
  "policy": *[_type == "policy" && _id == "policy"][0]{title, organisationName, introduction, sections},
  "sections": *[_type == "policySection" && !(_id in path("drafts.**"))]{_id, key, title, body},
  "latest": *[_type == "policyVersion" && status == "published" && !(_id in path("drafts.**"))]
    | order(number desc)[0]{${VERSION_CONTENT}}
}`)

/** The desk's lists of versions: every version, the open candidate, and the working text. */
export const VERSIONS_QUERY = defineQuery(`{
  "versions": *[_type == "policyVersion"]{_id, status, number, effectiveDate, "preparedBy": preparedBy.userId},
  "open": *[_type == "policyVersion" && status in ["candidate", "approved"]] | order(number desc)[0],
  "policy": *[_type == "policy" && _id == "policy"][0]{title, organisationName, introduction, sections},
  "sections": *[_type == "policySection" && !(_id in path("drafts.**"))]{_id, key, title, body}
}`)

/** The section ids the policy lists (its draft when there is one) and every section that exists. */
export const SECTION_ORDER_QUERY = defineQuery(`{
  "listed": coalesce(
    *[_type == "policy" && _id == "drafts.policy"][0],
    *[_type == "policy" && _id == "policy"][0]
  ).sections[]._ref,
  "existing": *[_type == "policySection"]._id
}`)

/** A section's working state (its draft when there is one) and whether the policy lists it. */
export const SECTION_LOCATION_QUERY = defineQuery(`{
  "section": coalesce(*[_id == $draftId][0], *[_id == $id][0]){"fr": title.fr, "en": title.en, "key": key.current},
  "listed": $id in coalesce(*[_type == "policy" && _id == "drafts.policy"][0], *[_type == "policy" && _id == "policy"][0]).sections[]._ref
}`)

/** A version's working state, for where the Presentation tool shows it. */
export const VERSION_LOCATION_QUERY = defineQuery(
  `coalesce(*[_id == $draftId][0], *[_id == $id][0]){status, number}`,
)

/** The checklist the policy follows, as the editor's working copy names it. */
export const POLICY_CHECKLIST_QUERY = defineQuery(`
  *[_type == "policy" && _id == "policy"][0].checklist->{items[]{key, label, reference, guidance, providedBySite}}
`)

/** Any change to the policy, its sections or its versions. */
export const POLICY_DOCUMENTS_LISTEN = defineQuery(
  `*[_type in ["policy", "policySection", "policyVersion"]]`,
)

/** Any change to the policy or its sections. */
export const POLICY_TEXT_LISTEN = defineQuery(`*[_type in ["policy", "policySection"]]`)
