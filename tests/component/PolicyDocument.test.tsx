import {screen, within} from '@testing-library/react'
import {describe, expect, it} from 'vitest'
import {PolicyDocument} from '@/components/PolicyDocument'
import {sampleVersion} from '../fixtures/policyVersion'
import {renderIn} from './render'

describe('the policy document', () => {
  it('shows a French reader the title, version, dates and sections in French', () => {
    renderIn('fr', <PolicyDocument version={sampleVersion()} language="fr" />)

    expect(screen.getByRole('heading', {level: 1})).toHaveTextContent(
      'Politique de confidentialité',
    )
    expect(screen.getByText('Version 7')).toBeInTheDocument()
    // A calendar date never shifts by a day, whatever the time zone.
    expect(screen.getByText('En vigueur depuis le 1er mars 2026')).toBeInTheDocument()
    expect(screen.getByText(/Dernière mise à jour : 20 février 2026/)).toBeInTheDocument()
    expect(screen.getByText('Merci de lire notre politique.')).toBeInTheDocument()
    expect(screen.getByRole('heading', {level: 2, name: 'Témoins'})).toBeInTheDocument()
    expect(screen.queryByText('A temporary cookie is required.')).not.toBeInTheDocument()
  })

  it('states a published version’s period as the history and the banner do, in both languages', () => {
    const past = {state: 'past', from: '2016-03-01', to: '2026-09-30'} as const
    renderIn('en', <PolicyDocument version={sampleVersion()} language="en" period={past} />)
    expect(screen.getByText('In force from March 1, 2016 to September 30, 2026')).toBeVisible()
    expect(screen.queryByText(/In force since/)).not.toBeInTheDocument()
    document.body.innerHTML = ''

    renderIn('fr', <PolicyDocument version={sampleVersion()} language="fr" period={past} />)
    expect(screen.getByText('En vigueur du 1er mars 2016 au 30 septembre 2026')).toBeVisible()
    expect(screen.queryByText(/En vigueur depuis/)).not.toBeInTheDocument()
    document.body.innerHTML = ''

    const upcoming = {state: 'upcoming', from: '2027-01-01'} as const
    renderIn('en', <PolicyDocument version={sampleVersion()} language="en" period={upcoming} />)
    expect(screen.getByText('Comes into force on January 1, 2027')).toBeVisible()
    expect(screen.queryByText(/In force since/)).not.toBeInTheDocument()
  })

  it('generates a linked table of contents from the sections', () => {
    renderIn('en', <PolicyDocument version={sampleVersion()} language="en" />)

    const contents = screen.getByRole('navigation', {name: 'Contents'})
    const links = within(contents).getAllByRole('link')
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Cookies', '#cookies'],
      ['Links to other sites', '#links-to-other-sites'],
    ])
    // Each entry points at a section that exists, titled the same.
    const section = document.getElementById('links-to-other-sites')
    expect(section).toHaveAttribute('data-policy-section')
    expect(within(section!).getByRole('heading', {level: 2})).toHaveTextContent(
      'Links to other sites',
    )
  })

  it('explains the outbound-link flag once, beside the section about links to other sites', () => {
    renderIn('en', <PolicyDocument version={sampleVersion()} language="en" />)

    const legends = screen.getAllByRole('note', {name: /Links to other sites/})
    expect(legends).toHaveLength(1)
    expect(document.getElementById('links-to-other-sites')).toContainElement(legends[0]!)
    expect(legends[0]).toHaveTextContent('not covered by this privacy policy')
  })

  it('renders an unsafe link in content as plain text', () => {
    renderIn('en', <PolicyDocument version={sampleVersion()} language="en" />)

    expect(screen.queryByRole('link', {name: /^this/})).not.toBeInTheDocument()
    expect(screen.getByText('this')).toBeInTheDocument()
    for (const link of screen.getAllByRole('link')) {
      expect(link.getAttribute('href')?.toLowerCase()).not.toContain('javascript:')
    }
  })
})
