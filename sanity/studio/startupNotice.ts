import {EMBEDDED_PROJECT_ID} from '../../lib/env'
import {studioApiOrigin} from '../../lib/env'
import {STUDIO_LOCALES, type StudioLocale} from './i18n/locales'
import {roleTitleKey, studioText, type StudioTextKey, type TextValues} from './i18n/text'
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
  users: {name: string; role: string; title: string; token: string}[]
}

/** Terminals are read at about this width; addresses are never broken. */
const WIDTH = 100

/** `text` in lines of at most WIDTH characters, the first after `indent`, the others after `hang`. */
function wrap(text: string, indent: string, hang: string = indent): string[] {
  const lines: string[] = []
  let line = indent
  for (const word of text.split(' ')) {
    const start = line === indent || line === hang
    if (!start && line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = hang + word
    } else {
      line += start ? word : ` ${word}`
    }
  }
  return [...lines, line]
}

/** One text in each Studio language, one after the other. */
function inEachLanguage(key: StudioTextKey, values?: TextValues): string[] {
  return STUDIO_LOCALES.map((locale) => studioText(locale, key, values))
}

/** A step of the instructions: `1. …`, its following lines under its first word. */
function step(text: string): string[] {
  return wrap(text, '  ', '     ')
}

/**
 * What `npm start` prints about the Studio when it runs against the embedded lake: the two things
 * to do once per browser, in plain words, in French and in English (the Studio's languages), with
 * addresses that can be opened straight from the terminal.
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
  const instructions = (locale: StudioLocale) => [
    ...wrap(studioText(locale, 'startup.first-time'), '  '),
    ...step(
      [
        studioText(locale, 'startup.trust', {address: `${lakeOrigin}/`}),
        certificateFile ? studioText(locale, 'startup.trust-file', {file: certificateFile}) : '',
      ]
        .filter(Boolean)
        .join(' '),
    ),
    ...step(studioText(locale, 'startup.log-in')),
  ]
  const labels = users.map((user) => {
    const roleKey = roleTitleKey(user.role)
    const roles = roleKey ? inEachLanguage(roleKey) : [user.title.toLowerCase()]
    return `${user.name}, ${[...new Set(roles.map((role) => role.toLowerCase()))].join(' / ')}:`
  })
  const width = Math.max(0, ...labels.map((label) => label.length))
  return [
    ...inEachLanguage('startup.studio', {address: `${siteOrigin}${STUDIO_PATH}`}),
    ...STUDIO_LOCALES.flatMap(instructions),
    ...users.map(
      (user, index) =>
        `     ${(labels[index] ?? '').padEnd(width)}  ${siteOrigin}${tokenLoginPath(user.token)}`,
    ),
    ...inEachLanguage('startup.keep-private', {file: `${dataDir}/users.json`}).flatMap((text) =>
      wrap(text, '  '),
    ),
  ]
}

/** What `npm start` prints about the Studio with a real Sanity project. */
export function realProjectStudioLines(siteOrigin: string): string[] {
  return inEachLanguage('startup.real-project', {address: `${siteOrigin}${STUDIO_PATH}`})
}
