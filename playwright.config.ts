import {defineConfig, devices} from '@playwright/test'
import path from 'node:path'

/**
 * End-to-end tests run against the production build, served by `npm start` with a fresh embedded
 * lake on ports of their own, in Debian's Chromium.
 */
// E2E_PORT_BASE and NEXT_DIST_DIR let two test runs on one machine use their own ports and build.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100)
export const E2E_SITE_PORT = portBase
export const E2E_LAKE_PORT = portBase + 1
export const E2E_LAKE_HTTPS_PORT = portBase + 2
export const E2E_LAKE_DATA_DIR = path.resolve(`.data/e2e-lake-${portBase}`)
export const E2E_SITE_DATA_DIR = path.resolve(`.data/e2e-site-${portBase}`)
const baseURL = `http://localhost:${E2E_SITE_PORT}`

/** How the tests, and the benchmarks that measure pages, run Chromium: headless, offline, quiet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export default defineConfig({
  testDir: 'tests/e2e',
  // A run on other ports keeps its artifacts apart too, since each run empties its folder first.
  outputDir: process.env.E2E_PORT_BASE ? `.data/test-results-${portBase}` : 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', {open: 'never'}]],
  timeout: 60_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    ignoreHTTPSErrors: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{name: 'chromium', use: {...devices['Desktop Chrome']}}],
  webServer: {
    command: 'npm start',
    url: `${baseURL}/fr/politique-de-confidentialite`,
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    env: {
      PORT: String(E2E_SITE_PORT),
      SITE_URL: baseURL,
      LAKE_PORT: String(E2E_LAKE_PORT),
      LAKE_HTTPS_PORT: String(E2E_LAKE_HTTPS_PORT),
      LAKE_DATA_DIR: E2E_LAKE_DATA_DIR,
      SITE_DATA_DIR: E2E_SITE_DATA_DIR,
      LAKE_FRESH: '1',
    },
  },
})
