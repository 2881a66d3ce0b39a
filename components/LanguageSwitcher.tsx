'use client'

import {useEffect, useRef, type SyntheticEvent} from 'react'
import {SECTION_ATTRIBUTE, sectionHref} from './sectionAddress'

export interface LanguageOption {
  locale: string
  /** The same page in that language, without a fragment. */
  href: string
  /** What the link says, written in the target language. */
  label: string
}

const SECTIONS = `[${SECTION_ATTRIBUTE}]`

/** The element an address's fragment (`#…`, or empty) names, if any. */
function fragmentTarget(doc: Document, hash: string): HTMLElement | null {
  try {
    const id = decodeURIComponent(hash.replace(/^#/, ''))
    return id ? doc.getElementById(id) : null
  } catch {
    return null // a malformed escape in the address names nothing
  }
}

function addressTarget(doc: Document): HTMLElement | null {
  return fragmentTarget(doc, doc.location.hash)
}

/**
 * What an address the reader asked for (on arriving, by a link in the page, with the back
 * button) pins as their place: the section holding the element its fragment names, or the page
 * itself (`section` undefined) for an element outside every section, such as `#top`. An address
 * naming nothing on the page pins nothing.
 */
export interface Pin {
  section: string | undefined
}

export function pinOf(doc: Document, hash: string): Pin | undefined {
  const target = fragmentTarget(doc, hash)
  if (!target) return undefined
  return {section: target.closest<HTMLElement>(SECTIONS)?.id}
}

/**
 * The section the reader is reading, `coveredTop` pixels of the window being hidden under the
 * site's sticky header:
 * - the section the address the reader asked for pinned, until they scroll by themselves (`pin`,
 *   see `trackPlace`): while the page scrolls smoothly towards it, or cannot scroll it up to the
 *   reading line near the end of the page, it is still where they are going;
 * - the section holding what the address names (the section, its heading or anything in it), as
 *   long as its start is still in the window: the reader went there and has not scrolled away;
 * - at the very end of the page, the last section, which may never reach the reading line;
 * - otherwise the last section that starts above the reading line, a quarter of the way down the
 *   part of the window the header leaves visible.
 */
export function sectionBeingRead(
  doc: Document = document,
  coveredTop = 0,
  pin?: Pin,
): string | undefined {
  if (pin) return pin.section
  const sections = [...doc.querySelectorAll<HTMLElement>(SECTIONS)]
  if (sections.length === 0) return undefined
  const view = doc.defaultView
  const height = view?.innerHeight ?? 0

  const target = addressTarget(doc)
  const named = target?.closest<HTMLElement>(SECTIONS)
  if (target && named) {
    const start = target.getBoundingClientRect().top
    if (start >= 0 && start < height) return named.id
  }

  const scrolled = view?.scrollY ?? 0
  if (scrolled > 0 && scrolled + height >= doc.documentElement.scrollHeight - 2) {
    return sections.at(-1)?.id
  }

  const readingLine = coveredTop + (height - coveredTop) / 4
  let current: string | undefined
  for (const section of sections) {
    if (section.getBoundingClientRect().top > readingLine) break
    current = section.id
  }
  return current
}

/** Keys that scroll the page (Tab and Enter only move the focus or follow a link). */
const SCROLL_KEYS = new Set([
  'ArrowDown',
  'ArrowUp',
  'ArrowLeft',
  'ArrowRight',
  'PageDown',
  'PageUp',
  'Home',
  'End',
  ' ',
  'Spacebar',
])

/** Whether a key pressed in `target` scrolls the page rather than editing or choosing. */
function scrollsPage(event: KeyboardEvent): boolean {
  if (!SCROLL_KEYS.has(event.key)) return false
  const target = event.target
  if (!(target instanceof Element)) return true
  return !target.closest(
    'input, textarea, select, [contenteditable]:not([contenteditable="false"])',
  )
}

/**
 * Follows where the reader's place is decided, on `win`, and returns the current pin through
 * `current()`:
 * - an address pins its section: the one the page opened at, a link within the page (the table of
 *   contents, back to top) and the back or forward button (`hashchange`, `popstate`);
 * - the page is then on its way there (smoothly, unless the reader prefers reduced motion) until
 *   its scroll ends: those scroll events are the navigation's;
 * - the reader scrolling by themselves (the wheel, a finger moving on the screen, the keys that
 *   scroll, the scrollbar), or any scroll that no navigation started, unpins it: the position
 *   decides again.
 */
export function trackPlace(win: Window): {current(): Pin | undefined; stop(): void} {
  const doc = win.document
  let pin = pinOf(doc, win.location.hash)
  // Arriving at an address: the browser may still be scrolling to it.
  let navigating = pin !== undefined

  // The address a link in the page was just followed to: its `hashchange` is that navigation's.
  let followed: string | undefined

  const pinAddress = (hash: string) => {
    pin = pinOf(doc, hash)
    navigating = pin !== undefined
  }
  const unpin = () => {
    pin = undefined
    navigating = false
    followed = undefined
  }

  const onAddress = (event: Event) => {
    const hash = win.location.hash
    if (event.type === 'hashchange' && hash === followed) {
      followed = undefined
      return
    }
    pinAddress(hash)
  }
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null
    if (!(link instanceof HTMLAnchorElement) || link.target) return
    const url = new URL(link.href, win.location.href)
    const here = win.location
    if (url.origin !== here.origin || url.pathname !== here.pathname) return
    if (url.search !== here.search || !url.hash) return
    // The same address again scrolls the page without a `hashchange`.
    pinAddress(url.hash)
    followed = url.hash === here.hash ? undefined : url.hash
  }
  const onKey = (event: KeyboardEvent) => {
    if (scrollsPage(event)) unpin()
  }
  const onPointerDown = (event: PointerEvent) => {
    // On the page's own scrollbar, right of (or below) what its root element lays out.
    const root = doc.documentElement
    if (event.clientX >= root.clientWidth || event.clientY >= root.clientHeight) unpin()
  }
  // A scroll nobody asked for while the pinned section is still in sight (the browser keeping
  // the page steady while something above it changes size, a second scroll to the same address)
  // leaves the reader where they are: only one that takes the section out of sight unpins.
  const pinnedInSight = () => {
    const section = pin?.section === undefined ? null : doc.getElementById(pin.section)
    if (!section) return false
    const {top, bottom} = section.getBoundingClientRect()
    return top < win.innerHeight && bottom > 0
  }
  const onScroll = () => {
    if (!navigating && !pinnedInSight()) unpin()
  }
  const onScrollEnd = () => {
    navigating = false
  }

  const listeners: [EventTarget, string, EventListener][] = [
    [win, 'hashchange', onAddress],
    [win, 'popstate', onAddress],
    [doc, 'click', onClick as EventListener],
    [win, 'wheel', unpin],
    [win, 'touchmove', unpin],
    [win, 'keydown', onKey as EventListener],
    [win, 'pointerdown', onPointerDown as EventListener],
    [win, 'scroll', onScroll],
    [win, 'scrollend', onScrollEnd],
  ]
  for (const [target, type, listener] of listeners) {
    target.addEventListener(type, listener, {capture: true, passive: true})
  }
  return {
    current: () => pin,
    stop() {
      for (const [target, type, listener] of listeners) {
        target.removeEventListener(type, listener, {capture: true})
      }
    },
  }
}

/**
 * Links to the same page in the other languages. Plain links, so they work without JavaScript;
 * with it, each link is pointed at the section being read whenever the reader is about to use it
 * (pointing at it, pressing it, focusing it, opening its menu), so that following it, opening it
 * in a new tab or copying its address all land on the same section in the other language. The
 * choice is remembered for the browser session in `cookie` (pages are the same for everyone and
 * set no cookie; the site reads it where an address names no language).
 */
export function LanguageSwitcher({
  label,
  options,
  cookie,
}: {
  label: string
  options: LanguageOption[]
  cookie: string
}) {
  const place = useRef<ReturnType<typeof trackPlace>>(null)
  useEffect(() => {
    const tracker = trackPlace(window)
    place.current = tracker
    return () => {
      tracker.stop()
      place.current = null
    }
  }, [])

  function keepPlace(event: SyntheticEvent<HTMLAnchorElement>, base: string) {
    const link = event.currentTarget
    // The part of the window the sticky header the switcher sits in hides.
    const covered = Math.max(0, link.closest('header')?.getBoundingClientRect().bottom ?? 0)
    const section = sectionBeingRead(document, covered, place.current?.current())
    link.setAttribute('href', section ? `${base}${sectionHref(section)}` : base)
  }

  return (
    <nav className="language-switcher" aria-label={label}>
      <ul>
        {options.map((option) => {
          const point = (event: SyntheticEvent<HTMLAnchorElement>) => keepPlace(event, option.href)
          return (
            <li key={option.locale}>
              <a
                href={option.href}
                hrefLang={option.locale}
                lang={option.locale}
                onClick={(event) => {
                  point(event)
                  // No expiry: a session cookie, as the policy promises readers.
                  document.cookie = `${cookie}=${option.locale}; path=/; SameSite=Lax`
                }}
                onPointerDown={point}
                onMouseEnter={point}
                onFocus={point}
                onContextMenu={point}
              >
                {option.label}
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
