/**
 * The shipped nginx configuration with its placeholders filled in: for a server (print it with the
 * command below), and as a whole nginx.conf for the tests and benchmarks, which run nginx in the
 * foreground from a folder of their own.
 *
 *   npx tsx deploy/nginx/render.ts --server-name policy.example.org \
 *     --certificate FILE --certificate-key FILE --origin 127.0.0.1:3000 \
 *     --cache-dir DIR
 */
import {mkdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {parseArgs} from 'node:util'

export interface TlsOptions {
  /** The public name (nginx `server_name`), e.g. policy.example.org. */
  serverName: string
  /** The certificate chain (PEM) and its key, as the organisation's CA or Let's Encrypt made them. */
  certificate: string
  certificateKey: string
  /** Where plain HTTP is answered with a redirect to the secure address: a port, or address:port. */
  redirectListen: string
}

export interface SiteConfigOptions {
  /** nginx `listen` value: a port, or address:port. With TLS, `ssl http2` is added. */
  listen: string
  /** Where the site answers: address:port. */
  origin: string
  /** The certificate: without it, plain HTTP (a cache in front of a CDN's own TLS, the tests). */
  tls?: TlsOptions
  /** Folder for the cache's files, writable by nginx's workers. */
  cacheDir: string
}

const TEMPLATE = path.join(import.meta.dirname, 'policy-site.conf')

/** The template without its `# name:begin` … `# name:end` sections that do not apply. */
function withSections(template: string, keep: Record<string, boolean>): string {
  return template.replace(
    /^[ \t]*# (\w+):begin\n([\s\S]*?)^[ \t]*# \1:end\n/gm,
    (_, name: string, body: string) => {
      if (!(name in keep)) throw new Error(`Unknown section "${name}" in ${TEMPLATE}`)
      return keep[name] ? body : ''
    },
  )
}

export function siteConfig({listen, origin, tls, cacheDir}: SiteConfigOptions): string {
  const values: Record<string, string | undefined> = {
    listen,
    origin,
    cache_dir: cacheDir,
    server_name: tls?.serverName,
    certificate: tls?.certificate,
    certificate_key: tls?.certificateKey,
    redirect_listen: tls?.redirectListen,
  }
  const template = withSections(readFileSync(TEMPLATE, 'utf8'), {tls: !!tls})
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`Unknown placeholder {{${name}}} in ${TEMPLATE}`)
    if (/[;{}\s'"]/.test(value))
      throw new Error(`${name} may not hold spaces, quotes, ";" or braces`)
    // Browsers speak HTTP/2 only over TLS: the Studio's live connections then share one.
    return name === 'listen' && tls ? `${value} ssl http2` : value
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
      listen: {type: 'string'},
      origin: {type: 'string', default: '127.0.0.1:3000'},
      'server-name': {type: 'string'},
      certificate: {type: 'string'},
      'certificate-key': {type: 'string'},
      'redirect-listen': {type: 'string', default: '80'},
      'cache-dir': {type: 'string', default: '/var/cache/nginx/policy-site'},
    },
  })
  const {certificate, 'certificate-key': certificateKey, 'server-name': serverName} = values
  const given = [serverName, certificate, certificateKey].filter(Boolean).length
  if (given !== 0 && given !== 3) {
    console.error('--server-name, --certificate and --certificate-key go together.')
    process.exit(2)
  }
  const tls =
    given === 3
      ? {
          serverName: serverName!,
          certificate: path.resolve(certificate!),
          certificateKey: path.resolve(certificateKey!),
          redirectListen: values['redirect-listen'],
        }
      : undefined
  try {
    process.stdout.write(
      siteConfig({
        listen: values.listen ?? (tls ? '443' : '80'),
        origin: values.origin,
        tls,
        cacheDir: values['cache-dir'],
      }),
    )
  } catch (error) {
    console.error((error as Error).message)
    process.exit(2)
  }
}
