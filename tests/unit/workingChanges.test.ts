import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import type {PolicyDocument, PolicySectionDocument} from '@/lib/policy/candidate'
import {workingChanges} from '@/lib/policy/workflow'
import {SEED_FILE} from '@/sanity/seed/build'

type Doc = Record<string, unknown> & {_id: string; _type: string}
const seed = readFileSync(SEED_FILE, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Doc)

// The seed's version in force, 2, was prepared from the seed's policy and sections.
const version2 = seed.find((doc) => doc._id === 'version-2')!

function working(docs: Doc[] = seed) {
  return {
    policy: docs.find((doc) => doc._id === 'policy') as PolicyDocument,
    sections: docs.filter((doc) => doc._type === 'policySection') as PolicySectionDocument[],
  }
}

function editSection(key: string, change: (section: Doc) => Doc, docs: Doc[] = seed): Doc[] {
  return docs.map((doc) => (doc._id === `section-${key}` ? change(structuredClone(doc)) : doc))
}

function editPolicy(change: (policy: Doc) => Doc, docs: Doc[] = seed): Doc[] {
  return docs.map((doc) => (doc._id === 'policy' ? change(structuredClone(doc)) : doc))
}

function retitled(section: Doc, en: string): Doc {
  return {...section, title: {...(section.title as object), en}}
}

const sectionRefs = (policy: Doc) => policy.sections as {_ref: string; _key: string}[]

describe('what the next version would change, counted from the latest published version', () => {
  it('is nothing right after version 2, which the next version would follow as version 3', () => {
    expect(workingChanges(version2, working())).toMatchObject({
      since: 2,
      next: 3,
      changed: false,
      changes: [],
      sections: [],
      frontMatter: false,
      order: false,
    })
  })

  it('names a section an editor published again, with its title, as changed', () => {
    const docs = editSection('cookies', (section) => retitled(section, 'Cookies, revised'))
    const changes = workingChanges(version2, working(docs))

    expect(changes).toMatchObject({changed: true, sections: ['cookies'], frontMatter: false})
    expect(changes.changes).toEqual([
      {
        key: 'cookies',
        change: 'modified',
        title: {fr: expect.any(String), en: 'Cookies, revised'},
      },
    ])
  })

  it('leaves out an edit still in draft: a version is prepared from what is published', () => {
    const cookies = seed.find((doc) => doc._id === 'section-cookies')!
    const draft = {...retitled(cookies, 'Cookies, still a draft'), _id: 'drafts.section-cookies'}

    expect(workingChanges(version2, working([...seed, draft])).changed).toBe(false)
  })

  it('tells a section new to the policy from one taken out of it, each counted once', () => {
    const added: Doc = {
      _id: 'section-complaints',
      _type: 'policySection',
      key: {current: 'complaints'},
      title: {fr: 'Plaintes', en: 'Complaints'},
      body: structuredClone(seed.find((doc) => doc._id === 'section-cookies')!.body),
    }
    const docs = editPolicy((policy) => ({
      ...policy,
      sections: [
        ...sectionRefs(policy).filter(({_ref}) => _ref !== 'section-cookies'),
        {_type: 'reference', _key: 'complaints', _ref: 'section-complaints'},
      ],
    }))
    const changes = workingChanges(version2, working([...docs, added]))

    expect(changes.changes.map(({key, change}) => [key, change])).toEqual([
      ['complaints', 'added'],
      ['cookies', 'removed'],
    ])
    // A section taken out keeps the title it had in the version.
    expect(changes.changes[1]!.title.en).toBe(
      (seed.find((doc) => doc._id === 'section-cookies')!.title as {en: string}).en,
    )
    expect(changes.sections.sort()).toEqual(['complaints', 'cookies'])
  })

  it('counts the policy’s own title and the order of its sections apart from the sections', () => {
    const reordered = editPolicy((policy) => ({
      ...policy,
      sections: [...sectionRefs(policy)].reverse(),
    }))
    expect(workingChanges(version2, working(reordered))).toMatchObject({
      changed: true,
      changes: [],
      order: true,
      frontMatter: false,
    })

    const renamed = editPolicy((policy) => ({
      ...policy,
      title: {...(policy.title as object), fr: 'Politique de confidentialité révisée'},
    }))
    expect(workingChanges(version2, working(renamed))).toMatchObject({
      changed: true,
      changes: [],
      frontMatter: true,
    })
  })

  it('before any version is published, has every section new, for version 1', () => {
    const changes = workingChanges(null, working())

    expect(changes).toMatchObject({since: undefined, next: 1, changed: true})
    expect(changes.changes.length).toBe(sectionRefs(seed.find((d) => d._id === 'policy')!).length)
    expect(changes.changes.every(({change}) => change === 'added')).toBe(true)
  })
})
