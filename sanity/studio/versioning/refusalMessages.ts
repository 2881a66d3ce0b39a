import {REFUSAL_STATUS, type RefusalCode} from '../../../lib/policy/refusals'
import type {Translate} from './issueMessages'
import type {SignoffOutcome} from './signoffApi'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A refusal, in the person's language, from its code and parameters. */
export function describeRefusal(
  t: Translate,
  refusal: {code: RefusalCode; params?: Record<string, unknown>},
): string {
  return t(`refusal.${refusal.code}`, refusal.params ?? {})
}

/**
 * Why a write or a read failed, in the person's language: the content source's own refusal (the
 * embedded lake sends the sign-off's codes) when it is one, else its message.
 */
export function describeFailure(error: unknown, t: Translate): string {
  const response = isObject(error) && isObject(error.response) ? error.response : undefined
  const body = response && isObject(response.body) ? response.body : undefined
  const detail = body && isObject(body.error) ? body.error : undefined
  const code = detail?.code
  if (typeof code === 'string' && code in REFUSAL_STATUS) {
    return describeRefusal(t, {
      code: code as RefusalCode,
      params: isObject(detail?.params) ? detail.params : {},
    })
  }
  return error instanceof Error ? error.message : String(error)
}

/** What the site answered, in the person's language, when it did not do what was asked. */
export function describeOutcome(outcome: SignoffOutcome, t: Translate): string | undefined {
  if (outcome.ok) return undefined
  if ('refusal' in outcome) return describeRefusal(t, outcome.refusal)
  return t('signoff.unreachable', {message: outcome.unreachable})
}
