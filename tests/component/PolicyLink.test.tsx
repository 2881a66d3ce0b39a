import {screen} from '@testing-library/react'
import {describe, expect, it} from 'vitest'
import {PolicyLink} from '@/components/PolicyLink'
import {renderIn} from './render'

describe('links in the policy', () => {
  it('tells a French reader that an outside link opens a new window and is not covered', () => {
    renderIn('fr', <PolicyLink href="https://www.cai.gouv.qc.ca/">la Commission</PolicyLink>)
    const link = screen.getByRole('link', {
      name: 'la Commission (s’ouvre dans une nouvelle fenêtre; ce site n’est pas couvert par la présente politique de confidentialité)',
    })
    expect(link).toHaveAttribute('target', '_blank')
    expect(link).toHaveAttribute('rel', 'noopener noreferrer external')
    expect(link.querySelector('svg[aria-hidden="true"]')).not.toBeNull()
  })

  it('tells an English reader the same in English', () => {
    renderIn(
      'en',
      <PolicyLink href="https://www.legisquebec.gouv.qc.ca/en/document/cs/A-2.1">
        the Act
      </PolicyLink>,
    )
    expect(
      screen.getByRole('link', {
        name: 'the Act (opens in a new window; that site is not covered by this privacy policy)',
      }),
    ).toHaveAttribute('href', 'https://www.legisquebec.gouv.qc.ca/en/document/cs/A-2.1')
  })

  it.each([
    ['an e-mail address', 'mailto:privacy@example.org'],
    ['a phone number', 'tel:+15145550123'],
    ['a part of this page', '#cookies'],
    ['a page of this site', '/en/privacy-policy/history'],
    ['this site by its full address', 'http://localhost:3000/fr/politique-de-confidentialite'],
  ])('keeps %s in the same window, without the notice', (_, href) => {
    renderIn('en', <PolicyLink href={href}>here</PolicyLink>)
    const link = screen.getByRole('link', {name: 'here'})
    expect(link).not.toHaveAttribute('target')
    expect(link).not.toHaveAttribute('rel')
  })

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'https://localhost:3000@evil.example/',
  ])('renders %j as plain text, never as a link', (href) => {
    renderIn('en', <PolicyLink href={href}>click me</PolicyLink>)
    expect(screen.queryByRole('link')).not.toBeInTheDocument()
    expect(screen.getByText('click me')).toBeInTheDocument()
  })
})
