import {defineQuery} from 'next-sanity'

const VERSION_FIELDS = /* groq */ `
  _id,
  status,
  number,
  effectiveDate,
  publishedAt,
  changeSummary{fr, en},
  contentHash,
  title{fr, en},
  organisationName,
  introduction{fr, en},
  sections[]{key, title{fr, en}, body{fr, en}}
`

const VERSION_SUMMARY_FIELDS = /* groq */ `
  _id,
  number,
  effectiveDate,
  publishedAt,
  changeSummary{fr, en}
`

/** The version in force: the highest-numbered published version whose effective date has come. */
export const CURRENT_VERSION_QUERY = defineQuery(`
  *[_type == "policyVersion" && status == "published" && effectiveDate <= $today]
    | order(number desc)[0]{${VERSION_FIELDS}}
`)

/** Every published version, newest first, including upcoming ones. */
export const PUBLISHED_VERSIONS_QUERY = defineQuery(`
  *[_type == "policyVersion" && status == "published" && defined(number)]
    | order(number desc){${VERSION_SUMMARY_FIELDS}}
`)

export const VERSION_BY_NUMBER_QUERY = defineQuery(`
  *[_type == "policyVersion" && status == "published" && number == $number][0]{${VERSION_FIELDS}}
`)
