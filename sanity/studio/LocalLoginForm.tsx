'use client'

import {useId, useState, type FormEvent} from 'react'
import type {LocaleOutsideStudio} from './i18n/useLocaleOutsideStudio'
import {aroundStudioMarkup, richText} from './i18n/richText'
import {checkToken} from './lakeProbe'
import {LOCAL_LOGIN_PATH, STUDIO_PATH, tokenLoginPath} from './localLogin'
import styles from './localLake.module.css'

/** The lake's tokens: `sk` and letters and digits; the Studio takes 32 characters or more. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,}$/

/**
 * Where to go once logged in: the Studio address the person came from (the Studio's login screen
 * passes it as `origin`), provided it is a Studio page of this site.
 */
function studioReturnPath(): string {
  const origin = new URLSearchParams(window.location.search).get('origin')
  if (!origin) return STUDIO_PATH
  try {
    const url = new URL(origin, window.location.origin)
    const inStudio = url.pathname === STUDIO_PATH || url.pathname.startsWith(`${STUDIO_PATH}/`)
    if (url.origin !== window.location.origin || !inStudio || url.pathname === LOCAL_LOGIN_PATH) {
      return STUDIO_PATH
    }
    return url.pathname
  } catch {
    return STUDIO_PATH
  }
}

type Problem = 'malformed' | 'unknown-token' | 'unreachable'

const PROBLEMS = {
  malformed: 'login.error.malformed',
  'unknown-token': 'login.error.unknown-token',
  unreachable: 'login.error.unreachable',
} as const satisfies Record<Problem, string>

export function LocalLoginForm({
  apiOrigin,
  apiVersion,
  t,
}: {
  apiOrigin: string
  apiVersion: string
  t: LocaleOutsideStudio['t']
}) {
  const inputId = useId()
  const errorId = useId()
  const [problem, setProblem] = useState<Problem>()
  const [busy, setBusy] = useState(false)

  async function logIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const token = String(new FormData(event.currentTarget).get('token') ?? '').trim()
    if (!TOKEN_PATTERN.test(token)) {
      setProblem('malformed')
      return
    }
    setBusy(true)
    const answer = await checkToken(apiOrigin, apiVersion, token)
    if (typeof answer === 'object') {
      // The Studio takes the token from the address, stores it and removes it from the address.
      window.location.assign(tokenLoginPath(token, studioReturnPath()))
      return
    }
    setBusy(false)
    setProblem(answer)
  }

  return (
    <form className={styles.form} onSubmit={(event) => void logIn(event)} noValidate>
      <label htmlFor={inputId}>{t('login.token-label')}</label>
      <input
        id={inputId}
        name="token"
        type="password"
        autoComplete="off"
        spellCheck={false}
        required
        aria-invalid={problem !== undefined}
        aria-describedby={problem ? errorId : undefined}
      />
      {problem && (
        <p id={errorId} className={styles.error} role="alert">
          {richText(t(PROBLEMS[problem], {address: apiOrigin}), aroundStudioMarkup(apiOrigin))}
        </p>
      )}
      <button type="submit" className={styles.button} disabled={busy}>
        {busy ? t('login.checking') : t('login.submit')}
      </button>
    </form>
  )
}
