import AxeBuilder from '@axe-core/playwright'
import {expect, test} from '@playwright/test'

const pages = {
  'the policy': {fr: '/fr/politique-de-confidentialite', en: '/en/privacy-policy'},
  'the version history': {
    fr: '/fr/politique-de-confidentialite/historique',
    en: '/en/privacy-policy/history',
  },
  'an archived version': {
    fr: '/fr/politique-de-confidentialite/versions/1',
    en: '/en/privacy-policy/versions/1',
  },
  'the redline': {
    fr: '/fr/politique-de-confidentialite/comparer?from=1&to=2',
    en: '/en/privacy-policy/compare?from=1&to=2',
  },
  'a missing page': {fr: '/fr/introuvable', en: '/en/not-here'},
}

for (const [name, paths] of Object.entries(pages)) {
  for (const [language, path] of Object.entries(paths)) {
    test(`${name} in ${language === 'fr' ? 'French' : 'English'} has no accessibility violations`, async ({
      page,
    }) => {
      await page.goto(path)
      const results = await new AxeBuilder({page})
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze()
      const summary = results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        where: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
      }))
      expect(summary).toEqual([])
    })
  }
}
