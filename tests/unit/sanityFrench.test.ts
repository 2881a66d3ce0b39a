import {usEnglishLocale} from 'sanity'
import {describe, expect, it} from 'vitest'
import {frenchLocale} from '../../sanity/studio/i18n'
import {sanityFrenchBundles} from '../../sanity/studio/i18n/sanityFrench'
import {bundleProblems, exportedBundles, type Bundle} from './studioText/check'

type Resources = Record<string, unknown>

/** Every bundle of one locale, merged by namespace as Sanity merges them. */
function byNamespace(bundles: Bundle[]): Map<string, Resources> {
  const merged = new Map<string, Resources>()
  for (const {namespace, resources} of bundles) {
    merged.set(namespace, {...merged.get(namespace), ...resources})
  }
  return merged
}

/** A locale's own bundles name no locale: they take the locale's. */
function inLocale(locale: string, bundles: readonly object[]): object[] {
  return bundles.map((bundle) => ({locale, ...bundle}))
}

async function sanityWords() {
  const {default: config} = await import('../../sanity.config')
  const pluginEnglish = (config.plugins ?? []).flatMap((plugin) => {
    const own = typeof plugin === 'object' ? plugin.i18n?.bundles : undefined
    return Array.isArray(own) ? own : []
  })
  const english = byNamespace(
    (
      await exportedBundles({
        bundles: [...inLocale('en-US', usEnglishLocale.bundles ?? []), ...pluginEnglish],
      })
    ).filter((bundle) => bundle.locale === 'en-US'),
  )
  const locales = frenchLocale.i18n?.locales
  const french = (Array.isArray(locales) ? locales : []).find((locale) => locale.id === 'fr-FR')
  const sanityFrench = byNamespace(
    await exportedBundles({bundles: inLocale('fr-FR', french?.bundles ?? [])}),
  )
  const ours = byNamespace(await exportedBundles({bundles: sanityFrenchBundles}))
  expect(english.size * sanityFrench.size * ours.size).toBeGreaterThan(0)
  return {english, sanityFrench, ours}
}

// Loading the Studio's configuration brings in Sanity itself, which takes a while.
describe('Sanity’s own words in the Studio’s French', {timeout: 120_000}, () => {
  it('every word of Sanity’s English in the Studio’s namespaces has French; the project’s with the same values and markup', async () => {
    const {english, sanityFrench, ours} = await sanityWords()
    const namespaces = [...sanityFrench.keys()].filter((namespace) => english.has(namespace))
    // Sanity's core, its desk, validation, copy and paste: what an editor sees (the rest are tools
    // the Studio does not load).
    expect(namespaces).toEqual(
      expect.arrayContaining(['studio', 'structure', 'validation', 'copy-paste']),
    )
    const problems = namespaces.flatMap((namespace) => {
      const en = english.get(namespace)!
      const added = ours.get(namespace) ?? {}
      // Words Sanity's French keeps for keys its English dropped are never asked for.
      const theirs = Object.fromEntries(
        Object.entries(sanityFrench.get(namespace)!).filter(([key]) => key in en),
      )
      return bundleProblems(
        [
          {locale: 'en-US', namespace, resources: en},
          {locale: 'fr-FR', namespace, resources: {...theirs, ...added}},
        ],
        ['en-US', 'fr-FR'],
      ).filter(
        // How Sanity's French words a value (a plural without its count, say) is Sanity's choice.
        (problem) =>
          problem.includes(' has no ') ||
          Object.keys(added).some((key) => problem.includes(`“${key}”`)),
      )
    })
    expect(problems).toEqual([])
  })

  it('adds only what Sanity’s French lacks, for words Sanity’s English has', async () => {
    const {english, sanityFrench, ours} = await sanityWords()
    const needless = [...ours].flatMap(([namespace, resources]) =>
      Object.keys(resources)
        .filter(
          (key) =>
            key in (sanityFrench.get(namespace) ?? {}) || !(key in (english.get(namespace) ?? {})),
        )
        .map((key) => `${namespace}: ${key}`),
    )
    expect(needless).toEqual([])
  })
})
