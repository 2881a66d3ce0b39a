import {readdirSync, readFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import ts from 'typescript'

/**
 * Checks that every word the Studio shows exists in each of its languages: the resource bundles
 * (every `i18n/index.ts` of the project, each exporting its `LocaleResourceBundle`s), and the keys
 * the Studio's code asks for.
 */

export interface Bundle {
  locale: string
  namespace: string
  resources: Record<string, unknown>
}

/** Sanity's own namespaces: keys asked of them are Sanity's to provide. */
const SANITY_NAMESPACES = new Set([
  'studio',
  'structure',
  'validation',
  'presentation',
  'copy-paste',
  'comments',
  'tasks',
  'vision',
  'canvas',
  'create',
  'media-library',
])

/** Where the Studio's code lives; the lake and the seed never show words in the Studio. */
const SOURCE_ROOTS = ['sanity', 'app/studio', 'sanity.config.ts']
const NOT_STUDIO = ['sanity/lake', 'sanity/seed']

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g
const MARKUP = /<\/?(\w+)\s*\/?>/g

function listFiles(root: string, path: string, accept: (path: string) => boolean): string[] {
  const full = join(root, path)
  const entries = (() => {
    try {
      return readdirSync(full, {withFileTypes: true})
    } catch {
      return undefined
    }
  })()
  if (!entries) return accept(path) ? [path] : []
  return entries.flatMap((entry) =>
    entry.name === 'node_modules' ? [] : listFiles(root, join(path, entry.name), accept),
  )
}

/** Every module that defines bundles: an `index.ts` in a folder named `i18n`. */
export function bundleModulePaths(root: string): string[] {
  return SOURCE_ROOTS.flatMap((path) =>
    listFiles(root, path, (file) => /(^|\/)i18n\/index\.tsx?$/.test(file)),
  )
}

export function studioSourcePaths(root: string): string[] {
  return SOURCE_ROOTS.flatMap((path) =>
    listFiles(
      root,
      path,
      (file) =>
        /\.tsx?$/.test(file) &&
        !file.endsWith('.d.ts') &&
        !NOT_STUDIO.some((dir) => file.startsWith(dir)),
    ),
  )
}

function isBundle(
  value: unknown,
): value is {locale: string; namespace: string; resources: unknown} {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.locale === 'string' &&
    typeof candidate.namespace === 'string' &&
    candidate.resources !== undefined
  )
}

/** The bundles a module exports, lazily loaded resources included, as Sanity would load them. */
export async function exportedBundles(module: Record<string, unknown>): Promise<Bundle[]> {
  const found = Object.values(module).flatMap((value) =>
    (Array.isArray(value) ? value : [value]).filter(isBundle),
  )
  return Promise.all(
    found.map(async ({locale, namespace, resources}) => {
      const loaded: unknown = typeof resources === 'function' ? await resources() : resources
      const record = (
        loaded && typeof loaded === 'object' && 'default' in loaded ? loaded.default : loaded
      ) as Record<string, unknown>
      return {locale, namespace, resources: record}
    }),
  )
}

/** The string constants a module exports that name one of its namespaces, by exported name. */
export function namespaceConstants(
  module: Record<string, unknown>,
  bundles: Bundle[],
): Map<string, string> {
  const namespaces = new Set(bundles.map((bundle) => bundle.namespace))
  return new Map(
    Object.entries(module).filter((entry): entry is [string, string] =>
      namespaces.has(entry[1] as string),
    ),
  )
}

function sortedSet(values: Iterable<string>): string {
  return [...new Set(values)].sort().join(', ')
}

/**
 * What is wrong with the bundles: a namespace without one of the Studio's languages, a key
 * missing or empty in a language, or a translation that drops or invents a `{{value}}` or a
 * `<Markup>`.
 */
export function bundleProblems(bundles: Bundle[], locales: readonly string[]): string[] {
  const problems: string[] = []
  const namespaces = new Map<string, Map<string, Record<string, unknown>>>()
  for (const bundle of bundles) {
    const byLocale = namespaces.get(bundle.namespace) ?? new Map()
    if (byLocale.has(bundle.locale)) {
      problems.push(`${bundle.namespace}: two bundles for ${bundle.locale}`)
    }
    byLocale.set(bundle.locale, {...byLocale.get(bundle.locale), ...bundle.resources})
    namespaces.set(bundle.namespace, byLocale)
  }
  for (const [namespace, byLocale] of namespaces) {
    const missing = locales.filter((locale) => !byLocale.has(locale))
    if (missing.length > 0) problems.push(`${namespace}: no bundle in ${missing.join(', ')}`)
    const keys = new Set([...byLocale.values()].flatMap((resources) => Object.keys(resources)))
    for (const key of keys) {
      const texts = new Map<string, string>()
      for (const locale of locales) {
        const text = byLocale.get(locale)?.[key]
        if (!byLocale.has(locale)) continue
        if (typeof text !== 'string' || text.trim() === '') {
          problems.push(`${namespace}: “${key}” has no ${locale} text`)
        } else {
          texts.set(locale, text)
        }
      }
      const shapes = [...texts].map(([locale, text]) => ({
        locale,
        values: sortedSet(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] ?? '')),
        markup: sortedSet(Array.from(text.matchAll(MARKUP), (match) => match[1] ?? '')),
      }))
      const [first, ...others] = shapes
      for (const other of others) {
        if (!first) break
        if (other.values !== first.values) {
          problems.push(
            `${namespace}: “${key}” inserts {{${first.values}}} in ${first.locale} but {{${other.values}}} in ${other.locale}`,
          )
        }
        if (other.markup !== first.markup) {
          problems.push(
            `${namespace}: “${key}” marks up <${first.markup}> in ${first.locale} but <${other.markup}> in ${other.locale}`,
          )
        }
      }
    }
  }
  return problems
}

export interface KeyUse {
  file: string
  line: number
  /** The key, or for a key built from a template (`status.${status}`) the keys it can be. */
  key: string | RegExp
  /** The namespaces the file's translator reads; undefined when it does not say. */
  namespaces: string[] | undefined
}

/** Helpers that take a key of the Studio's own words, and where the key is among their arguments. */
const KEY_ARGUMENT: Record<string, number> = {
  t: 0,
  inStartLanguage: 0,
  inEveryStudioLanguage: 0,
  i18nTitle: 0,
  titled: 1,
  studioText: 1,
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function keyOf(node: ts.Node | undefined): string | RegExp | undefined {
  if (!node) return undefined
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  if (ts.isTemplateExpression(node)) {
    const pattern = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
      .map(escapeRegExp)
      .join('.+')
    return new RegExp(`^${pattern}$`)
  }
  if (ts.isJsxExpression(node)) return keyOf(node.expression)
  return undefined
}

/**
 * The keys a source file asks for: `t('…')` (from `useTranslation(namespace)`), `<Translate
 * i18nKey="…">`, and the Studio's own helpers. `problems` lists translators whose namespace
 * cannot be told.
 */
export function keyUses(
  file: string,
  source: string,
  constants: Map<string, string>,
): {uses: KeyUse[]; problems: string[]} {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  )
  const problems: string[] = []
  const namespaces = new Set<string>()
  const translators = new Set(Object.keys(KEY_ARGUMENT))
  const found: Omit<KeyUse, 'namespaces'>[] = []
  const lineOf = (node: ts.Node) =>
    sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1

  function visit(node: ts.Node) {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text
      if (name === 'useTranslation') {
        const [argument] = node.arguments
        const namespace =
          argument && ts.isStringLiteral(argument)
            ? argument.text
            : argument && ts.isIdentifier(argument)
              ? constants.get(argument.text)
              : undefined
        if (namespace === undefined) {
          problems.push(
            `${file}:${lineOf(node)}: useTranslation(${argument?.getText(sourceFile) ?? ''}) names no namespace exported by an i18n/index.ts`,
          )
        } else {
          namespaces.add(namespace)
        }
        // `const {t: tVersion} = useTranslation(…)`: the translator under another name.
        const declaration = node.parent
        if (ts.isVariableDeclaration(declaration) && ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const property = element.propertyName ?? element.name
            if (
              ts.isIdentifier(property) &&
              property.text === 't' &&
              ts.isIdentifier(element.name)
            ) {
              translators.add(element.name.text)
            }
          }
        }
      } else if (translators.has(name)) {
        const key = keyOf(node.arguments[KEY_ARGUMENT[name] ?? 0])
        if (key !== undefined) found.push({file, line: lineOf(node), key})
      }
    }
    if (
      ts.isJsxAttribute(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'i18nKey' &&
      node.initializer
    ) {
      const key = keyOf(node.initializer)
      if (key !== undefined) found.push({file, line: lineOf(node), key})
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)

  const fileNamespaces = namespaces.size > 0 ? [...namespaces] : undefined
  return {uses: found.map((use) => ({...use, namespaces: fileNamespaces})), problems}
}

const PLURAL_FORM = /_(zero|one|two|few|many|other)$/

/**
 * The key the code asks for: a text in plural forms (`changes_one`, `changes_other`) is asked for
 * by its base key with a `count`, and i18next picks the form the language's rules call for.
 */
function pluralBase(key: string): string {
  return key.replace(PLURAL_FORM, '')
}

/** Keys asked for that some language of the Studio lacks. */
export function usageProblems(
  uses: KeyUse[],
  bundles: Bundle[],
  locales: readonly string[],
): string[] {
  const projectNamespaces = new Set(bundles.map((bundle) => bundle.namespace))
  const keysIn = (namespaces: string[], locale: string) =>
    bundles
      .filter((bundle) => bundle.locale === locale && namespaces.includes(bundle.namespace))
      .flatMap((bundle) =>
        Object.entries(bundle.resources)
          .filter(([, text]) => typeof text === 'string' && text.trim() !== '')
          .map(([key]) => key),
      )
  const problems: string[] = []
  for (const use of uses) {
    const unknown = (use.namespaces ?? []).filter(
      (namespace) => !projectNamespaces.has(namespace) && !SANITY_NAMESPACES.has(namespace),
    )
    if (unknown.length > 0) {
      problems.push(
        `${use.file}:${use.line}: no bundle defines the namespace ${unknown.join(', ')}`,
      )
      continue
    }
    const ours = (use.namespaces ?? [...projectNamespaces]).filter((namespace) =>
      projectNamespaces.has(namespace),
    )
    const alsoSanitys = (use.namespaces ?? []).some((namespace) => SANITY_NAMESPACES.has(namespace))
    const missing = locales.filter((locale) => {
      const keys = keysIn(ours, locale).map(pluralBase)
      return typeof use.key === 'string'
        ? !keys.includes(use.key)
        : !keys.some((key) => (use.key as RegExp).test(key))
    })
    // A key that none of the project's bundles has, in a file that also reads Sanity's own words,
    // is taken to be Sanity's.
    if (missing.length === locales.length && alsoSanitys) continue
    if (missing.length > 0) {
      problems.push(
        `${use.file}:${use.line}: “${String(use.key)}” has no text in ${missing.join(', ')} (${ours.join(', ')})`,
      )
    }
  }
  return problems
}

/**
 * Every problem of the project's Studio words, read from the files under `root`. Where the
 * project translates one of Sanity's own namespaces, Sanity's English (`sanityBundles`, as its
 * plugins bring them) is the list of keys to match.
 */
export async function studioTextProblems(
  root: string,
  locales: readonly string[],
  load: (path: string) => Promise<Record<string, unknown>>,
  sanityBundles: Bundle[] = [],
): Promise<{problems: string[]; bundles: Bundle[]; modules: string[]; uses: KeyUse[]}> {
  const modules = bundleModulePaths(root)
  const bundles: Bundle[] = []
  const constants = new Map<string, string>()
  for (const path of modules) {
    const exports = await load(join(root, path))
    const defined = await exportedBundles(exports)
    bundles.push(...defined)
    for (const [name, namespace] of namespaceConstants(exports, defined))
      constants.set(name, namespace)
  }
  const translated = new Set(bundles.map((bundle) => bundle.namespace))
  const problems = bundleProblems(
    [...bundles, ...sanityBundles.filter((bundle) => translated.has(bundle.namespace))],
    locales,
  )
  const uses: KeyUse[] = []
  for (const path of studioSourcePaths(root)) {
    const result = keyUses(
      relative(root, join(root, path)),
      readFileSync(join(root, path), 'utf8'),
      constants,
    )
    uses.push(...result.uses)
    problems.push(...result.problems)
  }
  problems.push(...usageProblems(uses, bundles, locales))
  return {problems, bundles, modules, uses}
}
