'use client'

import {useEffect} from 'react'

/** The CSS variable that holds the sticky header's height, for in-page addresses to clear it. */
export const HEADER_HEIGHT_VARIABLE = '--site-header-height'

/**
 * Keeps `--site-header-height` on the page's root at the real height of the sticky header
 * (`headerId`), as the window is resized or the text zoomed, so that a section reached by its
 * address shows below the header rather than under it (app/globals.css). Renders nothing.
 */
export function HeaderHeight({headerId}: {headerId: string}) {
  useEffect(() => {
    const header = document.getElementById(headerId)
    if (!header) return
    const root = document.documentElement
    const measure = () =>
      root.style.setProperty(
        HEADER_HEIGHT_VARIABLE,
        `${Math.ceil(header.getBoundingClientRect().height)}px`,
      )
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(header)
    return () => {
      observer.disconnect()
      root.style.removeProperty(HEADER_HEIGHT_VARIABLE)
    }
  }, [headerId])
  return null
}
