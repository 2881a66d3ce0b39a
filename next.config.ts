import type {NextConfig} from 'next'
import createNextIntlPlugin from 'next-intl/plugin'
import {staticSecurityHeaders} from './lib/delivery/securityHeaders'
import {env, nextDistDir, settingsOrExit, studioBuildEnv} from './lib/env'

const settings = settingsOrExit(env)
const secure = settings.siteUrl.protocol === 'https:'

const nextConfig: NextConfig = {
  // A separate build folder (under .data/) lets two test runs on one machine build side by side.
  distDir: nextDistDir(),
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
  env: studioBuildEnv(settings),
}

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig)
