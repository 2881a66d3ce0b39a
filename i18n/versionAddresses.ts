import {env} from '@/lib/env'
import type {VersionAddresses} from '@/lib/feed/versions'
import {getPathname} from './navigation'
import type {Locale} from './routing'

/** Absolute addresses of a version's page and of its redline against the previous version. */
export function versionAddresses(
  number: number,
  previous: number | undefined,
  locale: Locale,
): VersionAddresses {
  const absolute = (path: string) => new URL(path, env().siteUrl).href
  const version = absolute(
    getPathname({
      href: {pathname: '/privacy-policy/versions/[number]', params: {number: String(number)}},
      locale,
    }),
  )
  if (previous === undefined) return {version}
  const changes = absolute(
    getPathname({
      href: {
        pathname: '/privacy-policy/compare',
        query: {from: String(previous), to: String(number)},
      },
      locale,
    }),
  )
  return {version, changes}
}
