import {EMBEDDED_PROJECT_ID} from '../../lib/env'
import {studioApiOrigin} from './env'
import {STUDIO_PATH, tokenLoginPath} from './localLogin'

export interface StudioStartupInfo {
  /** The site's address, e.g. `http://localhost:3000`. */
  siteOrigin: string
  /** The lake's HTTP/2 + TLS port. */
  lakeHttpsPort: number
  /** Where the lake keeps its data and `users.json`. */
  dataDir: string
  /** The lake's self-signed certificate, for people who would rather trust it system-wide. */
  certificateFile?: string
  users: {name: string; title: string; token: string}[]
}

/**
 * What `npm start` prints about the Studio when it runs against the embedded lake: the two things
 * to do once per browser, in plain words, with addresses that can be opened straight from the
 * terminal.
 */
export function studioStartupLines({
  siteOrigin,
  lakeHttpsPort,
  dataDir,
  certificateFile,
  users,
}: StudioStartupInfo): string[] {
  const lakeOrigin = studioApiOrigin({
    projectId: EMBEDDED_PROJECT_ID,
    dataset: '',
    apiVersion: '',
    apiHost: `https://localhost:${lakeHttpsPort}`,
  })
  const labels = users.map((user) => `${user.name}, ${user.title.toLowerCase()}:`)
  const width = Math.max(0, ...labels.map((label) => label.length))
  return [
    `Studio (to edit the policy): ${siteOrigin}${STUDIO_PATH}`,
    `  The first time in a browser:`,
    `  1. Trust the local content server's certificate (made on this computer): open`,
    `     ${lakeOrigin}/ and accept the warning (Advanced, then Proceed).`,
    ...(certificateFile ? [`     Or trust ${certificateFile} on this computer.`] : []),
    `  2. Log in by opening your own address:`,
    ...users.map(
      (user, index) =>
        `     ${(labels[index] ?? '').padEnd(width)}  ${siteOrigin}${tokenLoginPath(user.token)}`,
    ),
    `     Keep these addresses private: they log anyone in. The tokens are kept in`,
    `     ${dataDir}/users.json.`,
  ]
}
