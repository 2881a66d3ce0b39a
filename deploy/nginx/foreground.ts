/**
 * nginx run in the foreground from a folder of its own, for the end-to-end tests and the
 * benchmarks: started, waited for, and stopped with everything it wrote removed.
 */
import {spawn} from 'node:child_process'
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

export interface RunningNginx {
  /** Its process group, for measuring the CPU it uses. */
  pid: number
  stop(): Promise<void>
}

/** nginx from NGINX_PATH, the PATH, or Debian's /usr/sbin. */
export function nginxPath(): string | undefined {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx']
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate))
}

/**
 * Writes the configuration `configure(prefix)` returns into a new temporary folder, starts nginx
 * on it and resolves once `probeUrl` answers.
 */
export async function startNginx(
  configure: (prefix: string) => string,
  probeUrl: string,
): Promise<RunningNginx> {
  const nginx = nginxPath()
  if (!nginx)
    throw new Error('nginx is not installed (apt-get install nginx-light, or set NGINX_PATH)')
  const prefix = mkdtempSync(path.join(tmpdir(), 'policy-nginx-'))
  // nginx's workers run as another user when root starts it: they must reach the folder.
  chmodSync(prefix, 0o755)
  const confFile = path.join(prefix, 'nginx.conf')
  writeFileSync(confFile, configure(prefix))
  const child = spawn(nginx, ['-p', prefix, '-c', confFile, '-e', path.join(prefix, 'error.log')], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, 'SIGQUIT')
        } catch {
          // Already gone.
        }
        const timedOut = await Promise.race([
          exited.then(() => false),
          sleep(5000).then(() => true),
        ])
        if (timedOut) {
          try {
            process.kill(-child.pid!, 'SIGKILL')
          } catch {
            // Already gone.
          }
          await exited
        }
      }
      rmSync(prefix, {recursive: true, force: true})
    })())

  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(probeUrl, {redirect: 'manual'})
      await response.arrayBuffer()
      if (response.status < 500) return {pid: child.pid!, stop}
    } catch {
      // Not listening yet.
    }
    await sleep(100)
  }
  let errorLog = ''
  try {
    errorLog = readFileSync(path.join(prefix, 'error.log'), 'utf8')
  } catch {
    // nginx stopped before it opened its log.
  }
  await stop()
  throw new Error(`nginx did not start:\n${stderr}${errorLog}`)
}
