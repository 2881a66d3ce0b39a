import type {NextConfig} from 'next'
import createNextIntlPlugin from 'next-intl/plugin'
import {staticSecurityHeaders} from './lib/delivery/securityHeaders'
import {ConfigurationError, env} from './lib/env'

// Fail at start, with one line naming the variable, rather than on the first request.
function loadEnv() {
  try {
    return env()
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
}

const {sanity, lakeHttpsPort, siteUrl} = loadEnv()
const secure = siteUrl.protocol === 'https:'

const nextConfig: NextConfig = {
  // A separate build folder (under .data/) lets two test runs on one machine build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (site, Studio, lake, tests) with tsc; the build does
  // not repeat it, which keeps `npm start` fast on a first run.
  typescript: {ignoreBuildErrors: true},
  // The proxy sets headers on everything else; build files skip it, so they get theirs here.
  async headers() {
    const headers = {
      ...staticSecurityHeaders(secure),
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    }
    return [
      {
        source: '/_next/static/:path*',
        headers: Object.entries(headers).map(([key, value]) => ({key, value})),
      },
    ]
  },
  // The Studio runs in the browser: it learns where the content lives at build time. Against the
  // embedded lake it talks HTTP/2 over TLS, which lifts the browser's six-connection limit.
  env: {
    NEXT_PUBLIC_SANITY_PROJECT_ID: sanity.projectId,
    NEXT_PUBLIC_SANITY_DATASET: sanity.dataset,
    NEXT_PUBLIC_SANITY_API_VERSION: sanity.apiVersion,
    NEXT_PUBLIC_SANITY_STUDIO_API_HOST: sanity.embeddedLake
      ? `https://localhost:${lakeHttpsPort}`
      : '',
  },
}

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig)
