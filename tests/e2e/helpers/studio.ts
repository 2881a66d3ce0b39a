import {createClient, type SanityClient} from '@sanity/client'
import type {Page} from '@playwright/test'
import {EMBEDDED_PROJECT_ID} from '../../../lib/env'
import {readLocalUsers, type LocalUser} from '../../../sanity/lake/auth'
import {studioLocaleStorageKey, type StudioLocale} from '../../../sanity/studio/i18n/locales'
import {E2E_LAKE_DATA_DIR, E2E_LAKE_HTTPS_PORT, E2E_LAKE_PORT} from '../../../playwright.config'

/** The Studio is a large application: its first load on a small machine takes a while. */
export const STUDIO_LOAD_TIMEOUT = 90_000

/** Where the Studio in the e2e build reaches the lake: the project's name in front of the host. */
export const E2E_STUDIO_API_ORIGIN = `https://local.localhost:${E2E_LAKE_HTTPS_PORT}`

/**
 * The embedded lake's local users, made at its first start: the shared copy's (the webServer
 * starts it) unless another copy's data folder is given.
 */
export function localUser(role: LocalUser['role'], lakeDataDir = E2E_LAKE_DATA_DIR): LocalUser {
  const user = readLocalUsers(lakeDataDir).find((candidate) => candidate.role === role)
  if (!user) throw new Error(`The embedded lake has no ${role}.`)
  return user
}

/**
 * Logs the page in the way the Studio remembers a token login, and with the language the person
 * chose for the Studio: both in local storage. English unless said, for the tests that tell a
 * story in the Studio's English words; the Studio's own default, French, is tested on its own.
 */
export async function logInToStudio(
  page: Page,
  user: LocalUser,
  language: StudioLocale | 'not chosen yet' = 'en-US',
): Promise<void> {
  await page.addInitScript(
    ({token, localeKey, language}) => {
      window.localStorage.setItem('__studio_auth_token_local', JSON.stringify({token}))
      // Only before the person first chooses: a choice made during the test is kept on reload.
      if (language !== 'not chosen yet' && window.localStorage.getItem(localeKey) === null) {
        window.localStorage.setItem(localeKey, language)
      }
    },
    {token: user.token, localeKey: studioLocaleStorageKey(EMBEDDED_PROJECT_ID), language},
  )
}

/** `@sanity/client` reading the lake as the site does, with a user's token. */
export function lakeClient(user: LocalUser, lakePort = E2E_LAKE_PORT): SanityClient {
  return createClient({
    projectId: 'local',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: `http://127.0.0.1:${lakePort}`,
    useProjectHostname: false,
    useCdn: false,
    token: user.token,
    perspective: 'published',
  })
}
