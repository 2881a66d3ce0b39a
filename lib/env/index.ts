/**
 * Every setting the product reads from the environment, read and checked here and nowhere else:
 * the site (`env()`, `parseEnv`), the lake (`readLakeEnv`) and the Studio (`studioTarget`) each
 * take what they need, with the same defaults and the same rules. A bad value stops the process
 * at start with one line naming the variable. The README's Configuration table lists them all.
 */
export {
  ConfigurationError,
  DEFAULT_API_VERSION,
  DEFAULT_DATASET,
  EMBEDDED_PROJECT_ID,
  LAKE_DEFAULTS,
  nextDistDir,
  settingsOrExit,
  siteUrl,
  webOrigin,
} from './read'
export {
  checkRealProjectSettings,
  env,
  parseEnv,
  type Env,
  type SanityTarget,
  type SignoffSettings,
} from './site'
export {LAKE_DATASETS, LAKE_PROJECT_ID, readLakeEnv, type LakeEnv, type WebhookTarget} from './lake'
export {
  lakeOnSiteOrigin,
  LAKE_PUBLIC_PATH,
  studioApiOrigin,
  studioLakeApiHost,
  studioBuildEnv,
  studioTarget,
  studioTargetOf,
  studioUsesEmbeddedLake,
  type StudioTarget,
} from './studio'
