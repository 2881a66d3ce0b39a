/** What the versioning actions and views read. Versions are read as the site reads them. */

const VERSION_CONTENT = /* groq */ `
  number,
  title{fr, en},
  organisationName,
  introduction{fr, en},
  sections[]{key, title{fr, en}, body{fr, en}}
`

/**
 * Everything "Prepare a new version" needs, read in the raw perspective: the published policy and
 * sections (what a version is made of), the drafts that will be left out, the latest published
 * version (to compare against) and any open candidate (which the new one replaces): candidates
 * are drafts (`drafts.version-<n>`), so only the raw perspective sees them as they are.
 */
export const PREPARE_QUERY = /* groq */ `{
  "policy": *[_id == "policy"][0]{title, organisationName, introduction, sections},
  "sections": *[_type == "policySection" && !(_id in path("drafts.**"))]{
    _id, key, title, body, covers
  },
  "checklist": *[_id == "policy"][0].checklist->{
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
}`

/** The published version a version is compared with: the latest one, or the one before `$before`. */
export const BASELINE_QUERY = /* groq */ `
  *[_type == "policyVersion" && status == "published" && !(_id in path("drafts.**"))
    && (!defined($before) || number < $before)]
    | order(number desc)[0]{${VERSION_CONTENT}}
`

/**
 * The working text (the published policy and sections) and the latest published version it is
 * counted against, kept current by the Studio's listener: candidates are checked for staleness
 * and the next version's changes are counted from it.
 */
export const WORKING_QUERY = /* groq */ `{
  "policy": *[_id == "policy"][0]{title, organisationName, introduction, sections},
  "sections": *[_type == "policySection" && !(_id in path("drafts.**"))]{_id, key, title, body},
  "latest": *[_type == "policyVersion" && status == "published" && !(_id in path("drafts.**"))]
    | order(number desc)[0]{${VERSION_CONTENT}}
}`
export const WORKING_LISTEN = /* groq */ `*[_type in ["policy", "policySection", "policyVersion"]]`
