/**
 * The lake under attack: for each way a hostile client was found to stall the lake, starve the
 * site's reads or hold its memory (issue #23's table), the p50/p99 of the site's own query (with
 * the site's token, as `npm start` has it) and of `/ping`, and the lake's peak RSS while the
 * attack runs, next to the same figures with no attack. The lake runs in a process of its own
 * with its default limits; probes run in a worker thread of their own, so that what the attackers
 * cost this process does not count against the lake. Last, how long each kind of slow or silent
 * connection is kept on each port (the figures the lake's README gives).
 *
 * Run: npx tsx bench/lake/attacks.ts [--seconds 8] [--transactions 10000] [--only name,...]
 *      [--profile DIR]   (the lake's CPU profiles, one per thread, written to DIR as it stops)
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {connect as http2Connect} from 'node:http2'
import {request as httpRequest} from 'node:http'
import {connect as netConnect, type Socket} from 'node:net'
import {cpus, loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {connect as tlsConnect} from 'node:tls'
import {parseArgs} from 'node:util'
import {Worker} from 'node:worker_threads'

import {readLocalUsers, readServices} from '../../sanity/lake/server'
import {generateDataset} from './dataset'

const {values} = parseArgs({
  options: {
    seconds: {type: 'string', default: '8'},
    transactions: {type: 'string', default: '10000'},
    only: {type: 'string'},
    profile: {type: 'string'},
  },
})
const SECONDS = Number(values.seconds)
const TRANSACTIONS = Number(values.transactions)
const ONLY = values.only?.split(',')
const ROOT = join(import.meta.dirname, '..', '..')
const API = '/v2025-02-19'
const SITE_QUERY = `*[_type == "policyVersion" && status == "published" && effectiveDate <= $today] | order(number desc)[0]`
const SITE_PATH = `${API}/data/query/production?query=${encodeURIComponent(SITE_QUERY)}&$today=${encodeURIComponent('"2026-06-30"')}&returnQuery=false`
/** Attackers come from addresses of their own on the loopback network. */
const ATTACKERS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5']
const FILLER_QUERY = `count(*[_type == "filler"][0...$n]{"a": count(*[_type == "filler"][0...$n]{"b": count(*[_type == "filler" && _id > ^._id])})})`

interface Lake {
  child: ChildProcess
  url: string
  httpsUrl: string
  siteToken: string
  editorToken: string
}

function startLakeProcess(dataDir: string, seedFile: string): Promise<Lake> {
  const script = `
    const {startLake} = await import('./sanity/lake/server.ts')
    const lake = await startLake(JSON.parse(process.env.BENCH_LAKE_OPTIONS))
    // Leaving through exit() is what writes a CPU profile
    process.once('SIGTERM', () => process.exit(0))
    console.log('listening on ' + lake.url + ' ' + lake.httpsUrl)
  `
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        BENCH_LAKE_OPTIONS: JSON.stringify({port: 0, httpsPort: 0, quiet: true, dataDir, seedFile}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (\S+) (\S+)/.exec(output)
      if (match?.[1] && match[2]) {
        child.stdout?.off('data', onData)
        resolve({
          child,
          url: match[1],
          httpsUrl: match[2],
          siteToken: readServices(dataDir)['site-reader']!.token,
          editorToken: readLocalUsers(dataDir).find((user) => user.role === 'editor')!.token,
        })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`The lake exited with ${code}:\n${output}`)))
  })
}

/**
 * The reference for a flood of connections: a Node server that answers every request at once and
 * closes each connection past a client's 512 as it arrives, as the lake does, and nothing else.
 */
function startReferenceProcess(): Promise<Lake> {
  const script = `
    const http = require('node:http')
    const open = new Map()
    const server = http.createServer((req, res) => res.end('{"result":null}'))
    server.on('connection', (socket) => {
      const address = socket.remoteAddress
      const count = open.get(address) ?? 0
      if (count >= 512) return socket.destroy()
      open.set(address, count + 1)
      socket.once('close', () => open.set(address, open.get(address) - 1))
    })
    process.once('SIGTERM', () => process.exit(0))
    server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port))
  `
  const child = spawn(process.execPath, ['-e', script], {stdio: ['ignore', 'pipe', 'pipe']})
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => {
      const url = /listening on (\S+)/.exec(chunk.toString())?.[1]
      if (url) resolve({child, url, httpsUrl: url, siteToken: '', editorToken: ''})
      else reject(new Error(`The reference server said: ${chunk.toString()}`))
    })
    child.once('exit', (code) => reject(new Error(`The reference server exited with ${code}`)))
  })
}

/** Asks the lake to stop, and makes it when it does not within a few seconds. */
function stopLakeProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000)
    child.once('exit', () => {
      clearTimeout(force)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** The lake's resident memory, from the kernel. */
function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(match?.[1] ?? 0) * 1024
}

interface Answer {
  status: number
  body: string
}

/** One HTTP request, read whole; status 0 when it fails or takes longer than `timeoutMs`. */
function ask(
  url: string,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string
    from?: string
    timeoutMs?: number
  },
): Promise<Answer> {
  const {hostname, port} = new URL(url)
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        localAddress: options.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          clearTimeout(timer)
          resolve({status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString()})
        })
        res.on('error', () => resolve({status: 0, body: ''}))
      },
    )
    const timer = setTimeout(() => {
      req.destroy()
      resolve({status: 0, body: 'timed out'})
    }, options.timeoutMs ?? 60_000)
    req.on('error', () => {
      clearTimeout(timer)
      resolve({status: 0, body: ''})
    })
    req.end(options.body)
  })
}

function mutate(lake: Lake, mutations: unknown[]): Promise<Answer> {
  return ask(lake.url, {
    method: 'POST',
    path: `${API}/data/mutate/production?returnIds=false`,
    headers: {authorization: `Bearer ${lake.editorToken}`, 'content-type': 'application/json'},
    body: JSON.stringify({mutations}),
    timeoutMs: 600_000,
  })
}

function queryPath(groq: string, params: Record<string, unknown> = {}): string {
  const encoded = Object.entries(params)
    .map(([name, value]) => `&$${name}=${encodeURIComponent(JSON.stringify(value))}`)
    .join('')
  return `${API}/data/query/production?query=${encodeURIComponent(groq)}${encoded}`
}

/** Probes the site's query and `/ping` one after the other, from a thread of their own. */
function startProbes(lake: Lake) {
  const worker = new Worker(
    `
    const {parentPort, workerData} = require('node:worker_threads')
    const http = require('node:http')
    const {url, sitePath, siteToken} = workerData
    const agent = new http.Agent({keepAlive: true, maxSockets: 1})
    const results = {site: [], ping: []}
    let going = true
    parentPort.on('message', () => (going = false))
    const time = (path, headers) => new Promise((resolve) => {
      const started = performance.now()
      const req = http.get(url + path, {headers, agent}, (res) => {
        res.resume()
        res.on('end', () => resolve({ms: performance.now() - started, status: res.statusCode}))
      })
      req.setTimeout(10000, () => req.destroy())
      req.on('error', () => resolve({ms: performance.now() - started, status: 0}))
    })
    ;(async () => {
      while (going) {
        results.site.push(await time(sitePath, {authorization: 'Bearer ' + siteToken}))
        results.ping.push(await time('/v1/ping', {}))
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      parentPort.postMessage(results)
    })()
    `,
    {eval: true, workerData: {url: lake.url, sitePath: SITE_PATH, siteToken: lake.siteToken}},
  )
  return {
    stop: () =>
      new Promise<{site: {ms: number; status: number}[]; ping: {ms: number; status: number}[]}>(
        (resolve) => {
          worker.once('message', (results) => {
            void worker.terminate()
            resolve(results)
          })
          worker.postMessage('stop')
        },
      ),
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

interface Attack {
  name: string
  label: string
  setup?: (lake: Lake) => Promise<void>
  /**
   * Ordinary work the attack rides on (an editor's commits), run in the unattacked measure too,
   * so that the comparison shows what the attacker adds. Returns what it did.
   */
  background?: (lake: Lake, going: () => boolean) => Promise<string>
  /**
   * What is attacked: the lake, or (`reference`) a Node server that does nothing but answer and
   * close each connection past a client's 512, as the lake does: the least any Node server pays.
   */
  target?: 'reference'
  /** Runs until `going()` turns false; returns what the attackers were answered. */
  run: (lake: Lake, going: () => boolean) => Promise<string>
}

/** Counts answers by status: what the attackers got. */
function tally(statuses: number[]): string {
  const counts = new Map<number, number>()
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1)
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${count}× ${status === 0 ? 'cut' : status}`)
    .join(', ')
}

async function loops(count: number, going: () => boolean, once: (i: number) => Promise<number>) {
  const statuses: number[] = []
  await Promise.all(
    Array.from({length: count}, async (_, i) => {
      while (going()) {
        const status = await once(i)
        statuses.push(status)
        // A refused attacker tries again a moment later, as a client following Retry-After would not
        if (status === 429 || status === 0) await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }),
  )
  return tally(statuses)
}

/**
 * A client that asks and reads nothing, holding its connection longer than the lake keeps an
 * unread answer (a paused socket cannot see the lake close it), then lets go.
 */
function unread(lake: Lake, path: string, from: string): Promise<void> {
  const {hostname, port} = new URL(lake.url)
  return new Promise((resolve) => {
    const socket = netConnect({host: hostname, port: Number(port), localAddress: from}, () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: lake\r\n\r\n`)
      socket.pause()
    })
    socket.on('error', () => undefined)
    setTimeout(() => {
      socket.destroy()
      resolve()
    }, 12_000)
  })
}

/** Documents enough for a query over all of them, three levels deep, to run for seconds. */
async function addFillers(lake: Lake): Promise<void> {
  await mutate(
    lake,
    Array.from({length: 200}, (_, i) => ({create: {_id: `filler-${i}`, _type: 'filler'}})),
  )
}

/** One client opening connections until it holds 19,000, opening another whenever one is closed. */
async function holdConnections(lake: Lake, going: () => boolean): Promise<string> {
  const {hostname, port} = new URL(lake.url)
  const sockets = new Set<Socket>()
  let refused = 0
  const open = () => {
    const socket = netConnect({host: hostname, port: Number(port), localAddress: ATTACKERS[0]})
    socket.on('error', () => undefined)
    socket.once('close', () => {
      sockets.delete(socket)
      refused++
    })
    sockets.add(socket)
  }
  while (going()) {
    while (sockets.size < 19_000 && going()) {
      open()
      if (sockets.size % 500 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  for (const socket of sockets) socket.destroy()
  return `${refused} connections closed by the server`
}

const ATTACKS: Attack[] = [
  {
    name: 'doc',
    label: 'anonymous `/doc` with one id repeated 1,180 times, 8 at once',
    run: (lake, going) => {
      const path = `/v1/data/doc/production/${Array.from({length: 1180}, () => 'policy').join(',')}`
      return loops(8, going, async () => (await ask(lake.url, {path, from: ATTACKERS[0]})).status)
    },
  },
  {
    name: 'unread',
    label: '12 anonymous clients asking for a 30 MB answer and never reading it',
    setup: async (lake) => {
      for (let i = 0; i < 10; i++) {
        await mutate(lake, [{create: {_id: `big-${i}`, _type: 'big', text: 'x'.repeat(3_000_000)}}])
      }
    },
    run: async (lake, going) => {
      const path = queryPath('*[_type == "big"]')
      let asked = 0
      await Promise.all(
        Array.from({length: 12}, async () => {
          while (going()) {
            await unread(lake, path, ATTACKERS[0]!)
            asked++
          }
        }),
      )
      return `${asked} answers asked for and left unread`
    },
  },
  {
    name: 'slow',
    label: '16 anonymous slow queries at once (4 clients × 4)',
    setup: addFillers,
    run: (lake, going) =>
      loops(16, going, async (i) => {
        const path = queryPath(FILLER_QUERY, {n: 200})
        return (await ask(lake.url, {path, from: ATTACKERS[i % 4]})).status
      }),
  },
  {
    name: 'quick-then-slow',
    label: 'a slow query first run 5 times with a tiny parameter, then by 4 attackers',
    setup: addFillers,
    run: async (lake, going) => {
      for (let i = 0; i < 5; i++) {
        await ask(lake.url, {path: queryPath(FILLER_QUERY, {n: 1}), from: ATTACKERS[0]})
      }
      const editor = loops(1, going, async () => {
        const answer = await ask(lake.url, {
          path: queryPath('count(*[_type == "filler"])'),
          headers: {authorization: `Bearer ${lake.editorToken}`},
        })
        await new Promise((resolve) => setTimeout(resolve, 100))
        return answer.status
      })
      const attackers = loops(4, going, async () => {
        const path = queryPath(FILLER_QUERY, {n: 200})
        return (await ask(lake.url, {path, from: ATTACKERS[0]})).status
      })
      return `attackers: ${await attackers}; a signed-in editor's query: ${await editor}`
    },
  },
  {
    name: 'patches',
    label: 'an editor’s 8,000 patches on a 2 MB document in one request',
    setup: async (lake) => {
      const items = Array.from({length: 2000}, (_, i) => ({_key: `k${i}`, text: 'x'.repeat(1000)}))
      await mutate(lake, [{createOrReplace: {_id: 'large', _type: 'large', items}}])
    },
    run: (lake, going) => {
      const mutations = Array.from({length: 8000}, (_, i) => ({
        patch: {id: 'large', set: {[`items[_key=="k${i % 2000}"].text`]: `y${i}`}},
      }))
      return loops(1, going, async () => (await mutate(lake, mutations)).status)
    },
  },
  {
    name: 'history',
    label: `an editor’s transaction log with effects over ${TRANSACTIONS.toLocaleString('en')} transactions, 4 at once`,
    setup: async (lake) => {
      await mutate(lake, [{create: {_id: 'counted', _type: 'counted', n: 0}}])
      let next = 1
      await Promise.all(
        Array.from({length: 8}, async () => {
          while (next <= TRANSACTIONS) {
            const n = next++
            await mutate(lake, [{patch: {id: 'counted', set: {n}}}])
          }
        }),
      )
    },
    run: (lake, going) =>
      loops(4, going, async () => {
        const answer = await ask(lake.url, {
          path: '/v1/data/history/production/transactions/counted?effectFormat=mendoza',
          headers: {authorization: `Bearer ${lake.editorToken}`},
        })
        return answer.status
      }),
  },
  {
    name: 'export',
    label: 'export of 20,000 documents, 8 clients at once',
    setup: async (lake) => {
      for (let batch = 0; batch < 4; batch++) {
        await mutate(
          lake,
          Array.from({length: 5000}, (_, i) => ({
            create: {_id: `many-${batch}-${i}`, _type: 'many', n: i, text: 'some text'},
          })),
        )
      }
    },
    run: (lake, going) =>
      loops(8, going, async () => {
        const answer = await ask(lake.url, {path: '/v1/data/export/production', from: ATTACKERS[0]})
        return answer.status
      }),
  },
  {
    name: 'listeners',
    label:
      '32 anonymous listeners on a 3.5 MB document, committed to every second (the commits in both measures)',
    setup: async (lake) => {
      await mutate(lake, [
        {create: {_id: 'heavy', _type: 'heavy', n: 0, text: 'x'.repeat(3_500_000)}},
      ])
    },
    background: async (lake, going) => {
      let n = 0
      while (going()) {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        await mutate(lake, [{patch: {id: 'heavy', set: {n: ++n}}}])
      }
      return `${n} commits`
    },
    run: async (lake, going) => {
      const {hostname, port} = new URL(lake.url)
      const path = `/v1/data/listen/production?query=${encodeURIComponent('*[_id == "heavy"]')}`
      let events = 0
      let cut = 0
      const listeners = Array.from({length: 32}, (_, i) => {
        const req = httpRequest(
          {hostname, port, path, localAddress: ATTACKERS[i % 4], agent: false},
          (res) => {
            res.on('data', (chunk: Buffer) => {
              events += chunk.toString().split('event: mutation').length - 1
            })
            res.on('close', () => {
              if (going()) cut++
            })
          },
        )
        req.on('error', () => undefined)
        req.end()
        return req
      })
      while (going()) await new Promise((resolve) => setTimeout(resolve, 100))
      for (const listener of listeners) listener.destroy()
      return `${events} events delivered, ${cut} listeners cut`
    },
  },
  {
    name: 'connections',
    label: '19,000 idle connections held open by one client',
    run: (lake, going) => holdConnections(lake, going),
  },
  {
    name: 'connections-reference',
    label:
      'the same, against a Node server that only answers and closes what is past 512 (reference)',
    target: 'reference',
    run: (lake, going) => holdConnections(lake, going),
  },
]

/** How long the lake keeps each kind of slow or silent connection, on each port. */
async function measureCuts(lake: Lake): Promise<[string, string][]> {
  const {port} = new URL(lake.url)
  const securePort = Number(new URL(lake.httpsUrl).port)
  const timed = (what: string, start: (done: () => void) => void) =>
    new Promise<[string, string]>((resolve) => {
      const started = performance.now()
      const limit = setTimeout(() => resolve([what, 'not cut within 120 s']), 120_000)
      start(() => {
        clearTimeout(limit)
        resolve([what, `${((performance.now() - started) / 1000).toFixed(1)} s`])
      })
    })
  const drip = (socket: {write: (text: string) => unknown; destroyed: boolean}, text: string) => {
    let at = 0
    const timer = setInterval(() => {
      if (socket.destroyed || at >= text.length) clearInterval(timer)
      else socket.write(text[at++]!)
    }, 1000)
  }
  const plain = (done: () => void) => {
    const socket = netConnect({host: '127.0.0.1', port: Number(port)})
    socket.on('error', () => undefined)
    socket.once('close', done)
    socket.resume()
    return socket
  }
  const slowHeaders = 'GET /v1/ping HTTP/1.1\r\nHost: lake\r\nX-Slow: ' + 'a'.repeat(200)
  const slowBody =
    'POST /v1/data/query/production HTTP/1.1\r\nHost: lake\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n'
  return Promise.all([
    timed('plain port, a connection that sends nothing', (done) => void plain(done)),
    timed('plain port, headers sent a byte a second', (done) => drip(plain(done), slowHeaders)),
    timed('plain port, a body sent a byte a second', (done) => {
      const socket = plain(done)
      socket.write(slowBody)
      drip(socket, '{"query": "' + 'a'.repeat(480))
    }),
    timed('plain port, silent after an answer (keep-alive)', (done) => {
      const socket = plain(done)
      socket.write('GET /v1/ping HTTP/1.1\r\nHost: lake\r\n\r\n')
    }),
    timed('TLS port, a connection that never shakes hands', (done) => {
      const socket = netConnect({host: '127.0.0.1', port: securePort})
      socket.on('error', () => undefined)
      socket.once('close', done)
      socket.resume()
    }),
    timed('TLS port, HTTP/1.1 headers sent a byte a second', (done) => {
      const socket = tlsConnect({
        host: '127.0.0.1',
        port: securePort,
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      })
      socket.on('error', () => undefined)
      socket.once('close', done)
      socket.resume()
      socket.once('secureConnect', () => drip(socket, slowHeaders))
    }),
    timed('TLS port, an HTTP/2 session that opens no stream', (done) => {
      const session = http2Connect(lake.httpsUrl, {rejectUnauthorized: false})
      session.on('error', () => undefined)
      session.once('close', done)
    }),
    timed('TLS port, an HTTP/2 session silent after an answer', (done) => {
      const session = http2Connect(lake.httpsUrl, {rejectUnauthorized: false})
      session.on('error', () => undefined)
      session.once('close', done)
      const stream = session.request({':path': '/v1/ping'})
      stream.on('error', () => undefined)
      stream.resume()
    }),
    timed('TLS port, an HTTP/2 stream sending its body a byte a second', (done) => {
      const session = http2Connect(lake.httpsUrl, {rejectUnauthorized: false})
      session.on('error', () => undefined)
      const stream = session.request({
        ':method': 'POST',
        ':path': '/v1/data/query/production',
        'content-type': 'application/json',
      })
      stream.on('error', () => undefined)
      stream.resume()
      stream.once('close', () => {
        done()
        session.close()
      })
      drip(stream, '{"query": "' + 'a'.repeat(480))
    }),
  ])
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lake-attacks-'))
  const seedFile = join(dir, 'seed.ndjson')
  writeFileSync(
    seedFile,
    generateDataset(60, 15)
      .map((doc) => JSON.stringify(doc))
      .join('\n'),
  )
  let run = 0
  /**
   * Each attack gets a lake of its own, with what it needs added, and is measured against that
   * same lake unattacked just before: what one attack leaves behind (documents, memory the
   * garbage collector keeps) does not weigh on the next.
   */
  const withLake = async <T>(
    attackWith: (lake: Lake, pid: number) => Promise<T>,
    target?: 'reference',
  ): Promise<T> => {
    const lake = await (target === 'reference'
      ? startReferenceProcess()
      : startLakeProcess(join(dir, `data-${run++}`), seedFile))
    try {
      for (let i = 0; i < 50; i++) {
        await ask(lake.url, {path: SITE_PATH, headers: {authorization: `Bearer ${lake.siteToken}`}})
      }
      return await attackWith(lake, lake.child.pid!)
    } finally {
      await stopLakeProcess(lake.child)
    }
  }
  /** The attack's background work runs in both measures; the attack itself only when `attacking`. */
  const measure = async (lake: Lake, pid: number, attack: Attack, attacking: boolean) => {
    const before = rssBytes(pid)
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 50)
    const probes = startProbes(lake)
    let going = true
    const background = attack?.background?.(lake, () => going)
    const outcome = attacking ? attack?.run(lake, () => going) : undefined
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000))
    going = false
    const {site, ping} = await probes.stop()
    const attackers = [await outcome, await background].filter(Boolean).join('; ')
    clearInterval(sampler)
    const ms = (list: {ms: number}[], p: number) =>
      percentile(
        list.map((r) => r.ms),
        p,
      )
    return {
      site: `${ms(site, 50).toFixed(1)} / ${ms(site, 99).toFixed(1)}`,
      refused: `${site.filter((r) => r.status !== 200).length} of ${site.length}`,
      ping: ms(ping, 99).toFixed(1),
      rss: `${(before / 1e6).toFixed(0)} → ${(peak / 1e6).toFixed(0)} MB`,
      attackers,
    }
  }
  try {
    console.log(
      `\nThe lake under attack (${cpus().length} cores, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}; ${SECONDS} s per measure)\n`,
    )
    console.log(
      '| attack | site query p50 / p99 ms, unattacked → attacked | site queries not 200 | `/ping` p99 ms, unattacked → attacked | lake RSS, idle → peak under attack | what the attackers got |',
    )
    console.log('| --- | --: | --: | --: | --: | --- |')
    for (const attack of ATTACKS.filter((a) => !ONLY || ONLY.includes(a.name))) {
      console.error(`[bench] ${attack.name}`)
      const row = await withLake(async (lake, pid) => {
        await attack.setup?.(lake)
        await new Promise((resolve) => setTimeout(resolve, 3000))
        const calm = await measure(lake, pid, attack, false)
        await new Promise((resolve) => setTimeout(resolve, 1000))
        const attacked = await measure(lake, pid, attack, true)
        return `| ${attack.label} | ${calm.site} → ${attacked.site} | ${attacked.refused} | ${calm.ping} → ${attacked.ping} | ${calm.rss.split(' → ')[0]} → ${attacked.rss.split(' → ')[1]} | ${attacked.attackers} |`
      }, attack.target)
      console.log(row)
    }
    if (!ONLY || ONLY.includes('cuts')) {
      console.log('\n| a slow or silent connection | cut after |\n| --- | --: |')
      const cuts = await withLake((lake) => measureCuts(lake))
      for (const [what, after] of cuts) console.log(`| ${what} | ${after} |`)
    }
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
