'use client'

import {VisualEditing} from 'next-sanity/visual-editing'
import {useRouter} from 'next/navigation'
import {useSyncExternalStore} from 'react'

/** The document types a preview page is made of: a change to one of them redraws the page. */
const PREVIEWED_TYPES = new Set(['policy', 'policySection', 'policyVersion'])

const unchanging = () => () => {}

/** Whether the page is shown by the Studio (in its Presentation tool's frame, or a window it opened). */
function shownByStudio(): boolean {
  return window.self !== window.top || window.opener !== null
}

/**
 * Connects a page in preview to the Studio's Presentation tool around it: the tool follows the
 * editor's navigation, and the page is drawn again from the server, never from a cache, when the
 * editor presses refresh or changes a document it shows. Nothing at all outside the tool.
 */
export function PresentationBridge() {
  const router = useRouter()
  const inStudio = useSyncExternalStore(unchanging, shownByStudio, () => false)
  if (!inStudio) return null
  return (
    <VisualEditing
      refresh={(payload) => {
        if (payload.source === 'mutation' && !PREVIEWED_TYPES.has(payload.document._type)) {
          return false
        }
        router.refresh()
        // The tool shows a spinner until this settles; a server render takes about this long.
        return new Promise((resolve) => setTimeout(resolve, 1000))
      }}
    />
  )
}
