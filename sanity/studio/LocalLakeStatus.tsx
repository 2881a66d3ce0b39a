import {useCurrentUser, useListFormat, useTranslation} from 'sanity'
import {STUDIO_NAMESPACE} from './i18n'
import {roleTitleKey} from './i18n/text'
import {LOCAL_LOGIN_PATH} from './localLogin'

/**
 * In the Studio's top strip when it edits the embedded lake: says that the content lives on this
 * computer and in what capacity the person is signed in (every local user is a Studio
 * administrator, so the product's own role is the one worth showing), and lets another person
 * log in.
 */
export function LocalLakeStatus() {
  const {t} = useTranslation(STUDIO_NAMESPACE)
  const listFormat = useListFormat({type: 'unit'})
  const user = useCurrentUser()
  const productRoles = (user?.roles ?? [])
    .filter((role) => role.name !== 'administrator')
    .map((role) => {
      const title = roleTitleKey(role.name)
      return title ? t(title) : (role.title ?? role.name)
    })

  return (
    <span
      data-testid="local-lake-status"
      style={{display: 'flex', flexWrap: 'wrap', gap: '0.75em', alignItems: 'baseline'}}
    >
      <strong style={{color: 'var(--card-fg-color)', fontWeight: 600}}>
        {t('local-lake.strip.title')}
      </strong>
      {user && (
        <span>
          {productRoles.length > 0
            ? t('local-lake.strip.signed-in-with-roles', {
                name: user.name,
                roles: listFormat.format(productRoles),
              })
            : t('local-lake.strip.signed-in', {name: user.name})}
        </span>
      )}
      {/* Logging in with another token replaces this one: how the editor and the reviewer
          take turns in one browser. */}
      <a href={LOCAL_LOGIN_PATH} style={{color: 'inherit'}}>
        {t('local-lake.strip.switch-person')}
      </a>
    </span>
  )
}
