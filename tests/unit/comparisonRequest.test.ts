import {describe, expect, it} from 'vitest'
import {
  changeSummariesBetween,
  comparedLanguage,
  readComparisonRequest,
} from '@/lib/policy/comparisonRequest'

const versions = [
  {number: 1, effectiveDate: '2024-01-01', changeSummary: null},
  {number: 2, effectiveDate: '2025-01-01', changeSummary: {fr: 'Corrections.', en: 'Fixes.'}},
  {number: 3, effectiveDate: '2030-01-01', changeSummary: {fr: 'Témoins.', en: 'Cookies.'}},
]
const today = '2026-06-01'

describe('the redline address a reader follows', () => {
  it('compares the version before the one in force with it when no version is named', () => {
    expect(readComparisonRequest({}, versions, today)).toEqual({kind: 'pair', from: 1, to: 2})
  })

  it('compares the two published versions named, either way round', () => {
    expect(readComparisonRequest({from: '3', to: '1'}, versions, today)).toEqual({
      kind: 'pair',
      from: 3,
      to: 1,
    })
  })

  it('explains a missing, malformed or repeated version, quoting what the reader typed', () => {
    expect(readComparisonRequest({from: '1', to: ''}, versions, today)).toEqual({
      kind: 'problem',
      problem: {reason: 'missing'},
      from: 1,
    })
    expect(readComparisonRequest({from: 'one', to: '2'}, versions, today)).toEqual({
      kind: 'problem',
      problem: {reason: 'invalid', value: 'one'},
      to: 2,
    })
    expect(readComparisonRequest({from: '2', to: '2'}, versions, today)).toEqual({
      kind: 'problem',
      problem: {reason: 'same', number: 2},
      to: 2,
    })
  })

  it('knows nothing of a version never published, and says when there is nothing to compare', () => {
    expect(readComparisonRequest({from: '1', to: '9'}, versions, today)).toEqual({kind: 'unknown'})
    expect(readComparisonRequest({}, versions.slice(0, 1), today)).toEqual({
      kind: 'problem',
      problem: {reason: 'notEnough'},
    })
  })

  it('shows the text in the language asked for, else the reader’s', () => {
    expect(comparedLanguage({lang: 'en'}, 'fr')).toBe('en')
    expect(comparedLanguage({lang: 'de'}, 'fr')).toBe('fr')
    expect(comparedLanguage({lang: ['en', 'fr']}, 'fr')).toBe('fr')
  })

  it('lists what the publishers said changed after the older version, up to the newer', () => {
    expect(changeSummariesBetween(versions, 3, 1, 'en')).toEqual([
      {number: 2, text: 'Fixes.'},
      {number: 3, text: 'Cookies.'},
    ])
  })
})
