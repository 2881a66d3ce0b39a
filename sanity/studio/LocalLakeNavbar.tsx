import type {CSSProperties} from 'react'
import {useCurrentUser, type NavbarProps} from 'sanity'

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
 * administrator, so the product's own role is the one worth showing).
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
      </div>
      {props.renderDefault(props)}
    </>
  )
}
