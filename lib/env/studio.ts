import {parseEnv, type Env} from './site'

/**
 * Where the Studio finds the content. The Studio runs in the browser, so next.config.ts checks the
 * settings at build time (`parseEnv`) and bakes them in as NEXT_PUBLIC_* values
 * (`studioBuildEnv`); each is read back by its literal name so that the bundler can inline it.
 */
export interface StudioTarget {
  projectId: string
  dataset: string
  apiVersion: string
  /**
   * The embedded lake's own HTTP/2 + TLS address, for a Studio opened over plain HTTP on the
   * machine that runs it; undefined for a real project (Sanity's own hosts).
   */
  apiHost?: string
}

/**
 * Where the site's origin leads to the embedded lake: the site's own server (scripts/serve.ts,
 * lib/delivery/lakeRelay.ts) routes this path to it, and nginx passes it through untouched
 * (deploy/nginx/policy-site.conf). A Studio served over HTTPS calls it and nothing else; browsers
 * speak HTTP/2 (which the Studio's dozen live connections need) only over TLS, so a Studio opened
 * over plain HTTP on a laptop keeps the lake's own TLS port (docs/decisions/0023-one-origin-and-people.md).
 */
export const LAKE_PUBLIC_PATH = '/lake'

/** Whether a Studio served from `origin` reaches the lake through that origin's `/lake`. */
export function lakeOnSiteOrigin(origin: string | URL): boolean {
  return new URL(origin).protocol === 'https:'
}

/** The Studio's target as the site's settings describe it. */
export function studioTargetOf({sanity, lakeHttpsPort}: Env): StudioTarget {
  return {
    projectId: sanity.projectId,
    dataset: sanity.dataset,
    apiVersion: sanity.apiVersion,
    apiHost: sanity.embeddedLake ? `https://localhost:${lakeHttpsPort}` : undefined,
  }
}

/** What a build bakes into the browser's code for the Studio (next.config.ts `env`). */
export function studioBuildEnv(settings: Env): Record<string, string> {
  const target = studioTargetOf(settings)
  return {
    NEXT_PUBLIC_SANITY_PROJECT_ID: target.projectId,
    NEXT_PUBLIC_SANITY_DATASET: target.dataset,
    NEXT_PUBLIC_SANITY_API_VERSION: target.apiVersion,
    NEXT_PUBLIC_SANITY_STUDIO_API_HOST: target.apiHost ?? '',
  }
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

let target: StudioTarget | undefined

/**
 * The Studio's target: baked in by the build, or, outside a Next build (the Sanity CLI loading
 * the Studio config), read from the variables the site reads.
 */
export function studioTarget(): StudioTarget {
  target ??= targetFromBuild() ?? studioTargetOf(parseEnv(process.env))
  return target
}

/** True when the Studio edits the embedded lake rather than a real Sanity project. */
export function studioUsesEmbeddedLake(): boolean {
  return studioTarget().apiHost !== undefined
}

/**
 * The address the Studio's clients are given for the embedded lake, in the browser: the lake's
 * path on the page's own origin when it was served over HTTPS, else the lake's own TLS port.
 */
export function studioLakeApiHost(target: StudioTarget, pageOrigin: string): string | undefined {
  if (!target.apiHost) return undefined
  return lakeOnSiteOrigin(pageOrigin)
    ? `${new URL(pageOrigin).origin}${LAKE_PUBLIC_PATH}`
    : target.apiHost
}

/**
 * The origin the Studio calls on its own TLS port: Sanity's client puts the project id in front of the host
 * (`https://local.localhost:3334`). Browsers resolve every `*.localhost` name to this computer.
 */
export function studioApiOrigin({projectId, apiHost}: StudioTarget): string | undefined {
  if (!apiHost) return undefined
  const url = new URL(apiHost)
  url.hostname = `${projectId}.${url.hostname}`
  return url.origin
}
