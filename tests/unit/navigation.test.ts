import {describe, expect, it} from 'vitest'
import {getPathname} from '@/i18n/navigation'
import {compareVersions} from '@/lib/delivery/comparisons'
import {sampleVersion} from '../fixtures/policyVersion'

describe('addresses of the site’s pages', () => {
  it('are localized in each language, with their parameters and query', () => {
    expect(getPathname({href: '/privacy-policy', locale: 'fr'})).toBe(
      '/fr/politique-de-confidentialite',
    )
    expect(getPathname({href: '/privacy-policy/history', locale: 'en'})).toBe(
      '/en/privacy-policy/history',
    )
    expect(
      getPathname({
        href: {pathname: '/privacy-policy/versions/[number]', params: {number: '3'}},
        locale: 'fr',
      }),
    ).toBe('/fr/politique-de-confidentialite/versions/3')
    expect(
      getPathname({
        href: {pathname: '/privacy-policy/compare', query: {from: 1, to: 2, lang: 'en'}},
        locale: 'fr',
      }),
    ).toBe('/fr/politique-de-confidentialite/comparer?from=1&to=2&lang=en')
    expect(getPathname({href: '/', locale: 'en'})).toBe('/en')
  })
})

describe('the redline of two published versions', () => {
  it('is computed once and kept, and computed afresh when the content differs', () => {
    const before = sampleVersion()
    const after = {...sampleVersion(), title: {fr: 'Politique révisée', en: 'Revised policy'}}
    const first = compareVersions(before, after)
    expect(compareVersions(structuredClone(before), structuredClone(after))).toBe(first)
    const altered = {...after, organisationName: 'Autre organisation'}
    expect(compareVersions(before, altered)).not.toBe(first)
  })
})
