import type {NextConfig} from 'next'
import createNextIntlPlugin from 'next-intl/plugin'
import {ConfigurationError, env} from './lib/env'

// Fail at start, with one line naming the variable, rather than on the first request.
try {
  env()
} catch (error) {
  if (error instanceof ConfigurationError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
}

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig)
