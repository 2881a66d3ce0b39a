/**
 * The Sanity CLI's view of the project, e.g. for importing the seed into a real project:
 * `SANITY_PROJECT_ID=… SANITY_DATASET=production npx sanity dataset import sanity/seed/production.ndjson production`.
 * The same variables as the site, checked by the same code.
 */
import {defineCliConfig} from 'sanity/cli'
import {parseEnv} from './lib/env'

const {sanity} = parseEnv(process.env)

export default defineCliConfig({
  api: {projectId: sanity.projectId, dataset: sanity.dataset},
  project: {basePath: '/studio'},
})
