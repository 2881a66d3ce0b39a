/**
 * GROQ: queries and listener filters parsed and evaluated in worker threads, with time and memory
 * limits and lanes that keep anonymous clients from taking every worker.
 */

export {checkedParams, paramsFromSearch} from './params'
export {applyPerspective, parsePerspective, type Perspective} from './perspective'
export {QueryPool} from './queryPool'
// queryWorker.ts starts serving as soon as a worker thread loads it: nothing but its types is
// exported from here, so that other workers may use this layer
export {filterKey, type FilterSpec} from './filters'
export {type SharedText, shareText} from './sharedText'
