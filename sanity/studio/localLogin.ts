/** The Studio's address in the site. */
export const STUDIO_PATH = '/studio'

/** A page of the site that explains the local login and takes a token (app/studio/login). */
export const LOCAL_LOGIN_PATH = `${STUDIO_PATH}/login`

/** A Studio address that logs a person in with a token (the lake's tokens need no escaping). */
export function tokenLoginPath(token: string, studioPath: string = STUDIO_PATH): string {
  return `${studioPath}#token=${token}`
}
