/**
 * The Sanity CLI's view of the project, e.g. for importing the seed into a real project:
 * `SANITY_PROJECT_ID=… SANITY_DATASET=production npx sanity dataset import sanity/seed/production.ndjson production`.
 * The same variables as the site, checked by the same code. `typegen` is what `npm run typegen`
 * (scripts/typegen.ts) generates the query result types from.
 */
import {defineCliConfig} from 'sanity/cli'
import {parseEnv} from './lib/env'

const {sanity} = parseEnv(process.env)

export const TYPEGEN = {
  /** Every query is declared in this one module. */
  path: './sanity/lib/queries.ts',
  /** The schema as `sanity schema extract --enforce-required-fields` writes it. */
  schema: './sanity/schema.json',
  generates: './sanity.types.ts',
  overloadClientMethods: true,
}

export default defineCliConfig({
  api: {projectId: sanity.projectId, dataset: sanity.dataset},
  project: {basePath: '/studio'},
  typegen: TYPEGEN,
})
