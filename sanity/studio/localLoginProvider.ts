import type {AuthProvider} from 'sanity'
import {inStartLanguage} from './i18n'
import {LOCAL_LOGIN_PATH} from './localLogin'

/**
 * The only way into a Studio that edits the embedded lake: there is no Sanity account to log in
 * with, only the tokens the lake gives its local users. The Studio reads a token from the address
 * (`/studio#token=…`) and keeps it in the browser's local storage.
 */
export const localLoginProvider: AuthProvider = {
  name: 'local-token',
  title: inStartLanguage('login.provider'),
  url: LOCAL_LOGIN_PATH,
}
