import {useCurrentUser} from 'sanity'
import {describeRefusal} from './refusalMessages'
import {useSignoffPermissions} from './signoffApi'
import {useVersioningT} from './useVersioning'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

export interface SignoffRefusals {
  /** Why this person cannot approve the candidate now; undefined when she can. */
  approve?: string
  /** Why this person cannot publish; undefined when she can. */
  publish?: string
  /** Whether the site said she may publish at all (lib/policy/roles.ts): Publish shows only then. */
  publisher: boolean
  /** The signed-in person's id, once known. */
  userId?: string
}

/**
 * What the signed-in person may do on a version, and why not, in her language: the same words on
 * the disabled button and in the notice beside the form, which both read them from here. The
 * site decides in the end (app/api/versions/*); this only says beforehand what it would answer.
 */
export function useSignoffRefusals(version: Json | null | undefined): SignoffRefusals {
  const t = useVersioningT()
  const user = useCurrentUser()
  const permissions = useSignoffPermissions()
  const preparedBy = isObject(version?.preparedBy) ? version.preparedBy.userId : undefined
  const known = permissions !== undefined && permissions !== 'unknown' ? permissions : undefined
  const approve = !user
    ? t('signoff.signIn')
    : preparedBy === user.id
      ? describeRefusal(t, {code: 'self-approval'})
      : permissions === undefined
        ? t('signoff.checking')
        : known && !known.reviewer
          ? describeRefusal(t, {code: 'not-a-reviewer'})
          : undefined
  const publish =
    known && !known.publisher ? describeRefusal(t, {code: 'not-a-publisher'}) : undefined
  // While the site cannot say, Publish shows and the site answers when it is pressed.
  const publisher = known ? known.publisher : permissions === 'unknown'
  return {approve, publish, publisher, userId: user?.id}
}
