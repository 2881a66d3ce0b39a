import {readFileSync} from 'node:fs'
import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'

import {
  checkCandidate,
  prepareCandidate,
  type PolicyDocument,
  type PolicySectionDocument,
} from '@/lib/policy/candidate'
import {contentHash} from '@/lib/policy/contentHash'
import {VERSION_BY_NUMBER_QUERY} from '@/sanity/lib/queries'
import {SEED_FILE} from '@/sanity/seed/build'
import {linkAddressProblem, outboundLinkHost} from '@/sanity/studio/links/linkRules'
import {describeIssue} from '@/sanity/studio/versioning/issueMessages'
import {
  approvalProblem,
  approvalRefusal,
  candidateDocument,
  changeSummaryProblems,
  effectiveDateProblem,
  nextVersionNumber,
  outboundLinkRecords,
  versionContent,
} from '@/sanity/studio/versioning/workflow'
import {paragraph, sampleVersion} from '../fixtures/policyVersion'

type Doc = Record<string, unknown> & {_id: string; _type: string}
const seed = readFileSync(SEED_FILE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Doc)

const editor = {id: 'p-editor', name: 'Camille Tremblay', roles: [{name: 'editor'}]}
const reviewer = {
  id: 'p-legal-reviewer',
  name: 'Me Sophie Gagnon',
  roles: [{name: 'legal-reviewer'}],
}

/** What "Prepare a new version" stores, from the seed's working copy (optionally changed first). */
async function candidateFromSeed(change: (docs: Doc[]) => Doc[] = (docs) => docs) {
  const docs = change(structuredClone(seed))
  const policy = docs.find((doc) => doc._id === 'policy') as PolicyDocument
  const sections = docs.filter((doc) => doc._type === 'policySection') as PolicySectionDocument[]
  const {content, check} = prepareCandidate(policy, sections)
  const unhashed = candidateDocument({
    id: 'version-3',
    content,
    contentHash: '',
    preparedBy: {userId: editor.id, name: editor.name, at: '2026-11-26T10:00:00.000Z'},
  })
  return {
    content,
    check,
    doc: {...unhashed, contentHash: await contentHash(versionContent(unhashed)!)},
  }
}

/** The version as the site's own query reads it back once it is published. */
async function readBySite(doc: Doc) {
  const published = {...doc, status: 'published', number: 3}
  const tree = parse(VERSION_BY_NUMBER_QUERY)
  const result = await evaluate(tree, {dataset: [published], params: {number: 3}})
  return (await result.get()) as Parameters<typeof contentHash>[0]
}

describe('a candidate version is fingerprinted as readers will read it', () => {
  it('hashes the seed’s working copy to version 2’s fingerprint, which the site recomputes once published', async () => {
    const {doc, check} = await candidateFromSeed()
    const version2 = seed.find((d) => d._id === 'version-2')!
    expect(check.errors).toEqual([])
    expect(doc.contentHash).toBe(version2.contentHash)
    expect(await contentHash(await readBySite(doc))).toBe(doc.contentHash)
  })

  it('agrees with the site for a policy without an introduction too', async () => {
    const {doc} = await candidateFromSeed((docs) =>
      docs.map((d) => (d._id === 'policy' ? {...d, introduction: undefined} : d)),
    )
    expect(await contentHash(await readBySite(doc))).toBe(doc.contentHash)
    expect(doc.contentHash).not.toBe(seed.find((d) => d._id === 'version-2')!.contentHash)
  })

  it('notices a word changed in a candidate after it was prepared', async () => {
    const {doc} = await candidateFromSeed()
    const changed = structuredClone(doc) as typeof doc & {
      sections: {body: {en: {children: {text: string}[]}[]}}[]
    }
    changed.sections[0]!.body.en[0]!.children[0]!.text += ' Or not.'
    const recomputed = await contentHash(versionContent(changed)!)
    const approval = {
      userId: reviewer.id,
      name: reviewer.name,
      at: '',
      contentHash: doc.contentHash,
    }
    expect(
      approvalProblem({...doc, approval}, await contentHash(versionContent(doc)!)),
    ).toBeUndefined()
    expect(approvalProblem({...changed, approval}, recomputed)).toBe('content-changed')
    // Re-fingerprinted to match, the content is no longer what legal approved.
    expect(approvalProblem({...changed, contentHash: recomputed, approval}, recomputed)).toBe(
      'other-content',
    )
  })
})

describe('who may approve a candidate', () => {
  const candidate = {status: 'candidate', preparedBy: {userId: editor.id, name: editor.name}}

  it('tells the editor who prepared it that someone else, a legal reviewer, must approve it', () => {
    expect(approvalRefusal(editor, candidate)).toMatch(/You prepared this candidate/)
    expect(approvalRefusal({...editor, id: 'p-other-editor'}, candidate)).toMatch(
      /Only a legal reviewer/,
    )
  })

  it('lets a legal reviewer approve, under the role name the project configures', () => {
    expect(approvalRefusal(reviewer, candidate)).toBeUndefined()
    const counsel = {...reviewer, roles: [{name: 'counsel'}]}
    expect(approvalRefusal(counsel, candidate)).toMatch(/Only a legal reviewer/)
    expect(approvalRefusal(counsel, candidate, 'counsel')).toBeUndefined()
  })

  it('never approves the same person’s own work, even a legal reviewer’s', () => {
    const own = {...candidate, preparedBy: {userId: reviewer.id}}
    expect(approvalRefusal(reviewer, own)).toMatch(/another person must approve it/)
    expect(
      approvalProblem(
        {
          contentHash: 'h',
          preparedBy: {userId: reviewer.id},
          approval: {userId: reviewer.id, contentHash: 'h'},
        },
        'h',
      ),
    ).toBe('self-approval')
  })
})

describe('publishing a version', () => {
  it('takes the number after the latest published one', () => {
    expect(nextVersionNumber([])).toBe(1)
    expect(nextVersionNumber([1, 2])).toBe(3)
    expect(nextVersionNumber([2, 5, 1])).toBe(6)
  })

  it('comes into force today or later, never in the past nor on a day that does not exist', () => {
    expect(effectiveDateProblem('2026-11-26', '2026-11-26')).toBeUndefined()
    expect(effectiveDateProblem('2027-01-01', '2026-11-26')).toBeUndefined()
    expect(effectiveDateProblem('2026-11-25', '2026-11-26')).toMatch(
      /cannot come into force in the past/,
    )
    expect(effectiveDateProblem('2026-02-30', '2026-01-01')).toMatch(/Choose the day/)
    expect(effectiveDateProblem(undefined, '2026-11-26')).toMatch(/Choose the day/)
  })

  it('needs a summary of changes in both languages', () => {
    expect(changeSummaryProblems({fr: 'Coquilles corrigées.', en: 'Typos fixed.'})).toEqual([])
    expect(changeSummaryProblems({fr: 'Coquilles corrigées.', en: '  '})).toEqual([
      expect.stringContaining('in English'),
    ])
    expect(changeSummaryProblems(undefined)).toHaveLength(2)
  })

  it('records each link leaving the site with its host, address, words, section and language', () => {
    const records = outboundLinkRecords(sampleVersion(), ['policy.example.org'])
    expect(records).toEqual([
      {
        _type: 'outboundLink',
        _key: 'link-1',
        host: 'www.cai.gouv.qc.ca',
        url: 'https://www.cai.gouv.qc.ca/',
        text: 'Commission',
        sectionKey: 'links-to-other-sites',
        language: 'fr',
      },
      expect.objectContaining({url: 'https://www.cai.gouv.qc.ca/english/', language: 'en'}),
    ])
    const withOwnLink = sampleVersion()
    withOwnLink.introduction!.en.push(
      paragraph('See ', {text: 'our history', href: 'https://policy.example.org/en/history'}),
      paragraph('See ', {text: 'the regulator', href: 'http://regulator.example/'}),
    )
    expect(outboundLinkRecords(withOwnLink, ['policy.example.org'])[0]).toEqual(
      expect.objectContaining({host: 'regulator.example', text: 'the regulator', language: 'en'}),
    )
    expect(outboundLinkRecords(withOwnLink, ['policy.example.org'])[0]).not.toHaveProperty(
      'sectionKey',
    )
  })
})

describe('an editor is told in plain words what stops or deserves a look in a candidate', () => {
  it('names the section and the languages of a translation that may have drifted', async () => {
    const {content} = await candidateFromSeed((docs) =>
      docs.map((d) =>
        d._id === 'section-cookies'
          ? {...d, title: {...(d.title as object), fr: 'Témoins de connexion'}}
          : d,
      ),
    )
    const lastPublished = (await candidateFromSeed()).content
    const {warnings} = checkCandidate(content, {lastPublished})
    expect(warnings.map((issue) => describeIssue(issue, content, 2))).toEqual([
      'Section “Cookies” (#cookies): the French text changed since version 2, the English text did not. Check that the English version says the same.',
    ])
  })

  it('says nothing changed when the working copy is the published version', async () => {
    const {content} = await candidateFromSeed()
    const {warnings} = checkCandidate(content, {lastPublished: content})
    expect(warnings.map((issue) => describeIssue(issue, content, 2))).toEqual([
      'Nothing changed since version 2: this candidate would be identical to it.',
    ])
  })

  it('names the section, language and words of an unsafe link, and a missing translation', () => {
    const version = sampleVersion()
    version.sections[0]!.body.en = []
    const {errors} = checkCandidate(version)
    expect(errors.map((issue) => describeIssue(issue, version))).toEqual([
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
