import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {STUDIO_LOCALES} from '../../sanity/studio/i18n/locales'
import {
  bundleProblems,
  exportedBundles,
  keyUses,
  studioTextProblems,
  usageProblems,
  type Bundle,
} from './studioText/check'

const root = fileURLToPath(new URL('../..', import.meta.url))

// Loading the Studio's modules brings in Sanity itself, which takes a while.
/** The bundles Sanity's own plugins bring (its English for its tools), as the Studio is configured. */
async function sanityPluginBundles(): Promise<Bundle[]> {
  const {default: config} = await import('../../sanity.config')
  const bundles = (config.plugins ?? []).flatMap((plugin) => {
    const own = typeof plugin === 'object' ? plugin.i18n?.bundles : undefined
    return Array.isArray(own) ? own : []
  })
  return exportedBundles({bundles})
}

async function projectWords() {
  return studioTextProblems(
    root,
    STUDIO_LOCALES,
    (path) => import(/* @vite-ignore */ path),
    await sanityPluginBundles(),
  )
}

// Loading the Studio's modules brings in Sanity itself, which takes a while.
describe('the Studio’s words, in French and in English', {timeout: 120_000}, () => {
  it('every word the Studio asks for exists in both languages, in every bundle of the project', async () => {
    const {problems, bundles, modules, uses} = await projectWords()

    expect(problems).toEqual([])
    // The check saw the Studio's own bundles, its French for Sanity's Presentation tool, and
    // the words its code asks for.
    expect(modules).toEqual(
      expect.arrayContaining(['sanity/studio/i18n/index.ts', 'sanity/presentation/i18n/index.ts']),
    )
    expect(new Set(bundles.map((bundle) => bundle.locale))).toEqual(new Set(STUDIO_LOCALES))
    expect(uses.map((use) => use.key)).toEqual(
      expect.arrayContaining(['login.heading', 'structure.sections.list-title']),
    )
  })

  it('every bundle of the project is registered in the Studio’s configuration', async () => {
    const {bundles} = await projectWords()
    const {default: config} = await import('../../sanity.config')
    const registered = config.i18n?.bundles
    const list = Array.isArray(registered) ? registered : []
    const names = list.map((bundle) => `${bundle.namespace} ${bundle.locale}`)

    expect(names).toEqual(
      expect.arrayContaining(bundles.map((bundle) => `${bundle.namespace} ${bundle.locale}`)),
    )
  })
})

/** Every title and description the schema shows, with where it is. */
function schemaLabels(types: readonly unknown[]): {where: string; text: string}[] {
  const labels: {where: string; text: string}[] = []
  const visit = (node: unknown, where: string) => {
    if (node === null || typeof node !== 'object') return
    const value = node as Record<string, unknown>
    const name = typeof value.name === 'string' ? value.name : (value.type as string | undefined)
    const here = name ? `${where}.${name}` : where
    for (const property of ['title', 'description'] as const) {
      const text = value[property]
      if (typeof text === 'string') labels.push({where: `${here} ${property}`, text})
    }
    for (const property of ['fields', 'fieldsets', 'of'] as const) {
      const children = value[property]
      if (Array.isArray(children)) for (const child of children) visit(child, here)
    }
    const list = (value.options as {list?: unknown} | undefined)?.list
    if (Array.isArray(list)) for (const item of list) visit(item, `${here} option`)
  }
  for (const type of types) visit(type, 'schema')
  return labels
}

describe('the schema’s words', {timeout: 120_000}, () => {
  it('every title and description of the schema is a word of the Studio’s bundles, so it has its other language', async () => {
    const {schemaTypes} = await import('../../sanity/schemaTypes')
    const {studioResources} = await import('../../sanity/studio/i18n/text')
    const {VERSIONING_RESOURCES} = await import('../../sanity/studio/versioning/i18n')
    // Outside a browser the Studio starts in its default language, French.
    const french = new Set([
      ...Object.values(studioResources['fr-FR']),
      ...Object.values(VERSIONING_RESOURCES['fr-FR']),
    ])
    const labels = schemaLabels(schemaTypes)

    expect(labels.filter(({text}) => !french.has(text))).toEqual([])
    // The check reached the signed record's fields, deep in the version's objects.
    expect(labels).toContainEqual({
      where: 'schema.versionApproval.fingerprint title',
      text: VERSIONING_RESOURCES['fr-FR']['schema.approval.fingerprint'],
    })
    expect(labels.length).toBeGreaterThan(80)
  })
})

describe('the check of the Studio’s words', () => {
  const english: Bundle = {
    locale: 'en-US',
    namespace: 'demo',
    resources: {
      greeting: 'Hello {{name}}',
      'status.candidate': 'Candidate',
      'status.approved': 'Approved',
      notice: 'Open <Link>the server</Link>',
    },
  }
  const french: Bundle = {
    locale: 'fr-FR',
    namespace: 'demo',
    resources: {
      greeting: 'Bonjour {{nom}}',
      'status.candidate': 'Candidate',
      notice: 'Ouvrez le serveur',
    },
  }

  it('finds a text missing in one language, and a value or markup a translation drops', () => {
    expect(bundleProblems([english, french], STUDIO_LOCALES)).toEqual([
      'demo: “greeting” inserts {{nom}} in fr-FR but {{name}} in en-US',
      'demo: “status.approved” has no fr-FR text',
      'demo: “notice” marks up <> in fr-FR but <Link> in en-US',
    ])
    expect(bundleProblems([english], STUDIO_LOCALES)).toEqual(['demo: no bundle in fr-FR'])
  })

  it('finds a key the code asks for that a language lacks, also among keys built from a template', () => {
    const source = `
      import {useTranslation} from 'sanity'
      import {DEMO_NAMESPACE} from './i18n'
      export function Badge({status}: {status: string}) {
        const {t: tDemo} = useTranslation(DEMO_NAMESPACE)
        return <span title={tDemo(\`status.\${status}\`)}>{tDemo('greeting')}{tDemo('farewell')}</span>
      }
      export function Other() {
        const {t} = useTranslation(UNKNOWN)
        return <Translate t={t} i18nKey="status.approved" />
      }`
    const constants = new Map([['DEMO_NAMESPACE', 'demo']])
    const {uses, problems} = keyUses('Badge.tsx', source, constants)

    expect(problems).toEqual([
      'Badge.tsx:9: useTranslation(UNKNOWN) names no namespace exported by an i18n/index.ts',
    ])
    expect(usageProblems(uses, [english, french], STUDIO_LOCALES)).toEqual([
      'Badge.tsx:6: “farewell” has no text in fr-FR, en-US (demo)',
      'Badge.tsx:10: “status.approved” has no text in fr-FR (demo)',
    ])
  })

  it('finds a text in plural forms under the key the code asks for, with its count', () => {
    const source = `
      import {useTranslation} from 'sanity'
      export function Count({count}: {count: number}) {
        const {t} = useTranslation('demo')
        return <span>{t('sections', {count})}{t('pages', {count})}</span>
      }`
    const plural = (locale: string, one: string, other: string): Bundle => ({
      locale,
      namespace: 'demo',
      resources: {sections_one: one, sections_other: other},
    })
    const {uses} = keyUses('Count.tsx', source, new Map())

    expect(
      usageProblems(
        uses,
        [
          plural('en-US', '{{count}} section', '{{count}} sections'),
          plural('fr-FR', '{{count}} section', '{{count}} sections'),
        ],
        STUDIO_LOCALES,
      ),
    ).toEqual(['Count.tsx:5: “pages” has no text in fr-FR, en-US (demo)'])
  })
})
