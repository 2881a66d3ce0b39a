'use client'

import type {MouseEvent, FocusEvent} from 'react'

export interface LanguageOption {
  locale: string
  /** The same page in that language, without a fragment. */
  href: string
  /** What the link says, written in the target language. */
  label: string
}

/** How far below the top of the window a section must start to count as the one being read. */
const READING_LINE_PX = 160

/**
 * The section the reader is in: the one named in the address, or else the last section whose
 * top has scrolled past the reading line.
 */
export function currentSectionId(doc: Document = document): string | undefined {
  const hash = decodeURIComponent(doc.location.hash.slice(1))
  if (hash && doc.getElementById(hash)?.hasAttribute('data-policy-section')) return hash
  let current: string | undefined
  for (const section of doc.querySelectorAll<HTMLElement>('[data-policy-section]')) {
    if (section.getBoundingClientRect().top > READING_LINE_PX) break
    current = section.id
  }
  return current
}

/**
 * Links to the same page in the other languages. Plain links, so they work without JavaScript;
 * with it, the section being read is added just before the link is followed, so the reader
 * lands on the same section in the other language, and the choice is remembered for the browser
 * session in `cookie` (pages are the same for everyone and set no cookie; the site reads it where
 * an address names no language).
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
  function keepPlace(event: MouseEvent<HTMLAnchorElement> | FocusEvent<HTMLAnchorElement>) {
    const link = event.currentTarget
    const base = link.dataset.href ?? link.getAttribute('href') ?? ''
    const section = currentSectionId()
    link.setAttribute('href', section ? `${base}#${encodeURIComponent(section)}` : base)
  }

  function remember(event: MouseEvent<HTMLAnchorElement>) {
    keepPlace(event)
    // No expiry: a session cookie, as the policy promises readers.
    document.cookie = `${cookie}=${event.currentTarget.hreflang}; path=/; SameSite=Lax`
  }

  return (
    <nav className="language-switcher" aria-label={label}>
      <ul>
        {options.map((option) => (
          <li key={option.locale}>
            <a
              href={option.href}
              data-href={option.href}
              hrefLang={option.locale}
              lang={option.locale}
              onClick={remember}
              onFocus={keepPlace}
              onMouseEnter={keepPlace}
            >
              {option.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
