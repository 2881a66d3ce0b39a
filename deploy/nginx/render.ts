/**
 * The shipped nginx configuration with its placeholders filled in: for a server (print it with the
 * command below), and as a whole nginx.conf for the tests and benchmarks, which run nginx in the
 * foreground from a folder of their own.
 *
 *   npx tsx deploy/nginx/render.ts --listen 80 --origin 127.0.0.1:3000 --cache-dir DIR
 */
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'

export interface SiteConfigOptions {
  /** nginx `listen` value: a port, or address:port. */
  listen: string
  /** Where the site answers: address:port. */
  origin: string
  /** Folder for the cache's files, writable by nginx's workers. */
  cacheDir: string
}

const TEMPLATE = path.join(import.meta.dirname, 'policy-site.conf')

export function siteConfig({listen, origin, cacheDir}: SiteConfigOptions): string {
  const values: Record<string, string> = {listen, origin, cache_dir: cacheDir}
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`Unknown placeholder {{${name}}} in ${TEMPLATE}`)
    return value
  })
}

/**
 * A complete nginx.conf running in the foreground with everything under `prefix` (pid, logs,
 * temporary files, cache), one worker, and the site's configuration.
 */
export function standaloneConfig(
  prefix: string,
  options: Omit<SiteConfigOptions, 'cacheDir'>,
): string {
  const inPrefix = (name: string) => path.join(prefix, name)
  for (const name of ['cache', 'client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(inPrefix(name), {recursive: true})
  }
  const temp = (name: string) => `${name}_temp_path ${inPrefix(name)};`
  // Started by root, nginx's workers would otherwise run as nobody, who cannot write the cache.
  const user = process.getuid?.() === 0 ? 'user root;\n' : ''
  return `${user}worker_processes 1;
daemon off;
pid ${inPrefix('nginx.pid')};
error_log ${inPrefix('error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  keepalive_requests 1000000;
${siteConfig({...options, cacheDir: inPrefix('cache')})}
}
`
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const {values} = parseArgs({
    options: {
      listen: {type: 'string', default: '80'},
      origin: {type: 'string', default: '127.0.0.1:3000'},
      'cache-dir': {type: 'string', default: '/var/cache/nginx/policy-site'},
    },
  })
  process.stdout.write(
    siteConfig({listen: values.listen, origin: values.origin, cacheDir: values['cache-dir']}),
  )
}
