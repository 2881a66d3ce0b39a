import {fireEvent, render, screen} from '@testing-library/react'
import {afterEach, describe, expect, it} from 'vitest'
import {LanguageSwitcher} from '@/components/LanguageSwitcher'

const options = [{locale: 'en', href: '/en/privacy-policy', label: 'English'}]

function renderPageWithSections(tops: Record<string, number>) {
  for (const [id, top] of Object.entries(tops)) {
    const section = document.createElement('section')
    section.id = id
    section.setAttribute('data-policy-section', '')
    section.getBoundingClientRect = () => ({top}) as DOMRect
    document.body.append(section)
  }
  // jsdom cannot follow links; the href at click time is what the browser would follow.
  document.addEventListener('click', (event) => event.preventDefault(), {once: true})
  render(<LanguageSwitcher label="Langue" options={options} cookie="NEXT_LOCALE" />)
  return screen.getByRole('link', {name: 'English'})
}

afterEach(() => {
  document.body.innerHTML = ''
  window.history.replaceState(null, '', '/')
})

describe('the language switcher', () => {
  it('links to the same page in the other language, named in that language', () => {
    const link = renderPageWithSections({})
    expect(screen.getByRole('navigation', {name: 'Langue'})).toContainElement(link)
    expect(link).toHaveAttribute('href', '/en/privacy-policy')
    expect(link).toHaveAttribute('hreflang', 'en')
    expect(link).toHaveAttribute('lang', 'en')
  })

  it('takes the reader to the section named in the address', () => {
    const link = renderPageWithSections({cookies: -800, 'links-to-other-sites': -100})
    window.history.replaceState(null, '', '/fr/politique-de-confidentialite#cookies')
    fireEvent.click(link)
    expect(link).toHaveAttribute('href', '/en/privacy-policy#cookies')
  })

  it('takes the reader to the section they scrolled to', () => {
    const link = renderPageWithSections({cookies: -800, 'links-to-other-sites': 40, later: 900})
    fireEvent.click(link)
    expect(link).toHaveAttribute('href', '/en/privacy-policy#links-to-other-sites')
  })

  it('keeps the page top when the reader has not reached any section', () => {
    const link = renderPageWithSections({cookies: 400})
    window.history.replaceState(null, '', '/fr/politique-de-confidentialite#no-such-section')
    fireEvent.click(link)
    expect(link).toHaveAttribute('href', '/en/privacy-policy')
  })

  it('remembers the language chosen for the browser session', () => {
    document.cookie = 'NEXT_LOCALE=; max-age=0; path=/'
    const link = renderPageWithSections({cookies: 400})
    fireEvent.click(link)
    expect(document.cookie).toContain('NEXT_LOCALE=en')
  })
})
