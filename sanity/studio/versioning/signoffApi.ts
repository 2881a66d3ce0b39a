import {useEffect, useState} from 'react'
import {useClient} from 'sanity'
import type {RefusalCode} from '../../../lib/policy/refusals'
import {VERSIONING_API_VERSION} from './settings'

/**
 * The Studio's side of the site's sign-off endpoints (app/api/versions/*). The Studio is served
 * by the site at /studio, so it calls the site on its own origin, with the person's own token:
 * the token the Studio's client holds, from the local login on the embedded lake or from
 * Sanity's login on a hosted project (where the Studio keeps it with `loginMethod: 'token'`, see
 * sanity.config.ts). The site asks the content source who that is; it never trusts the Studio.
 */

export type SignoffStep = 'approve' | 'publish'

export type SignoffOutcome =
  | {ok: true; body: {number?: number; fingerprint?: string}}
  | {ok: false; refusal: {code: RefusalCode; params: Record<string, string | number>}}
  | {ok: false; unreachable: string}

/** The person's token, as the Studio's client holds it. */
export function useSessionToken(): string | undefined {
  return useClient({apiVersion: VERSIONING_API_VERSION}).config().token
}

export async function postSignoff(
  step: SignoffStep,
  token: string | undefined,
  body: {id: string; revision: string; acknowledgeStale?: boolean},
): Promise<SignoffOutcome> {
  let response: Response
  try {
    response = await fetch(`/api/versions/${step}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? {authorization: `Bearer ${token}`} : {}),
      },
      body: JSON.stringify(body),
    })
  } catch (error) {
    return {ok: false, unreachable: error instanceof Error ? error.message : String(error)}
  }
  const answer = (await response.json().catch(() => ({}))) as {
    error?: {code?: RefusalCode; params?: Record<string, string | number>; description?: string}
  }
  if (response.ok) return {ok: true, body: answer as {number?: number; fingerprint?: string}}
  if (answer.error?.code) {
    return {ok: false, refusal: {code: answer.error.code, params: answer.error.params ?? {}}}
  }
  return {ok: false, unreachable: answer.error?.description ?? `HTTP ${response.status}`}
}

export interface SignoffPermissions {
  userId: string
  reviewer: boolean
  publisher: boolean
  signing: boolean
}

const permissionsByToken = new Map<string, Promise<SignoffPermissions | undefined>>()

/** What the site says this person may do, asked once per token; undefined when it cannot say. */
export function signoffPermissions(token: string): Promise<SignoffPermissions | undefined> {
  let asking = permissionsByToken.get(token)
  if (!asking) {
    asking = fetch('/api/versions/approve', {headers: {authorization: `Bearer ${token}`}})
      .then((response) =>
        response.ok ? (response.json() as Promise<SignoffPermissions>) : undefined,
      )
      .catch(() => undefined)
      .then((answer) => {
        // Asked again next time: the site may have been restarting.
        if (!answer) permissionsByToken.delete(token)
        return answer
      })
    permissionsByToken.set(token, asking)
  }
  return asking
}

/** What the site says this person may do; undefined while asking, or when it cannot say. */
export function useSignoffPermissions(): SignoffPermissions | undefined | 'unknown' {
  const token = useSessionToken()
  const [permissions, setPermissions] = useState<SignoffPermissions | undefined | 'unknown'>()
  useEffect(() => {
    if (!token) return
    let cancelled = false
    void signoffPermissions(token).then((answer) => {
      if (!cancelled) setPermissions(answer ?? 'unknown')
    })
    return () => {
      cancelled = true
    }
  }, [token])
  return token ? permissions : 'unknown'
}
