/**
 * The one strict definition of a published version, checked wherever versions enter: the site's
 * pages, its sign-off endpoints, the `verify` command and the embedded lake's rules. A published
 * version is the document `version-<n>`, `n` a positive safe integer written plainly, of type
 * `policyVersion`, status `published`, whose fields have the types the schema gives them. Nothing
 * is coerced: a number stored as a string, a fractional number, another id, a missing field or a
 * field of another type makes the document an **anomaly**, which is never read as policy text,
 * never announced and never counted as the latest version; the history that holds it does not
 * verify, and the site refuses new approvals while it is there.
 *
 * The checks look at each value once and allocate nothing that grows with a number the document
 * holds, so a malformed document costs what its size costs, never what its number says.
 */
import {versionDocumentId} from './workflow'

/** Why a document that looks like a version is not one. */
export type AnomalyReason =
  /** Its id is not `version-<n>` for the number it holds. */
  | 'id'
  /** It has another `_type`, or another status than `published`. */
  | 'type'
  /** Its number is not a positive safe integer (a string, a fraction, a sign, too large). */
  | 'number'
  /** Its number is further than the history's size allows: nothing can follow a gap that wide. */
  | 'out-of-sequence'
  /** A field is missing or has another type than the schema's. */
  | 'field'

export interface VersionAnomaly {
  /** The document's id as stored (a string, or its JSON text when it is not one). */
  id: string
  reason: AnomalyReason
  /** The field at fault, for `field`. */
  field?: string
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isArray = (value: unknown): value is unknown[] => Array.isArray(value)

function bilingual(value: unknown, item: (value: unknown) => boolean): boolean {
  return isObject(value) && item(value.fr) && item(value.en)
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const HEX_SHA256 = /^[0-9a-f]{64}$/

function isIsoDate(value: unknown): boolean {
  if (!isString(value) || !ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return date.toISOString().startsWith(value)
}

/** An instant as Sanity writes one (ISO 8601), that a page can format without failing. */
function isInstant(value: unknown): boolean {
  return isString(value) && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value))
}

function isActor(value: unknown, more: readonly string[] = []): boolean {
  return (
    isObject(value) &&
    ['userId', 'name', ...more].every((key) => isString(value[key])) &&
    isInstant(value.at)
  )
}

/** An approval or a publication: its actor, its signature and, when named, the site. */
function isSigned(value: unknown, more: readonly string[]): boolean {
  const site = isObject(value) ? value.site : undefined
  return isActor(value, ['keyId', 'signature', ...more]) && (site === undefined || isString(site))
}

function isSection(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.key) &&
    bilingual(value.title, isString) &&
    bilingual(value.body, isArray)
  )
}

/**
 * Each field of a published version and the type it must have. What a reader reads is required;
 * the seal (fingerprint, link audit, approval, publication) may be absent, and is then reported
 * by verification as what is missing (`not-approved`, `not-published-by-site`, …): a well-formed
 * but unsigned version is a version that does not verify, shown nowhere as in force.
 */
const FIELDS: ReadonlyArray<[field: string, valid: (value: unknown) => boolean, optional?: true]> =
  [
    ['title', (value) => bilingual(value, isString)],
    ['organisationName', isString],
    ['introduction', (value) => bilingual(value, isArray), true],
    ['sections', (value) => isArray(value) && value.every(isSection)],
    ['effectiveDate', isIsoDate],
    ['changeSummary', (value) => bilingual(value, isString)],
    [
      'linkAudit',
      (value) => isObject(value) && isArray(value.siteHosts) && isArray(value.links),
      true,
    ],
    [
      'previousFingerprint',
      (value) => value === null || (isString(value) && HEX_SHA256.test(value)),
      true,
    ],
    ['fingerprint', (value) => isString(value) && HEX_SHA256.test(value), true],
    ['preparedBy', (value) => isActor(value), true],
    ['approval', (value) => isSigned(value, ['fingerprint']), true],
    [
      'publication',
      (value) =>
        isSigned(value, []) &&
        [undefined, true].includes((value as Json).staleAcknowledged as undefined),
      true,
    ],
    ['publishedAt', isInstant, true],
    ['checklistCoverage', isObject, true],
  ]

/** Whether a value is a version number: a positive safe integer. */
export function isVersionNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
}

function describedId(value: unknown): string {
  return isString(value) ? value : (JSON.stringify(value) ?? String(value)).slice(0, 200)
}

/**
 * What is wrong with a document as a published version, or undefined when it is one. The
 * history's size bounds the numbers it can hold (see `classifyVersions`).
 */
export function versionAnomaly(stored: unknown): VersionAnomaly | undefined {
  if (!isObject(stored)) return {id: describedId(stored), reason: 'type'}
  const id = describedId(stored._id)
  if (stored._type !== 'policyVersion' || stored.status !== 'published') return {id, reason: 'type'}
  if (!isVersionNumber(stored.number)) return {id, reason: 'number'}
  if (stored._id !== versionDocumentId(stored.number)) return {id, reason: 'id'}
  for (const [field, valid, optional] of FIELDS) {
    const value = stored[field]
    if ((value === undefined || value === null) && optional) continue
    if (!valid(value)) return {id, reason: 'field', field}
  }
  return undefined
}

/**
 * How many versions a history may lack (deleted, or not yet imported) before a number is taken as
 * out of sequence rather than as following a gap.
 */
export const MAX_MISSING_VERSIONS = 100

/**
 * Sorts the documents that look like versions into the published versions, oldest first, and
 * the anomalies. A history of `k` documents holds versions 1 to `k` when nothing is missing, and
 * a deleted version leaves a gap the history reports; a number beyond `k` plus
 * `MAX_MISSING_VERSIONS` is out of sequence, so that no later step (gaps, the latest number, a
 * page per version) ever works in proportion to a number somebody wrote.
 */
export function classifyVersions<T extends object>(
  documents: readonly T[],
): {versions: T[]; anomalies: VersionAnomaly[]} {
  const anomalies: VersionAnomaly[] = []
  const versions: T[] = []
  for (const document of documents) {
    const anomaly = versionAnomaly(document)
    if (anomaly) anomalies.push(anomaly)
    else if (((document as Json).number as number) > documents.length + MAX_MISSING_VERSIONS)
      anomalies.push({id: (document as Json)._id as string, reason: 'out-of-sequence'})
    else versions.push(document)
  }
  versions.sort((a, b) => ((a as Json).number as number) - ((b as Json).number as number))
  return {versions, anomalies}
}
