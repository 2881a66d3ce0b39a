'use client'

/**
 * The Sanity Studio, embedded in the site at /studio. Against the embedded lake it talks to the
 * lake through the site's own origin (`/lake`) when served over HTTPS, or to the lake's own
 * HTTP/2 + TLS port on a laptop, and logs in with a person's token; with a real project it uses
 * Sanity's own hosts and login (docs/decisions/0004-offline-studio.md,
 * docs/decisions/0023-one-origin-and-people.md).
 */
import {createClient, type ClientConfig} from '@sanity/client'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {schemaTypes} from './sanity/schemaTypes'
import {presentationBundles} from './sanity/presentation/i18n'
import {presentation} from './sanity/presentation/tool'
import {structure} from './sanity/structure'
import {lakeOnSiteOrigin, studioLakeApiHost, studioTarget, studioUsesEmbeddedLake} from './lib/env'
import {frenchLocale, inStartLanguage, studioBundles, studioLocales} from './sanity/studio/i18n'
import {sanityFrenchBundles} from './sanity/studio/i18n/sanityFrench'
import {STUDIO_WORKSPACE_NAME} from './sanity/studio/i18n/locales'
import {STUDIO_PATH} from './sanity/studio/localLogin'
import {localLoginProvider} from './sanity/studio/localLoginProvider'
import {PolicyNavbar} from './sanity/studio/PolicyNavbar'
import {documentActions, newDocumentOptions, templates} from './sanity/studio/singleton'
import {versioningActions, versioningBadges} from './sanity/studio/versioning/documentActions'
import {defaultDocumentNode} from './sanity/studio/versioning/documentNode'
import {versioningBundles} from './sanity/studio/versioning/i18n'

const target = studioTarget()
const {projectId, dataset} = target
// The page's origin, in the browser; the Sanity CLI (no page) keeps the configured address.
const pageOrigin = typeof window === 'undefined' ? undefined : window.location.origin
const onSiteOrigin = pageOrigin !== undefined && lakeOnSiteOrigin(pageOrigin)

/**
 * Sanity's client puts the project id in front of its API host (`local.example.org`) unless told
 * not to, and the Studio has no setting for that but this factory: every client it makes calls
 * the lake's path on the Studio's own origin, the presence socket included.
 */
function sameOriginClient(config: ClientConfig) {
  return createClient({...config, useProjectHostname: false})
}

const embeddedLake = studioUsesEmbeddedLake()
  ? {
      apiHost: pageOrigin ? studioLakeApiHost(target, pageOrigin) : target.apiHost,
      ...(onSiteOrigin ? {unstable_clientFactory: sameOriginClient} : {}),
      // Since Studio 6 the providers given replace Sanity's own: only the local login.
      auth: {loginMethod: 'token' as const, providers: [localLoginProvider]},
      // Studio 6 searches with GROQ's text::matchQuery by default, which the embedded lake's GROQ
      // does not have; the earlier strategy asks with `match` (docs/decisions/0021-node-lts.md).
      search: {strategy: 'groqLegacy' as const},
    }
  : // Sanity's login, with the session kept as a token the Studio's client holds: Approve and
    // Publish send it to the site, which asks Sanity who it is (sanity/studio/versioning/signoffApi.ts).
    {auth: {loginMethod: 'token' as const}}

// Comments need Sanity's hosted comment store, which the embedded lake does not offer.
const comments = {enabled: !studioUsesEmbeddedLake()}

export default defineConfig({
  name: STUDIO_WORKSPACE_NAME,
  title: inStartLanguage('workspace.title'),
  basePath: STUDIO_PATH,
  projectId,
  dataset,
  ...embeddedLake,
  plugins: [
    frenchLocale,
    structureTool({structure, defaultDocumentNode, title: inStartLanguage('tool.structure.title')}),
    presentation,
  ],
  // French by default, English on request (README, "The Studio's languages"). Each part of the
  // Studio registers its own words here.
  i18n: {
    locales: studioLocales,
    bundles: [
      ...studioBundles,
      ...presentationBundles,
      ...versioningBundles,
      ...sanityFrenchBundles,
    ],
  },
  studio: {components: {navbar: PolicyNavbar}},
  schema: {types: schemaTypes, templates},
  document: {
    actions: (prev, context) => versioningActions(documentActions(prev, context), context),
    badges: versioningBadges,
    newDocumentOptions,
    comments,
  },
  // Versions of the policy are how changes are prepared, approved and scheduled; Sanity's own
  // releases and scheduling would be a second path around the legal sign-off.
  releases: {enabled: false},
  scheduledDrafts: {enabled: false},
  scheduledPublishing: {enabled: false},
  tasks: {enabled: false},
})
