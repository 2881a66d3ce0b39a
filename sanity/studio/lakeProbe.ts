/** What the browser can tell about the embedded lake before the Studio tries to use it. */

/**
 * True when this browser can open a connection to the lake's HTTPS port. It cannot when the lake
 * is not running, or (most often, the first time) when the browser does not trust its
 * self-signed certificate yet: a script is never shown the "not private" warning, its request
 * just fails.
 */
export async function canReachLake(apiOrigin: string): Promise<boolean> {
  try {
    // An opaque answer is enough: any answer proves the TLS connection was accepted.
    await fetch(`${apiOrigin}/v1/ping`, {mode: 'no-cors', cache: 'no-store'})
    return true
  } catch {
    return false
  }
}

export type TokenCheck = {holder: string} | 'unknown-token' | 'unreachable'

/** Whose token this is, according to the lake. */
export async function checkToken(
  apiOrigin: string,
  apiVersion: string,
  token: string,
): Promise<TokenCheck> {
  let response: Response
  try {
    response = await fetch(`${apiOrigin}/v${apiVersion}/users/me`, {
      headers: {authorization: `Bearer ${token}`},
      cache: 'no-store',
    })
  } catch {
    return 'unreachable'
  }
  if (response.status === 401 || response.status === 403) return 'unknown-token'
  const user = (await response.json().catch(() => null)) as {name?: unknown} | null
  return response.ok && typeof user?.name === 'string' ? {holder: user.name} : 'unknown-token'
}
