/**
 * `npm run authorship:vouch -- --by "<who>" --why "<why>"`: an operator vouches, on
 * purpose, for who wrote what before now, when the site's record of authorship was lost (or
 * started late) while the content source's history no longer reaches back to the previous
 * publication, so that every approval is refused as _authorship not covered_
 * (docs/decisions/0020-separation-of-duties-from-a-complete-history.md). From now on the record
 * is the window: writes before now are not judged, and a candidate prepared before now must be
 * prepared again. Run it while the site runs (its listener must be connected), with the site's
 * settings (SITE_DATA_DIR); the line in the record keeps who vouched, why and when.
 */
import path from 'node:path'
import {parseArgs} from 'node:util'
import {parseEnv, settingsOrExit} from '../lib/env'
import {appendToRecord, AUTHORSHIP_RECORD_FILE_NAME} from '../lib/policy/authorshipRecord'

const {values} = parseArgs({options: {by: {type: 'string'}, why: {type: 'string'}}})
if (!values.by?.trim() || !values.why?.trim()) {
  console.error('Usage: npm run authorship:vouch -- --by "<who>" --why "<why>"')
  process.exit(2)
}
const config = settingsOrExit(() => parseEnv(process.env))
const file = path.resolve(config.siteDataDir, AUTHORSHIP_RECORD_FILE_NAME)
appendToRecord(file, [{vouched: new Date().toISOString(), by: values.by, why: values.why}])
console.log(`Recorded in ${file}: ${values.by} vouches for who wrote what before now.`)
