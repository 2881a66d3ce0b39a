import type {CSSProperties} from 'react'
import {useCurrentUser, type NavbarProps} from 'sanity'
import {LOCAL_LOGIN_PATH} from './localLogin'

const strip: CSSProperties = {
  display: 'flex',
  gap: '0.75em',
  alignItems: 'baseline',
  padding: '0.35rem 0.75rem',
  borderBottom: '1px solid var(--card-border-color)',
  background: 'var(--card-bg2-color, var(--card-bg-color))',
  color: 'var(--card-muted-fg-color)',
  font: '0.8125rem/1.4 system-ui, sans-serif',
}

/**
 * Above the Studio's own navbar when it edits the embedded lake: says that the content lives on
 * this computer and in what capacity the person is signed in (every local user is a Studio
 * administrator, so the product's own role is the one worth showing), and lets another person
 * log in.
 */
export function LocalLakeNavbar(props: NavbarProps) {
  const user = useCurrentUser()
  const productRoles = (user?.roles ?? [])
    .filter((role) => role.name !== 'administrator')
    .map((role) => role.title ?? role.name)

  return (
    <>
      <div style={strip} data-testid="local-lake-strip">
        <strong style={{color: 'var(--card-fg-color)', fontWeight: 600}}>
          Local content server
        </strong>{' '}
        {user && (
          <span>
            Signed in as {user.name}
            {productRoles.length > 0 && `, ${productRoles.join(', ')}`}
          </span>
        )}
        {/* Logging in with another token replaces this one: how the editor and the reviewer
            take turns in one browser. */}
        <a href={LOCAL_LOGIN_PATH} style={{marginLeft: 'auto', color: 'inherit'}}>
          Log in as someone else
        </a>
      </div>
      {props.renderDefault(props)}
    </>
  )
}
