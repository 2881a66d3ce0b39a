import {expect, test} from '@playwright/test'
import type {SanityClient} from '@sanity/client'
import {verifySite} from '../../scripts/verify'
import {prepareCandidate, signoffThroughSite} from '../fixtures/signoff'
import {startIsolatedSite, type IsolatedSite} from './helpers/isolatedSite'

/**
 * An insider with write access (the editor's token) tries to put unsigned words before readers,
 * roll the history back or take the site down, through the content source's HTTP API, against a
 * lake that enforces nothing (as a hosted Sanity project behaves) and against the embedded lake's
 * rules. Either the write is refused where the data is, or every public surface says what is
 * wrong: the policy in force stays the signed version 2 in both languages, the pages answer 200,
 * `/api/versions` says `verified: false`, the feed warns, `npm run verify` fails, and new
 * approvals are refused. One site per mode; each case puts the dataset back as it was.
 */

const FORGED = 'we sell your personal information'
const PAGES = {fr: '/fr/politique-de-confidentialite', en: '/en/privacy-policy'} as const

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

/** A published version as an insider would write it: well formed, words of her own, unsigned. */
async function forgedVersion(editor: SanityClient, fields: Record<string, unknown>) {
  const two = (await editor.getDocument('version-2'))!
  const {_rev, _createdAt, _updatedAt, ...kept} = two
  void _rev
  void _createdAt
  void _updatedAt
  const sections = structuredClone(two.sections as {body: {en: {children: {text: string}[]}[]}}[])
  sections[0]!.body.en[0]!.children[0]!.text = FORGED
  return {
    ...kept,
    effectiveDate: daysFromNow(-1),
    changeSummary: {fr: FORGED, en: FORGED},
    sections,
    ...fields,
  }
}

interface Attack {
  name: string
  /** The write; it may be refused (rules on). */
  write(editor: SanityClient): Promise<unknown>
  /** What every page must name when the write got through, in each language. */
  named: {fr: RegExp; en: RegExp}
  /** Puts the dataset back as it was. */
  undo(editor: SanityClient): Promise<unknown>
}

const ATTACKS: Attack[] = [
  {
    name: 'a published version numbered 2.5, effective yesterday',
    write: async (editor) =>
      editor.create(await forgedVersion(editor, {_id: 'version-3', number: 2.5})),
    named: {fr: /pas une version valide : version-3/, en: /not a valid version: version-3/},
    undo: (editor) => editor.delete('version-3'),
  },
  {
    name: 'a document of another type turned into a published version',
    write: async (editor) => {
      const forged = await forgedVersion(editor, {_id: 'version-3', number: 3})
      await editor.create({...forged, _type: 'note'})
      return editor.createOrReplace(forged)
    },
    named: {fr: /La version 3 ne se vérifie pas/, en: /Version 3 does not verify/},
    undo: (editor) => editor.delete('version-3'),
  },
  {
    name: 'a forged upcoming version',
    write: async (editor) =>
      editor.create(
        await forgedVersion(editor, {_id: 'version-3', number: 3, effectiveDate: daysFromNow(30)}),
      ),
    named: {fr: /La version 3 ne se vérifie pas/, en: /Version 3 does not verify/},
    undo: (editor) => editor.delete('version-3'),
  },
  {
    name: 'the latest version deleted',
    write: (editor) => editor.delete('version-2'),
    named: {
      fr: /La version 2, publiée le .*, manque à la source du contenu/,
      en: /Version 2, published on .*, is missing from the content source/,
    },
    undo: async () => undefined, // undone by restoring version 2, below
  },
  {
    name: 'the latest version given another status',
    write: (editor) => editor.patch('version-2').set({status: 'candidate'}).commit(),
    named: {fr: /pas une version valide : version-2/, en: /not a valid version: version-2/},
    undo: (editor) => editor.patch('version-2').set({status: 'published'}).commit(),
  },
  {
    name: 'a version numbered "8", a string',
    write: async (editor) =>
      editor.create(await forgedVersion(editor, {_id: 'version-8', number: '8'})),
    named: {fr: /pas une version valide : version-8/, en: /not a valid version: version-8/},
    undo: (editor) => editor.delete('version-8'),
  },
  {
    name: 'a version numbered 1,000,000,000',
    write: async (editor) =>
      editor.create(
        await forgedVersion(editor, {_id: 'version-1000000000', number: 1_000_000_000}),
      ),
    named: {
      fr: /pas une version valide : version-1000000000/,
      en: /not a valid version: version-1000000000/,
    },
    undo: (editor) => editor.delete('version-1000000000'),
  },
]

for (const rules of ['off', 'on'] as const) {
  test.describe(`with the lake's rules ${rules}`, () => {
    test.describe.configure({mode: 'serial', timeout: 180_000})
    let site: IsolatedSite
    let versionTwo: Record<string, unknown>

    test.beforeAll(async () => {
      site = await startIsolatedSite({workflowRules: rules === 'on'})
      versionTwo = (await site.client('editor').getDocument('version-2'))!
      // The site records the history it first verifies, as at its first start.
      expect((await (await fetch(`${site.url}/api/versions`)).json()).verified).toBe(true)
    })

    test.afterAll(async () => {
      await site?.stop()
    })

    for (const attack of ATTACKS) {
      test(`${attack.name}: ${rules === 'on' ? 'refused where the data is' : 'never shown as signed, and named everywhere'}`, async () => {
        const editor = site.client('editor')
        const written = await attack.write(editor).then(
          () => true,
          (error: {statusCode?: number}) => {
            expect(error.statusCode, String(error)).toBeGreaterThanOrEqual(400)
            expect(error.statusCode).toBeLessThan(500)
            return false
          },
        )
        expect(written, 'the lake refuses it').toBe(rules === 'off')
        await site.revalidate()
        try {
          for (const language of ['fr', 'en'] as const) {
            const path = PAGES[language]
            const response = await fetch(`${site.url}${path}`)
            expect(response.status, path).toBe(200)
            const html = await response.text()
            expect(html, path).not.toContain(FORGED)
            if (written) expect(html, path).toMatch(attack.named[language])
            else expect(html, path).not.toMatch(/Integrity warning|Avertissement d’intégrité/)
          }
          const list = (await (await fetch(`${site.url}/api/versions`)).json()) as {
            verified: boolean
            current: number | null
          }
          expect(list.verified).toBe(!written)
          // Version 2, or version 1 when version 2 is gone: never anything unsigned.
          expect([1, 2]).toContain(list.current)
          const feed = await (await fetch(`${site.url}/en/feed.xml`)).text()
          // A version that does not verify may be listed, its entry saying so first.
          for (const entry of feed.split('<entry>').filter((part) => part.includes(FORGED)))
            expect(entry).toContain('<summary type="text">This version does not verify')
          if (written) expect(feed).toMatch(attack.named.en)
          const report = await verifySite(site.url)
          expect(report.failures.length > 0 || report.firstFailure !== undefined).toBe(written)
        } finally {
          if (written) {
            await attack.undo(editor)
            await editor.createOrReplace(versionTwo as {_id: string; _type: string})
            await site.revalidate()
          }
        }
        expect((await (await fetch(`${site.url}/api/versions`)).json()).verified).toBe(true)
      })
    }
  })
}

test.describe('a decoy that poses as a published version, with the rules off', () => {
  test.describe.configure({timeout: 180_000})

  test('stops every approval until it is removed', async () => {
    const site = await startIsolatedSite({workflowRules: false})
    try {
      const editor = site.client('editor')
      // Private (a dot in its id), numbered "2": invisible to readers, seen by the sign-off.
      await editor.create({
        _id: 'x.y',
        _type: 'policyVersion',
        status: 'published',
        number: '2',
        publishedAt: new Date().toISOString(),
      })
      const candidate = await editor.create(await prepareCandidate(editor, 3))
      const refused = await signoffThroughSite(site.url, 'approve', site.token('legal-reviewer'), {
        id: candidate._id,
        revision: candidate._rev,
      })
      expect(refused.status).toBe(409)
      expect(refused.body.error).toMatchObject({code: 'history-anomaly', params: {id: 'x.y'}})
      await editor.delete('x.y')
      const approved = await signoffThroughSite(site.url, 'approve', site.token('legal-reviewer'), {
        id: candidate._id,
        revision: candidate._rev,
      })
      expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    } finally {
      await site.stop()
    }
  })
})
