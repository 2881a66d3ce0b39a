import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'

import {
  checkCandidate,
  prepareCandidate,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {SEED_FILE} from '@/sanity/seed/build'
import {linkAddressProblem, outboundLinkHost} from '@/sanity/studio/links/linkRules'
import {VERSIONING_RESOURCES} from '@/sanity/studio/versioning/i18n'
import {describeIssue} from '@/sanity/studio/versioning/issueMessages'
import {sampleVersion} from '../fixtures/policyVersion'

type Doc = Record<string, unknown> & {_id: string; _type: string}
const seed = readFileSync(SEED_FILE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Doc)

/** The Studio's translation function for the workflow's words, in one of its languages. */
function translate(locale: 'en-US' | 'fr-FR') {
  const resources = VERSIONING_RESOURCES[locale]
  return (key: string, values: Record<string, unknown> = {}) => {
    const template = resources[key]
    if (template === undefined) throw new Error(`No ${locale} text for ${key}`)
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]))
  }
}
const en = translate('en-US')
const fr = translate('fr-FR')

/** The content "Prepare a new version" freezes, from the seed's working copy (optionally changed first). */
function candidateFromSeed(change: (docs: Doc[]) => Doc[] = (docs) => docs) {
  const docs = change(structuredClone(seed))
  const policy = docs.find((doc) => doc._id === 'policy') as PolicyDocument
  const sections = docs.filter((doc) => doc._type === 'policySection') as PolicySectionDocument[]
  return prepareCandidate(policy, sections)
}

describe('an editor is told in plain words what stops or deserves a look in a candidate', () => {
  it('names the section and the languages of a translation that may have drifted', async () => {
    const {content} = candidateFromSeed((docs) =>
      docs.map((d) =>
        d._id === 'section-cookies'
          ? {...d, title: {...(d.title as object), fr: 'Témoins de connexion'}}
          : d,
      ),
    )
    const lastPublished = candidateFromSeed().content
    const {warnings} = checkCandidate(content, {lastPublished})
    expect(warnings.map((issue) => describeIssue(en, issue, content, 2))).toEqual([
      'Section “Cookies” (#cookies): the French text changed since version 2, the English text did not. Check that the English version says the same.',
    ])
    // The same, for an editor who works in French.
    expect(warnings.map((issue) => describeIssue(fr, issue, content, 2))).toEqual([
      'La section « Témoins de connexion » (#cookies) : le texte en français a changé depuis la version 2, mais pas celui en anglais. Vérifiez que la version en anglais dit la même chose.',
    ])
  })

  it('has every word of the workflow in both of the Studio’s languages, refusals included', () => {
    const english = Object.keys(VERSIONING_RESOURCES['en-US']).sort()
    expect(Object.keys(VERSIONING_RESOURCES['fr-FR']).sort()).toEqual(english)
    expect(english).toContain('refusal.reviewer-authored-changes')
    for (const [key, text] of Object.entries(VERSIONING_RESOURCES['fr-FR'])) {
      expect(text, key).not.toMatch(/\bcookies?\b|e-mail|informations personnelles/i)
      // The same placeholders as the English, so nothing is lost in translation.
      const placeholders = (value: string) => (value.match(/\{\{\w+\}\}/g) ?? []).sort()
      expect(placeholders(text), key).toEqual(placeholders(VERSIONING_RESOURCES['en-US'][key]!))
    }
  })

  it('says nothing changed when the working copy is the published version', async () => {
    const {content} = candidateFromSeed()
    const {warnings} = checkCandidate(content, {lastPublished: content})
    expect(warnings.map((issue) => describeIssue(en, issue, content, 2))).toEqual([
      'Nothing changed since version 2: this candidate would be identical to it.',
    ])
  })

  it('names the section, language and words of an unsafe link, and a missing translation', () => {
    const version = sampleVersion()
    version.sections[0]!.body.en = []
    const {errors} = checkCandidate(version)
    expect(errors.map((issue) => describeIssue(en, issue, version))).toEqual([
      'Section “Cookies” (#cookies) has no English text.',
      expect.stringMatching(
        /^Section “Links to other sites” \(#links-to-other-sites\), French text: the link on “ceci” goes to “javascript:alert\(1\)”, which is not a safe address/,
      ),
      expect.stringMatching(
        /^Section “Links to other sites” \(#links-to-other-sites\), English text: the link on “this” goes to “JaVaScRiPt:alert\(1\)”, which is not a safe address/,
      ),
    ])
  })
})

describe('links as an editor writes them in the Studio', () => {
  const site = ['policy.example.org']

  it('refuses an address that could run a script, and says what to use instead', () => {
    expect(linkAddressProblem('javascript:alert(1)', site)).toEqual({
      level: 'error',
      message: {
        'fr-FR': expect.stringContaining('https://'),
        'en-US': expect.stringContaining('https://'),
      },
    })
    expect(linkAddressProblem('https://policy.example.org@evil.example/', site)?.level).toBe(
      'error',
    )
  })

  it('suggests https for a plain http address, and accepts secure, mail and internal links', () => {
    expect(linkAddressProblem('http://www.cai.gouv.qc.ca/', site)).toEqual({
      level: 'warning',
      message: {
        'fr-FR': expect.stringContaining('https://'),
        'en-US': expect.stringContaining('https://'),
      },
    })
    for (const href of [
      'https://www.cai.gouv.qc.ca/',
      'mailto:dpo@example.org',
      '#cookies',
      'https://policy.example.org/fr',
    ])
      expect(linkAddressProblem(href, site)).toBeUndefined()
  })

  it('tells which links will be flagged to readers as leaving the site', () => {
    expect(outboundLinkHost('https://www.cai.gouv.qc.ca/', site)).toBe('www.cai.gouv.qc.ca')
    expect(outboundLinkHost('https://policy.example.org/en', site)).toBeUndefined()
    expect(outboundLinkHost('mailto:dpo@example.org', site)).toBeUndefined()
  })
})
