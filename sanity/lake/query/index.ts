/**
 * GROQ: queries and listener filters parsed and evaluated in worker threads, with time and memory
 * limits and lanes that keep anonymous clients from taking every worker.
 */

export {checkedParams, paramsFromSearch} from './params'
export {applyPerspective, parsePerspective, type Perspective} from './perspective'
export {QueryPool} from './queryPool'
export {type FilterSpec, filterKey} from './queryWorker'
export {type SharedText, shareText} from './sharedText'
