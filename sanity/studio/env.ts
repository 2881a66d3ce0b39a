import {parseEnv} from '../../lib/env'

/**
 * Where the Studio finds the content. The Studio runs in the browser, so next.config.ts checks the
 * settings at build time (lib/env.ts) and bakes them in as NEXT_PUBLIC_* values; each is read by
 * its literal name so that the bundler can inline it.
 */
export interface StudioTarget {
  projectId: string
  dataset: string
  apiVersion: string
  /** The embedded lake's HTTP/2 + TLS address; undefined for a real project (Sanity's own hosts). */
  apiHost?: string
}

function targetFromBuild(): StudioTarget | undefined {
  const projectId = process.env.NEXT_PUBLIC_SANITY_PROJECT_ID
  const dataset = process.env.NEXT_PUBLIC_SANITY_DATASET
  const apiVersion = process.env.NEXT_PUBLIC_SANITY_API_VERSION
  if (!projectId || !dataset || !apiVersion) return undefined
  return {
    projectId,
    dataset,
    apiVersion,
    apiHost: process.env.NEXT_PUBLIC_SANITY_STUDIO_API_HOST || undefined,
  }
}

/** Outside a Next build (the Sanity CLI loading the Studio config): the variables the site reads. */
function targetFromEnvironment(): StudioTarget {
  const {sanity, lakeHttpsPort} = parseEnv(process.env)
  return {
    projectId: sanity.projectId,
    dataset: sanity.dataset,
    apiVersion: sanity.apiVersion,
    apiHost: sanity.embeddedLake ? `https://localhost:${lakeHttpsPort}` : undefined,
  }
}

export const studioTarget: StudioTarget = targetFromBuild() ?? targetFromEnvironment()

/** True when the Studio edits the embedded lake rather than a real Sanity project. */
export const studioUsesEmbeddedLake = studioTarget.apiHost !== undefined

/**
 * The origin the Studio actually calls: Sanity's client puts the project id in front of the host
 * (`https://local.localhost:3334`). Browsers resolve every `*.localhost` name to this computer.
 */
export function studioApiOrigin({projectId, apiHost}: StudioTarget): string | undefined {
  if (!apiHost) return undefined
  const url = new URL(apiHost)
  url.hostname = `${projectId}.${url.hostname}`
  return url.origin
}
