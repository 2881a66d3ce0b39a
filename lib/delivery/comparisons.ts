/**
 * Comparisons between published versions, computed once and kept: a published version never
 * changes, so the redline of two of them is the same for every reader and every render of the
 * page, whatever is published later. Keyed by the compared content itself, not by version number,
 * so that a version altered behind the site's back (possible on a hosted project) is compared
 * afresh.
 */
import {createHash} from 'node:crypto'
import {comparePolicies, type CompareOptions, type PolicyComparison} from '../diff'
import type {PolicyContent} from '../policy/types'

/** The pairs readers ask for are a handful (each version against the one before it, mostly). */
const KEPT_COMPARISONS = 32

const kept = new Map<string, PolicyComparison>()

function contentKey(content: PolicyContent): string {
  const {title, organisationName, introduction, sections} = content
  return createHash('sha256')
    .update(JSON.stringify([title, organisationName, introduction ?? null, sections]))
    .digest('base64url')
}

export function compareVersions(
  from: PolicyContent,
  to: PolicyContent,
  options: CompareOptions = {},
): PolicyComparison {
  const key = [contentKey(from), contentKey(to), ...(options.siteHosts ?? [])].join(' ')
  const found = kept.get(key)
  if (found) {
    kept.delete(key)
    kept.set(key, found)
    return found
  }
  const comparison = comparePolicies(from, to, options)
  kept.set(key, comparison)
  if (kept.size > KEPT_COMPARISONS) kept.delete(kept.keys().next().value!)
  return comparison
}
