'use client'

import type {SyntheticEvent} from 'react'
import {SECTION_ATTRIBUTE, sectionHref} from './sectionAddress'

export interface LanguageOption {
  locale: string
  /** The same page in that language, without a fragment. */
  href: string
  /** What the link says, written in the target language. */
  label: string
}

const SECTIONS = `[${SECTION_ATTRIBUTE}]`

/** The element the address's fragment names, if any. */
function addressTarget(doc: Document): HTMLElement | null {
  try {
    const id = decodeURIComponent(doc.location.hash.slice(1))
    return id ? doc.getElementById(id) : null
  } catch {
    return null // a malformed escape in the address names nothing
  }
}

/**
 * The section the reader is reading, `coveredTop` pixels of the window being hidden under the
 * site's sticky header:
 * - the section holding what the address names (the section, its heading or anything in it), as
 *   long as its start is still in the window: the reader went there and has not scrolled away,
 *   which matters near the end of the page, where a section reached by its address cannot scroll
 *   up to the reading line;
 * - at the very end of the page, the last section, which may never reach the reading line;
 * - otherwise the last section that starts above the reading line, a quarter of the way down the
 *   part of the window the header leaves visible.
 */
export function sectionBeingRead(doc: Document = document, coveredTop = 0): string | undefined {
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
  function keepPlace(event: SyntheticEvent<HTMLAnchorElement>, base: string) {
    const link = event.currentTarget
    // The part of the window the sticky header the switcher sits in hides.
    const covered = Math.max(0, link.closest('header')?.getBoundingClientRect().bottom ?? 0)
    const section = sectionBeingRead(document, covered)
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
