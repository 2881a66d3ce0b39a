import {execFile} from 'node:child_process'
import {promisify} from 'node:util'
import {connect, type ClientHttp2Session} from 'node:http2'
import {createClient} from '@sanity/client'
import {chromium, expect, test, type Browser, type Page} from '@playwright/test'
import {startNginx, type RunningNginx} from '../../deploy/nginx/foreground'
import {standaloneConfig} from '../../deploy/nginx/render'
import {CHROMIUM_ARGS} from '../../playwright.config'
import type {LocalUser} from '../../sanity/lake/auth'
import {freePort, startIsolatedSite, type IsolatedSite} from './helpers/isolatedSite'
import {logInToStudio, STUDIO_LOAD_TIMEOUT} from './helpers/studio'
import {makeTestCertificate, type TestCertificate} from './helpers/testCertificate'

/**
 * The product as a team runs it on one server (README, "Running it for your team on one server"):
 * the shipped nginx in front, with a certificate of the organisation's CA, on a public name that
 * Chromium resolves to this machine. Two people added with the command complete a sign-off from
 * their own browsers; removing one, or revoking a token, takes effect at once.
 */
test.describe.configure({mode: 'serial', timeout: 480_000})

const NAME = 'policy.example.test'
const DIALOG_TIMEOUT = 30_000
const API = '/lake/v2025-02-19'

let certificate: TestCertificate
let site: IsolatedSite
let nginx: RunningNginx
let origin: string
let port: number
let browser: Browser
let editor: LocalUser
let reviewer: LocalUser
/** Every address the Studios asked for, to show that none is on another origin. */
const requested: string[] = []
/**
 * What the page's Content-Security-Policy stopped before it left the browser: the Studio's style
 * sheet names Sanity's font server, which the policy does not allow.
 */
const failed = new Map<string, string>()
/** The site's refusals, said with the test's failure. */
const refusals: string[] = []
let editorStudio: Page

/**
 * `npm run lake:people -- …` on the server, as its operator runs it. Never synchronously: the
 * lake it talks to runs in this process.
 */
async function people(...args: string[]): Promise<string> {
  const {stdout} = await promisify(execFile)(
    'npm',
    ['run', '--silent', 'lake:people', '--', ...args],
    {encoding: 'utf8', env: {...process.env, LAKE_DATA_DIR: site.lake.dataDir, SITE_URL: origin}},
  )
  return stdout
}

async function addPerson(name: string, email: string, role: LocalUser['role']): Promise<LocalUser> {
  const said = await people('add', '--name', name, '--email', email, '--role', role)
  const id = /^Added (p\w+) /m.exec(said)?.[1]
  const token = /^ {2}(sk[A-Za-z0-9]{62})$/m.exec(said)?.[1]
  expect(said).toContain(`${origin}/studio#token=${token}`)
  if (!id || !token) throw new Error(`lake:people said:\n${said}`)
  return {id, name, email, role, title: role, token}
}

/** One request through nginx over HTTP/2, trusting the test CA only, for the public name. */
function throughProxy(
  session: ClientHttp2Session,
  path: string,
  headers: Record<string, string> = {},
): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
  return new Promise((resolve, reject) => {
    const stream = session.request({':path': path, ...headers})
    let status = 0
    let answer: Record<string, unknown> = {}
    let body = ''
    stream.on('response', (received) => {
      status = Number(received[':status'])
      answer = received
    })
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => (body += chunk))
    stream.on('end', () => resolve({status, headers: answer, body}))
    stream.on('error', reject)
    stream.end()
  })
}

function proxySession(): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = connect(`https://127.0.0.1:${port}`, {ca: certificate.ca, servername: NAME})
    session.once('connect', () => resolve(session))
    session.once('error', reject)
  })
}

async function openStudio(person: LocalUser): Promise<Page> {
  const context = await browser.newContext({baseURL: origin})
  context.on('request', (request) => requested.push(request.url()))
  context.on('requestfailed', (request) =>
    failed.set(request.url(), request.failure()?.errorText ?? 'failed'),
  )
  context.on('response', async (response) => {
    if (response.url().startsWith(`${origin}/api/`) && response.status() >= 400) {
      refusals.push(`${response.status()} ${response.url()} ${await response.text()}`)
    }
  })
  const page = await context.newPage()
  await logInToStudio(page, person)
  return page
}

test.beforeAll(async () => {
  certificate = makeTestCertificate(NAME)
  port = await freePort()
  const plainPort = await freePort()
  origin = `https://${NAME}:${port}`
  site = await startIsolatedSite({siteUrl: origin})
  nginx = await startNginx(
    (prefix) =>
      standaloneConfig(prefix, {
        listen: `127.0.0.1:${port}`,
        origin: `127.0.0.1:${new URL(site.url).port}`,
        tls: {
          serverName: NAME,
          certificate: certificate.chainFile,
          certificateKey: certificate.keyFile,
          redirectListen: `127.0.0.1:${plainPort}`,
        },
      }),
    `http://127.0.0.1:${plainPort}/`,
  )
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      // The public name leads to this machine, and only the test CA's certificates are accepted.
      `--host-resolver-rules=MAP ${NAME} 127.0.0.1`,
      `--ignore-certificate-errors-spki-list=${certificate.spkiHashes.join(',')}`,
    ],
  })
})

test.afterAll(async () => {
  await browser?.close()
  await nginx?.stop()
  await site?.stop()
  certificate?.remove()
})

test('the proxy serves the site and the lake’s path on one origin, over HTTP/2 with the organisation’s certificate, the lake never kept', async () => {
  const session = await proxySession()
  try {
    expect(session.alpnProtocol).toBe('h2')
    const page = await throughProxy(session, '/en/privacy-policy')
    expect(page.status).toBe(200)
    expect(page.headers['strict-transport-security']).toBeDefined()
    for (let attempt = 0; attempt < 2; attempt++) {
      const ping = await throughProxy(session, `${API}/ping`)
      expect(ping.status).toBe(200)
      expect(ping.headers['x-cache-status']).toBeUndefined()
      expect(String(ping.headers['cache-control'] ?? '')).not.toMatch(/public|s-maxage/)
    }
    // Only what a visitor may read without a token: the published policy, not drafts.
    const drafts = await throughProxy(
      session,
      `${API}/data/query/production?query=${encodeURIComponent('count(*[_id in path("drafts.**")])')}`,
    )
    expect(JSON.parse(drafts.body)).toMatchObject({result: 0})
    // The operator's door is not on the public path, whatever is sent.
    for (const path of ['/lake/operator/people', `${API}/operator/people`]) {
      const door = await throughProxy(session, path, {':method': 'POST'})
      expect(door.status, path).toBe(404)
    }
  } finally {
    session.close()
  }
})

test('two people added with the command complete a sign-off, each from their own browser, and the Studio calls no other origin', async () => {
  editor = await addPerson('Élise Bouchard', 'elise.bouchard@example.org', 'editor')
  reviewer = await addPerson('Me Karim Haddad', 'karim.haddad@example.org', 'legal-reviewer')
  const lake = createClient({
    projectId: 'local',
    dataset: 'production',
    apiVersion: '2025-02-19',
    apiHost: site.lake.url,
    useProjectHostname: false,
    useCdn: false,
    token: editor.token,
  })
  const latest = await lake.fetch<number>(
    `*[_type == "policyVersion" && status == "published"] | order(number desc)[0].number`,
  )
  const next = latest + 1
  const sectionId = 'section-learn-more-about-privacy'
  const title = await lake.fetch<{fr: string; en: string}>(`*[_id == $id][0].title{fr, en}`, {
    id: sectionId,
  })
  await lake
    .patch(sectionId)
    .set({'title.fr': `${title.fr} (équipe)`, 'title.en': `${title.en} (team)`})
    .commit()

  editorStudio = await openStudio(editor)
  await editorStudio.goto('/studio/structure/policy')
  await expect(editorStudio.getByTestId('studio-strip')).toContainText(
    `Signed in as ${editor.name}`,
    {timeout: STUDIO_LOAD_TIMEOUT},
  )
  await editorStudio
    .getByTestId('pane-footer')
    .getByRole('button', {name: new RegExp(`^Prepare version ${next} \\(.+\\)$`)})
    .click({timeout: STUDIO_LOAD_TIMEOUT})
  const prepare = editorStudio.getByTestId('prepare-version-dialog')
  await prepare.getByLabel('Summary of changes in French').fill('Titre de section révisé.')
  await prepare.getByLabel('Summary of changes in English').fill('Section title revised.')
  await prepare.getByRole('button', {name: `Prepare candidate for version ${next}`}).click()
  await expect(prepare.getByTestId('prepare-done')).toBeVisible({timeout: DIALOG_TIMEOUT})
  await prepare.getByRole('button', {name: 'Open the candidate'}).click()

  const legal = await openStudio(reviewer)
  await legal.goto('/studio/structure/awaiting-review')
  await expect(legal.getByTestId('studio-strip')).toContainText(`Signed in as ${reviewer.name}`, {
    timeout: STUDIO_LOAD_TIMEOUT,
  })
  await legal
    .getByRole('link', {name: new RegExp(`Candidate for version ${next}`)})
    .click({timeout: STUDIO_LOAD_TIMEOUT})
  await legal.getByTestId('action-approve').click({timeout: STUDIO_LOAD_TIMEOUT})
  await legal
    .getByTestId('approve-dialog')
    .getByRole('button', {name: 'Approve all of this'})
    .click()
  const state = () =>
    lake.fetch(
      `*[_id in [$draft, $published]] | order(_updatedAt desc)[0]{status, "approvedBy": approval.userId, "publishedBy": publication.userId}`,
      {draft: `drafts.version-${next}`, published: `version-${next}`},
      {perspective: 'raw'},
    )
  await expect
    .poll(state, {timeout: DIALOG_TIMEOUT, message: refusals.join('\n')})
    .toMatchObject({status: 'approved', approvedBy: reviewer.id})
  await legal.context().close()

  await editorStudio
    .getByTestId(`action-publishversion${next}`)
    .click({timeout: STUDIO_LOAD_TIMEOUT})
  await editorStudio
    .getByTestId('publish-dialog')
    .getByRole('button', {name: `Publish version ${next}`})
    .click()
  await expect(editorStudio.getByText(`Version ${next} is published`)).toBeVisible({
    timeout: DIALOG_TIMEOUT,
  })
  await expect
    .poll(state)
    .toMatchObject({status: 'published', approvedBy: reviewer.id, publishedBy: editor.id})

  const elsewhere = requested.filter(
    (url) => !url.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(url),
  )
  const sent = elsewhere
    .map((url) => `${url} ${failed.get(url) ?? 'answered'}`)
    // Chromium stops it before any connection; Playwright calls that failure "csp".
    .filter((outcome) => !outcome.endsWith(' csp'))
  expect(sent).toEqual([])
  expect(requested.some((url) => url.startsWith(`${origin}/lake/`))).toBe(true)
})

test('a removed person’s open Studio loses access within seconds, and a revoked token is refused', async () => {
  // The editor's Studio is still open, with its live connections.
  const sockets: {closed: boolean}[] = []
  const refused: string[] = []
  editorStudio.on('response', (response) => {
    if (response.url().startsWith(`${origin}/lake/`) && response.status() === 401) {
      refused.push(response.url())
    }
  })
  editorStudio.on('websocket', (socket) => {
    const seen = {closed: socket.isClosed()}
    socket.on('close', () => (seen.closed = true))
    sockets.push(seen)
  })
  await editorStudio.reload()
  await expect(editorStudio.getByTestId('studio-strip')).toContainText(
    `Signed in as ${editor.name}`,
    {timeout: STUDIO_LOAD_TIMEOUT},
  )
  await expect.poll(() => sockets.length, {timeout: STUDIO_LOAD_TIMEOUT}).toBeGreaterThan(0)

  await people('remove', editor.email)
  const removedAt = Date.now()
  await expect.poll(() => sockets.every((socket) => socket.closed), {timeout: 10_000}).toBe(true)
  await expect.poll(() => refused.length, {timeout: 10_000}).toBeGreaterThan(0)
  expect(Date.now() - removedAt).toBeLessThan(10_000)
  // Opened again, the Studio asks for a login.
  await editorStudio.reload()
  await expect(
    editorStudio.getByRole('link', {name: 'Log in with a local access token'}),
  ).toBeVisible({timeout: STUDIO_LOAD_TIMEOUT})
  await editorStudio.context().close()

  const session = await proxySession()
  try {
    const asReviewer = {authorization: `Bearer ${reviewer.token}`}
    expect((await throughProxy(session, `${API}/users/me`, asReviewer)).status).toBe(200)
    const key = /^ {2}(\w+) {2}Studio {2}issued /m.exec(await people('tokens', reviewer.email))?.[1]
    expect(key).toBeDefined()
    await people('revoke', reviewer.email, key!)
    expect((await throughProxy(session, `${API}/users/me`, asReviewer)).status).toBe(401)
    const asEditor = {authorization: `Bearer ${editor.token}`}
    expect((await throughProxy(session, `${API}/users/me`, asEditor)).status).toBe(401)
  } finally {
    session.close()
  }
})
