import {Fragment, type ReactNode} from 'react'

/** `<Name>words</Name>` in a resource, as Sanity's `Translate` component reads it. */
const MARKUP = /<(\w+)>(.*?)<\/\1>/gs

export type MarkupComponents = Record<string, (words: string) => ReactNode>

/**
 * A translated text with its marked-up words drawn by `components`, for pages around the Studio
 * (inside it, Sanity's `Translate` does this). Words marked with an unknown name stay plain.
 */
export function richText(text: string, components: MarkupComponents): ReactNode[] {
  const parts: ReactNode[] = []
  let end = 0
  for (const match of text.matchAll(MARKUP)) {
    const [whole, name = '', words = ''] = match
    parts.push(text.slice(end, match.index))
    parts.push(<Fragment key={match.index}>{components[name]?.(words) ?? words}</Fragment>)
    end = match.index + whole.length
  }
  parts.push(text.slice(end))
  return parts
}

/** The markup of the pages around the Studio: the local content server's address, emphasis, code. */
export function aroundStudioMarkup(serverOrigin: string): MarkupComponents {
  return {
    Link: (address) => (
      <a href={`${serverOrigin}/`} target="_blank" rel="noreferrer">
        {address}
      </a>
    ),
    Em: (words) => <em>{words}</em>,
    Code: (words) => <code>{words}</code>,
  }
}
