import type {CSSProperties} from 'react'

// Plain form controls in the Studio's colours: the text inputs of the @sanity/ui copy at the top
// of node_modules (4.x) need a style sheet the Studio (which bundles 3.x) does not load.
export const CONTROL: CSSProperties = {
  boxSizing: 'border-box',
  width: '100%',
  padding: '0.5em 0.65em',
  border: '1px solid var(--card-border-color)',
  borderRadius: 3,
  background: 'var(--card-bg-color)',
  color: 'var(--card-fg-color)',
  font: 'inherit',
  fontSize: '0.9375rem',
  lineHeight: 1.45,
}
