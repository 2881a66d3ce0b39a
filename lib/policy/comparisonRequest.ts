import {currentVersionNumber, type DatedVersion} from './periods'
import {isLanguage, type Language, type Localized} from './types'
import {parseVersionNumber} from './versionNumber'

/**
 * What a reader asks the redline for (`?from=1&to=2&lang=en`), read from the address: two
 * published versions, or the problem to explain. Without versions named, the version before the
 * one in force is compared with it.
 */

/** A query string as the framework hands it over: a name once, several times, or not at all. */
export type QueryValues = Record<string, string | string[] | undefined>

export type ComparisonProblem =
  | {reason: 'missing'}
  | {reason: 'invalid'; value: string}
  | {reason: 'same'; number: number}
  | {reason: 'notEnough'}

export type ComparisonRequest =
  | {kind: 'pair'; from: number; to: number}
  | {kind: 'problem'; problem: ComparisonProblem; from?: number; to?: number}
  | {kind: 'unknown'}

/** Without versions named: the one before the version in force against it. */
function defaultPair(versions: readonly DatedVersion[], today: string): ComparisonRequest {
  const numbers = versions.map((version) => version.number).sort((a, b) => a - b)
  const current = currentVersionNumber(versions, today) ?? numbers.at(-1)
  const at = numbers.indexOf(current ?? -1)
  const [from, to] = at > 0 ? [numbers[at - 1], numbers[at]] : [numbers[0], numbers[1]]
  return from === undefined || to === undefined
    ? {kind: 'problem', problem: {reason: 'notEnough'}}
    : {kind: 'pair', from, to}
}

/** A query value as the reader typed it, for quoting back; an empty value counts as absent. */
function typed(value: string | string[] | undefined): string | undefined {
  const text = [value ?? []].flat().join(', ')
  return text === '' ? undefined : text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** The versions to compare among the published ones, or what is wrong with the request. */
export function readComparisonRequest(
  query: QueryValues,
  versions: readonly DatedVersion[],
  today: string,
): ComparisonRequest {
  const rawFrom = typed(query.from)
  const rawTo = typed(query.to)
  if (rawFrom === undefined && rawTo === undefined) {
    return 'from' in query || 'to' in query
      ? {kind: 'problem', problem: {reason: 'missing'}}
      : defaultPair(versions, today)
  }
  const from = parseVersionNumber(query.from)
  const to = parseVersionNumber(query.to)
  const named = {...(from === undefined ? {} : {from}), ...(to === undefined ? {} : {to})}
  if (rawFrom === undefined || rawTo === undefined) {
    return {kind: 'problem', problem: {reason: 'missing'}, ...named}
  }
  if (from === undefined || to === undefined) {
    const value = [from === undefined ? rawFrom : [], to === undefined ? rawTo : []]
      .flat()
      .join(', ')
    return {kind: 'problem', problem: {reason: 'invalid', value}, ...named}
  }
  if (from === to) return {kind: 'problem', problem: {reason: 'same', number: from}, to}
  const published = new Set(versions.map((version) => version.number))
  return published.has(from) && published.has(to) ? {kind: 'pair', from, to} : {kind: 'unknown'}
}

/** The language of the text compared: the reader's, unless `lang` names another one. */
export function comparedLanguage(query: QueryValues, readerLanguage: Language): Language {
  return isLanguage(query.lang) ? query.lang : readerLanguage
}

/**
 * What the publishers said changed, version by version, from one compared version to the other
 * (whichever way round), in one language: the versions after the older one, up to the newer.
 */
export function changeSummariesBetween(
  versions: readonly {number: number; changeSummary: Localized<string> | null}[],
  from: number,
  to: number,
  language: Language,
): {number: number; text: string}[] {
  const [low, high] = from < to ? [from, to] : [to, from]
  return versions
    .filter((version) => version.number > low && version.number <= high)
    .sort((a, b) => a.number - b.number)
    .flatMap((version) => {
      const text = version.changeSummary?.[language]
      return text ? [{number: version.number, text}] : []
    })
}
