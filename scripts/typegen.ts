/**
 * `npm run typegen`: the query result types, generated from the schema by Sanity TypeGen.
 * Extracts the schema from sanity/schemaTypes (`sanity schema extract`, offline: it loads the
 * Studio's configuration, asks no API), then types every query of sanity/lib/queries.ts into
 * sanity.types.ts, both formatted as the project formats its files.
 * `npm run typegen:check` (part of `npm test`) generates the same into a scratch folder and fails,
 * naming the file, when what is checked in differs: a schema or a query changed without its types.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {runTypegenGenerate} from '@sanity/codegen'
import prettier from 'prettier'
import {TYPEGEN} from '../sanity.cli'

const root = path.resolve(import.meta.dirname, '..')
const check = process.argv.includes('--check')

async function formatted(file: string, text: string): Promise<string> {
  const options = await prettier.resolveConfig(path.join(root, file))
  return prettier.format(text, {...options, filepath: path.join(root, file)})
}

async function generate(scratch: string): Promise<Map<string, string>> {
  // The CLI takes the path relative to the project, however it is written
  const schemaFile = path.relative(root, path.join(scratch, 'schema.json'))
  const extracted = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/sanity/bin/sanity'),
      'schema',
      'extract',
      '--enforce-required-fields',
      `--path=${schemaFile}`,
    ],
    // A privacy product sends no usage data anywhere, its tools' included
    {cwd: root, stdio: 'inherit', env: {...process.env, DO_NOT_TRACK: '1'}},
  )
  if (extracted.status !== 0) throw new Error('sanity schema extract failed')
  const typesFile = path.relative(root, path.join(scratch, 'sanity.types.ts'))
  const result = await runTypegenGenerate({
    config: {...TYPEGEN, schema: schemaFile, generates: typesFile, formatGeneratedCode: false},
    workDir: root,
  })
  if (result.filesWithErrors > 0) throw new Error(`TypeGen could not read ${TYPEGEN.path}`)
  // The types name the schema they come from: the one checked in, not the scratch copy
  const types = result.code.replaceAll(schemaFile, path.normalize(TYPEGEN.schema))
  return new Map([
    [TYPEGEN.schema, await formatted(TYPEGEN.schema, readFileSync(schemaFile, 'utf8'))],
    [TYPEGEN.generates, await formatted(TYPEGEN.generates, types)],
  ])
}

async function main(): Promise<number> {
  // Inside the project (the CLI writes relative to it), in a folder git and Prettier ignore
  const scratch = path.join(root, '.data', `typegen-${process.pid}`)
  mkdirSync(scratch, {recursive: true})
  try {
    const files = await generate(scratch)
    const stale = [...files].filter(([file, text]) => {
      try {
        return readFileSync(path.join(root, file), 'utf8') !== text
      } catch {
        return true
      }
    })
    if (check) {
      for (const [file] of stale) {
        console.error(`${file} is out of date with the schema and the queries: run npm run typegen`)
      }
      return stale.length > 0 ? 1 : 0
    }
    for (const [file, text] of stale) writeFileSync(path.join(root, file), text)
    console.log(stale.length > 0 ? `Wrote ${stale.map(([file]) => file).join(', ')}` : 'Up to date')
    return 0
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
