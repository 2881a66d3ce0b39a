import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {nginxPath} from '../../deploy/nginx/foreground'
import {siteConfig, standaloneConfig} from '../../deploy/nginx/render'
import {makeTestCertificate, type TestCertificate} from '../e2e/helpers/testCertificate'

/**
 * What README's "Running it for your team on one server" tells an operator to run, run here:
 * rendering nginx's configuration (and nginx checking it), checking the service definitions, and
 * people, a backup and a restore with the commands as written.
 */

const root = path.resolve(import.meta.dirname, '../..')
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
const guide = readme.slice(
  readme.indexOf('## Running it for your team on one server'),
  readme.indexOf('## Upgrading\n'),
)
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')

function npmRun(script: string, args: string[], env: Record<string, string>): string {
  return execFileSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {...process.env, ...env},
  })
}

describe('the deployment guide', () => {
  let certificate: TestCertificate
  let work: string
  beforeAll(() => {
    certificate = makeTestCertificate('policy.example.test')
    work = mkdtempSync(path.join(tmpdir(), 'policy-guide-'))
  })
  afterAll(() => {
    certificate.remove()
    rmSync(work, {recursive: true, force: true})
  })

  it('renders nginx’s configuration for one origin with TLS and HTTP/2, which nginx accepts', () => {
    expect(guide).toContain('npx tsx deploy/nginx/render.ts --server-name policy.example.org')
    const options = {
      listen: '443',
      origin: '127.0.0.1:3000',
      cacheDir: path.join(work, 'cache'),
      tls: {
        serverName: 'policy.example.test',
        certificate: certificate.chainFile,
        certificateKey: certificate.keyFile,
        redirectListen: '80',
      },
    }
    const rendered = execFileSync(
      process.execPath,
      [
        tsx,
        'deploy/nginx/render.ts',
        '--server-name',
        options.tls.serverName,
        '--certificate',
        options.tls.certificate,
        '--certificate-key',
        options.tls.certificateKey,
        '--origin',
        options.origin,
        '--cache-dir',
        options.cacheDir,
      ],
      {cwd: root, encoding: 'utf8'},
    )
    expect(rendered).toBe(siteConfig(options))
    expect(rendered).toContain('listen 443 ssl http2;')
    expect(rendered).toMatch(/location \/lake\/ \{[^}]*proxy_cache off;[^}]*proxy_buffering off;/)
    // A flood from one address stops at nginx, before it reaches the lake
    expect(rendered).toMatch(
      /location \/lake\/ \{\s*limit_conn policy_lake 512;\s*limit_conn_status 429;/,
    )
    expect(rendered).toContain('return 301 https://$host$request_uri;')

    const nginx = nginxPath()
    if (!nginx) {
      console.warn('nginx is not installed (apt-get install nginx-light): its check is skipped')
      return
    }
    const prefix = mkdtempSync(path.join(work, 'nginx-'))
    const confFile = path.join(prefix, 'nginx.conf')
    execFileSync('sh', ['-c', `cat > ${JSON.stringify(confFile)}`], {
      input: standaloneConfig(prefix, options),
    })
    const check = spawnSync(nginx, ['-t', '-p', prefix, '-c', confFile, '-e', `${prefix}/e.log`], {
      encoding: 'utf8',
    })
    expect(check.stderr).toContain('syntax is ok')
    expect(check.status, check.stderr).toBe(0)
  })

  it('ships service definitions that systemd accepts', (context) => {
    expect(guide).toContain('systemd-analyze verify /etc/systemd/system/policy-site.service')
    const units = readdirSync(path.join(root, 'deploy/systemd')).map((name) =>
      path.join(root, 'deploy/systemd', name),
    )
    expect(units.map((unit) => path.basename(unit)).sort()).toEqual([
      'policy-site-backup.service',
      'policy-site-backup.timer',
      'policy-site.service',
    ])
    if (!existsSync('/usr/bin/systemd-analyze') && !existsSync('/bin/systemd-analyze')) {
      context.skip('systemd-analyze is not installed on this machine (no systemd to check against)')
    }
    const verify = spawnSync('systemd-analyze', ['verify', ...units], {encoding: 'utf8'})
    expect(verify.status, verify.stderr).toBe(0)
    expect(verify.stderr).toBe('')
  })

  it('adds a person, backs the lake up and restores it on another server, the person kept', () => {
    expect(guide).toContain('npm run lake:people -- \\\n  add --name')
    expect(guide).toContain('npm run lake:restore -- /var/backups/policy-site/')
    expect(guide).toContain('npm run lake:backup')
    const server = {LAKE_DATA_DIR: path.join(work, 'lake'), SITE_URL: 'https://policy.example.test'}
    const added = npmRun(
      'lake:people',
      ['add', '--name', 'Camille Tremblay', '--email', 'camille@example.org', '--role', 'editor'],
      server,
    )
    const token = /^ {2}(sk[A-Za-z0-9]{62})$/m.exec(added)?.[1]
    expect(added).toContain(`https://policy.example.test/studio#token=${token}`)

    const backup = path.join(work, 'lake-2026-12-01T023000Z.sqlite')
    npmRun('lake:backup', [backup], server)
    const elsewhere = {...server, LAKE_DATA_DIR: path.join(work, 'restored')}
    npmRun('lake:restore', [backup, '--force'], elsewhere)
    const listed = npmRun('lake:people', ['list'], elsewhere)
    expect(listed).toMatch(
      /^p\w+ {2}Editor {2}Camille Tremblay <camille@example\.org> {2}\(1 token\)$/m,
    )
  })
})
