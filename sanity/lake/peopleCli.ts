/**
 * `npm run lake:people -- <command>`: the organisation's people, managed on the server by its
 * operator (sanity/lake/auth/people.ts). With the product running, the change reaches the running
 * lake at once (its open sessions included); with it stopped, the lake is opened here for the
 * time of the change.
 *
 *   add --name "Camille Tremblay" --email camille@example.org --role editor [--label laptop]
 *   role <person> <editor|legal-reviewer|viewer>
 *   remove <person>
 *   token <person> [--label laptop]      a new token, shown once
 *   tokens <person>                      the person's tokens (their keys, never the tokens)
 *   revoke <person> <token key>
 *   list                                 everyone, removed people included
 *
 * <person> is an id (`p…`) or an e-mail address. Each change is a transaction of the lake's
 * history, credited to `operator:<your account on the server>`.
 */
import {existsSync, readFileSync} from 'node:fs'
import {userInfo} from 'node:os'
import {parseArgs} from 'node:util'

import {parseEnv, readLakeEnv, settingsOrExit} from '../../lib/env'
import {PERSON_ROLES} from '../../lib/localUsers'
import {tokenLoginPath} from '../studio/localLogin'
import type {PeopleAnswer, PeopleCommand, PersonSummary} from './auth'
import {OPERATOR_ACCOUNT_HEADER, OPERATOR_HEADER, operatorFile, type OperatorDoor} from './http'
import {startLake} from './server'
import {runningLakePid} from './store'

const USAGE = `Usage: npm run lake:people -- <command>
  add --name NAME --email EMAIL --role ROLE [--label LABEL]
  role PERSON ROLE
  remove PERSON
  token PERSON [--label LABEL]
  tokens PERSON
  revoke PERSON TOKEN_KEY
  list
PERSON is an id (p…) or an e-mail address; ROLE is one of ${Object.keys(PERSON_ROLES).join(', ')}.`

class UsageError extends Error {}

function commandOf(args: string[], options: Record<string, string | undefined>): PeopleCommand {
  const [name, ...rest] = args
  const wants = (count: number) => {
    if (rest.length !== count) throw new UsageError(`"${name}" takes ${count} argument(s)`)
    return rest as string[]
  }
  switch (name) {
    case 'add': {
      wants(0)
      const {name: person, email, role, label} = options
      if (!person || !email || !role) throw new UsageError('"add" needs --name, --email and --role')
      return {command: 'add', name: person, email, role, label}
    }
    case 'role': {
      const [person, role] = wants(2)
      return {command: 'role', person: person!, role: role!}
    }
    case 'remove':
      return {command: 'remove', person: wants(1)[0]!}
    case 'token':
      return {command: 'token', person: wants(1)[0]!, label: options.label}
    case 'tokens':
      return {command: 'tokens', person: wants(1)[0]!}
    case 'revoke': {
      const [person, token] = wants(2)
      return {command: 'revoke', person: person!, token: token!}
    }
    case 'list':
      wants(0)
      return {command: 'list'}
    default:
      throw new UsageError(name ? `Unknown command "${name}"` : 'A command is needed')
  }
}

function describe(person: PersonSummary): string {
  const state = person.removed
    ? 'removed'
    : `${person.tokens.length} token${person.tokens.length === 1 ? '' : 's'}`
  return `${person.id}  ${PERSON_ROLES[person.role] ?? person.role}  ${person.name} <${person.email}>  (${state})`
}

function report(command: PeopleCommand, answer: PeopleAnswer, siteOrigin: string): string[] {
  const lines: string[] = []
  if (answer.people) {
    if (answer.people.length === 0) lines.push('Nobody yet: add someone with `add`.')
    for (const person of answer.people) lines.push(describe(person))
  } else if (answer.person) {
    const verb = {add: 'Added', role: 'Changed', remove: 'Removed', token: 'New token for'}
    const said = verb[command.command as keyof typeof verb]
    lines.push(said ? `${said} ${describe(answer.person)}` : describe(answer.person))
    if (command.command === 'tokens' || command.command === 'revoke') {
      for (const token of answer.person.tokens) {
        lines.push(`  ${token.key}  ${token.label}  issued ${token.issuedAt}`)
      }
    }
  }
  if (answer.token) {
    lines.push(
      '',
      'Their token, shown this once (only its fingerprint is kept): give it to them privately.',
      `  ${answer.token}`,
      'Or the address that logs them in to the Studio:',
      `  ${siteOrigin}${tokenLoginPath(answer.token)}`,
    )
  }
  return lines
}

function readDoor(dataDir: string): OperatorDoor {
  const file = operatorFile(dataDir)
  if (!existsSync(file)) {
    throw new Error(`The running lake left no ${file}: restart it with this release first.`)
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as OperatorDoor
  } catch (error) {
    throw new Error(`${file} cannot be read (${(error as Error).message}): run this as its owner.`)
  }
}

async function send(door: OperatorDoor, command: PeopleCommand): Promise<PeopleAnswer> {
  const response = await fetch(`${door.url}/operator/people`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [OPERATOR_HEADER]: door.secret,
      [OPERATOR_ACCOUNT_HEADER]: userInfo().username,
    },
    body: JSON.stringify(command),
  })
  const body = (await response.json()) as PeopleAnswer & {
    error?: string | {description?: string}
    message?: string
  }
  if (!response.ok) {
    const reason =
      typeof body.error === 'object' ? body.error.description : (body.message ?? body.error)
    throw new Error(reason ?? `The lake answered ${response.status}`)
  }
  return body
}

async function main() {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      name: {type: 'string'},
      email: {type: 'string'},
      role: {type: 'string'},
      label: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const {name, email, role, label} = values
  const command = commandOf(positionals, {name, email, role, label})
  const {dataDir} = settingsOrExit(readLakeEnv)
  const siteOrigin = settingsOrExit(() => parseEnv(process.env)).siteUrl.origin

  let answer: PeopleAnswer
  if (runningLakePid(dataDir) !== undefined) {
    answer = await send(readDoor(dataDir), command)
  } else {
    // Nobody else has the folder: the lake is opened here, on a port of its own, for this change.
    const lake = await startLake({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      httpsPort: false,
      quiet: true,
    })
    try {
      answer = await send(readDoor(dataDir), command)
    } finally {
      await lake.close()
    }
  }
  console.log(report(command, answer, siteOrigin).join('\n'))
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`)
  else console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
