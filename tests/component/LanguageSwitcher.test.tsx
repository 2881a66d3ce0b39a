import {fireEvent, render, screen} from '@testing-library/react'
import {afterEach, describe, expect, it} from 'vitest'
import {LanguageSwitcher} from '@/components/LanguageSwitcher'

const options = [{locale: 'en', href: '/en/privacy-policy', label: 'English'}]
const WINDOW_HEIGHT = 800
const HEADER_HEIGHT = 60

function place(element: HTMLElement, top: number) {
  element.getBoundingClientRect = () => ({top, bottom: top + 40}) as DOMRect
}

/**
 * A page of sections whose tops are where the reader has scrolled them (jsdom lays nothing
 * out), under a sticky header HEADER_HEIGHT tall holding the switcher.
 */
function renderPage(
  tops: Record<string, number>,
  {scrolledToEnd = false, address = ''}: {scrolledToEnd?: boolean; address?: string} = {},
) {
  Object.defineProperty(window, 'innerHeight', {value: WINDOW_HEIGHT, configurable: true})
  Object.defineProperty(window, 'scrollY', {value: scrolledToEnd ? 3000 : 500, configurable: true})
  Object.defineProperty(document.documentElement, 'scrollHeight', {
    value: scrolledToEnd ? 3000 + WINDOW_HEIGHT : 10_000,
    configurable: true,
  })
  for (const [id, top] of Object.entries(tops)) {
    const section = document.createElement('section')
    section.id = id
    section.setAttribute('data-policy-section', '')
    const heading = document.createElement('h2')
    heading.id = `${id}-title`
    section.append(heading)
    place(section, top)
    place(heading, top + 40)
    document.body.append(section)
  }
  window.history.replaceState(null, '', `/fr/politique-de-confidentialite${address}`)
  // jsdom cannot follow links; the href at click time is what the browser would follow.
  document.addEventListener('click', (event) => event.preventDefault(), {once: true})
  const header = document.createElement('header')
  place(header, 0)
  header.getBoundingClientRect = () => ({top: 0, bottom: HEADER_HEIGHT}) as DOMRect
  document.body.prepend(header)
  render(<LanguageSwitcher label="Langue" options={options} cookie="NEXT_LOCALE" />, {
    container: header,
  })
  return screen.getByRole('link', {name: 'English'})
}

function followed(link: HTMLElement): string | null {
  fireEvent.click(link)
  return link.getAttribute('href')
}

afterEach(() => {
  document.body.innerHTML = ''
  window.history.replaceState(null, '', '/')
})

describe('the language switcher', () => {
  it('links to the same page in the other language, named in that language', () => {
    const link = renderPage({})
    expect(screen.getByRole('navigation', {name: 'Langue'})).toContainElement(link)
    expect(link).toHaveAttribute('href', '/en/privacy-policy')
    expect(link).toHaveAttribute('hreflang', 'en')
    expect(link).toHaveAttribute('lang', 'en')
  })

  it('takes the reader to the section they scrolled to the top of the window', () => {
    // The heading just below the header; the section's top edge under it.
    const link = renderPage({cookies: -800, 'links-to-other-sites': HEADER_HEIGHT - 30, later: 700})
    expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
  })

  it('counts a section as being read once it is a quarter of the way down the visible window', () => {
    // Below the header, 740 pixels show: the reading line is 60 + 185 = 245 pixels down.
    expect(followed(renderPage({cookies: -800, 'links-to-other-sites': 240}))).toBe(
      '/en/privacy-policy#links-to-other-sites',
    )
    document.body.innerHTML = ''
    expect(followed(renderPage({cookies: -800, 'links-to-other-sites': 250}))).toBe(
      '/en/privacy-policy#cookies',
    )
  })

  it('takes the reader to the section named in the address while they can see where it starts', () => {
    const link = renderPage(
      {cookies: -800, 'comments-or-questions': 300, 'learn-more': 600},
      {address: '#comments-or-questions'},
    )
    expect(followed(link)).toBe('/en/privacy-policy#comments-or-questions')
  })

  it('treats the address of a section’s heading as the address of its section', () => {
    const link = renderPage(
      {cookies: -800, 'comments-or-questions': 300, 'learn-more': 600},
      {address: '#comments-or-questions-title'},
    )
    expect(followed(link)).toBe('/en/privacy-policy#comments-or-questions')
  })

  it('follows the reader who scrolled away from the section the address names', () => {
    const link = renderPage(
      {cookies: -2000, transmission: -900, 'links-to-other-sites': 30, later: 700},
      {address: '#cookies'},
    )
    fireEvent.wheel(window, {deltaY: 400})
    expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
  })

  describe('keeps the section the address pinned until the reader scrolls by themselves', () => {
    // The page on its way to `links-to-other-sites`: another section at the reading line.
    const onTheWay = {cookies: -800, transmission: 100, 'links-to-other-sites': 850, later: 1200}

    it('while the page scrolls smoothly to the address it opened at', () => {
      const link = renderPage(onTheWay, {address: '#links-to-other-sites-title'})
      fireEvent.scroll(window)
      expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
      // The scroll ends short of the reading line (near the end of the page, say).
      fireEvent(window, new Event('scrollend'))
      expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
    })

    it('after a link in the page, followed again even to the address it already shows', () => {
      const link = renderPage(onTheWay)
      const contents = document.createElement('a')
      contents.href = '#links-to-other-sites'
      document.body.append(contents)
      fireEvent.click(contents)
      fireEvent.scroll(window)
      expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
      fireEvent(window, new Event('scrollend'))
      fireEvent.click(contents)
      fireEvent.scroll(window)
      expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
    })

    it('after the back button brings an address back', () => {
      const link = renderPage(onTheWay, {address: '#cookies'})
      fireEvent.wheel(window, {deltaY: 400})
      window.history.replaceState(null, '', '#links-to-other-sites')
      fireEvent(window, new PopStateEvent('popstate'))
      fireEvent.scroll(window)
      expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
    })

    it('through a tap, focus moving and Enter, which scroll nothing', () => {
      const link = renderPage(onTheWay, {address: '#links-to-other-sites'})
      fireEvent.touchStart(link)
      fireEvent.keyDown(link, {key: 'Tab'})
      fireEvent.keyDown(link, {key: 'Enter'})
      expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
    })

    it.each([
      ['the mouse wheel', () => fireEvent.wheel(window, {deltaY: 100})],
      ['a finger moving on the screen', () => fireEvent.touchMove(window)],
      ['a key that scrolls', () => fireEvent.keyDown(document.body, {key: 'PageDown'})],
      ['the space bar', () => fireEvent.keyDown(document.body, {key: ' '})],
      [
        'the scrollbar',
        () => fireEvent.pointerDown(window, {clientX: document.documentElement.clientWidth + 5}),
      ],
      [
        'a scroll that no navigation started',
        () => {
          fireEvent(window, new Event('scrollend'))
          fireEvent.scroll(window)
        },
      ],
    ])('and lets the position decide again after %s', (_, scroll) => {
      const link = renderPage(onTheWay, {address: '#links-to-other-sites'})
      scroll()
      expect(followed(link)).toBe('/en/privacy-policy#transmission')
    })

    it('after a scroll nobody asked for while the section is still in sight', () => {
      // Arrived and settled near the end of the page; the browser then keeps the page steady
      // while something above changes size: the section moves, but stays in the window.
      const settled = {cookies: -800, transmission: 100, 'links-to-other-sites': 400, later: 900}
      const link = renderPage(settled, {address: '#links-to-other-sites'})
      fireEvent(window, new Event('scrollend'))
      fireEvent.scroll(window)
      expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
    })

    it('but not after a key typed in a form field', () => {
      const link = renderPage(onTheWay, {address: '#links-to-other-sites'})
      const field = document.createElement('input')
      document.body.append(field)
      fireEvent.keyDown(field, {key: ' '})
      expect(followed(link)).toBe('/en/privacy-policy#links-to-other-sites')
    })
  })

  it('takes the reader at the very end of the page to the last section', () => {
    const link = renderPage(
      {cookies: -2000, 'links-to-other-sites': -200, comments: 300, 'learn-more': 600},
      {scrolledToEnd: true},
    )
    expect(followed(link)).toBe('/en/privacy-policy#learn-more')
  })

  it('keeps the page top when the reader has not reached any section', () => {
    const link = renderPage({cookies: 400}, {address: '#no-such-section'})
    expect(followed(link)).toBe('/en/privacy-policy')
  })

  it('points the link at the section being read before it is opened another way', () => {
    const link = renderPage({cookies: -800, 'links-to-other-sites': 30})
    // A middle click or the context menu (open in a new tab, copy the address) begin so.
    fireEvent.pointerDown(link, {button: 1})
    expect(link).toHaveAttribute('href', '/en/privacy-policy#links-to-other-sites')
    fireEvent.contextMenu(link)
    expect(link).toHaveAttribute('href', '/en/privacy-policy#links-to-other-sites')
  })

  it('remembers the language chosen for the browser session', () => {
    document.cookie = 'NEXT_LOCALE=; max-age=0; path=/'
    const link = renderPage({cookies: 400})
    fireEvent.click(link)
    expect(document.cookie).toContain('NEXT_LOCALE=en')
  })
})
