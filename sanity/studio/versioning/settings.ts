import {studioTarget} from '../../../lib/env'

/** The API version the versioning actions and views read and write with. */
export const VERSIONING_API_VERSION = studioTarget().apiVersion
