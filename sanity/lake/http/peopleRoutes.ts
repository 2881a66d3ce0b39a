import {randomBytes, timingSafeEqual} from 'node:crypto'
import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import type {PeopleCommand, PeopleDirectory} from '../auth'
import {OPERATOR_PREFIX} from '../auth'
import {badRequest, httpError} from '../core'
import type {LakeDataset} from '../store'
import type {RouteRegistrar} from './app'
import {readJsonBody, sendJson} from './messages'

/**
 * The operator's door to the people of a running lake (`npm run lake:people`): `POST
 * /operator/people`, answered only to whoever can read the data folder's `operator.json` (its
 * owner: the account the service runs as, or root). The secret in it is made afresh at each start
 * and never leaves the server; the public path refuses the door altogether
 * (lib/delivery/lakeRelay.ts, deploy/nginx/policy-site.conf).
 */

export const OPERATOR_FILE = 'operator.json'
export const OPERATOR_HEADER = 'x-lake-operator'
/** Who made the change, as the operator's account on the server names them. */
export const OPERATOR_ACCOUNT_HEADER = 'x-lake-operator-account'

export interface OperatorDoor {
  /** The lake's plain HTTP address and the secret that opens the door. */
  url: string
  secret: string
}

export function operatorFile(dataDir: string): string {
  return join(dataDir, OPERATOR_FILE)
}

/** Writes the door's key for this run; returns what removes it when the lake stops. */
export function openOperatorDoor(dataDir: string, url: string, secret: string): () => void {
  const file = operatorFile(dataDir)
  writeFileSync(file, `${JSON.stringify({url, secret} satisfies OperatorDoor)}\n`, {mode: 0o600})
  return () => rmSync(file, {force: true})
}

export function operatorSecret(): string {
  return randomBytes(32).toString('base64url')
}

const ACCOUNT = /^[A-Za-z0-9._-]{1,64}$/

export function peopleRoutes(
  people: PeopleDirectory,
  dataset: () => LakeDataset,
  secret: string,
): RouteRegistrar {
  const expected = Buffer.from(secret)
  return (on) => {
    on('POST', '/operator/people', async (ctx) => {
      const given = Buffer.from(String(ctx.req.headers[OPERATOR_HEADER] ?? ''))
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        ctx.req.resume()
        throw httpError(
          403,
          'Forbidden',
          'Only the server’s operator manages people: run `npm run lake:people` on the server',
        )
      }
      const account = String(ctx.req.headers[OPERATOR_ACCOUNT_HEADER] ?? '')
      if (!ACCOUNT.test(account)) throw badRequest('The operator’s account name is missing')
      const command = (await readJsonBody(ctx.req, ctx.res, ctx.lake.limits)) as PeopleCommand
      if (command === null || typeof command !== 'object' || Array.isArray(command)) {
        throw badRequest('A command object is expected')
      }
      const answer = await people.run(dataset(), command, `${OPERATOR_PREFIX}${account}`)
      sendJson(ctx.res, 200, answer)
    })
  }
}
