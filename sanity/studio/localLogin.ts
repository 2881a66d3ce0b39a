import type {AuthProvider} from 'sanity'

/** The Studio's address in the site. */
export const STUDIO_PATH = '/studio'

/** A page of the site that explains the local login and takes a token (app/studio/login). */
export const LOCAL_LOGIN_PATH = `${STUDIO_PATH}/login`

/**
 * The only way into a Studio that edits the embedded lake: there is no Sanity account to log in
 * with, only the tokens the lake gives its local users. The Studio reads a token from the address
 * (`/studio#token=…`) and keeps it in the browser's local storage.
 */
export const localLoginProvider: AuthProvider = {
  name: 'local-token',
  title: 'Log in with a local access token',
  url: LOCAL_LOGIN_PATH,
}

/** A Studio address that logs a person in with a token (the lake's tokens need no escaping). */
export function tokenLoginPath(token: string, studioPath: string = STUDIO_PATH): string {
  return `${studioPath}#token=${token}`
}
