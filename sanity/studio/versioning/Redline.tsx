import {Box, Stack, Text} from '@sanity/ui'
import {Fragment, type CSSProperties, type ReactNode} from 'react'
import type {
  BlockComparison,
  BlockFormat,
  InlineChange,
  LinkChange,
  TextChange,
} from '../../../lib/diff'

/**
 * A word-level redline in the Studio's own components: the site's redline uses the site's
 * translations and styles, which the Studio does not load. Insertions are underlined on green,
 * deletions struck through on red, so the change reads without colour too.
 */

const INSERTED: CSSProperties = {
  background: 'rgba(46, 160, 67, 0.22)',
  color: 'inherit',
  textDecoration: 'underline',
  textDecorationThickness: '1px',
}
const DELETED: CSSProperties = {
  background: 'rgba(248, 81, 73, 0.22)',
  color: 'inherit',
  textDecoration: 'line-through',
}
const LINKED: CSSProperties = {textDecoration: 'underline dotted'}

export function InlineChanges({changes}: {changes: readonly InlineChange[]}) {
  return changes.map((change, i) => {
    let node: ReactNode = change.text
    if (change.marks.includes('em')) node = <em>{node}</em>
    if (change.marks.includes('strong')) node = <strong>{node}</strong>
    if (change.href !== undefined)
      node = (
        <span style={LINKED} title={change.href}>
          {node}
        </span>
      )
    if (change.kind === 'inserted')
      return (
        <ins key={i} style={INSERTED}>
          {node}
        </ins>
      )
    if (change.kind === 'deleted')
      return (
        <del key={i} style={DELETED}>
          {node}
        </del>
      )
    return <Fragment key={i}>{node}</Fragment>
  })
}

export function textChanges(changes: readonly TextChange[]): InlineChange[] {
  return changes.map(({kind, text}) => ({kind, text, marks: []}))
}

const FORMAT_NAMES: Record<string, string> = {
  normal: 'a paragraph',
  h3: 'a sub-heading',
  h4: 'a minor heading',
  bullet: 'a bulleted list item',
  number: 'a numbered list item',
}

function formatName(format: BlockFormat): string {
  return FORMAT_NAMES[format.listItem ?? format.style] ?? 'a paragraph'
}

/** Item numbers of numbered lists, counted per run of items at the same level. */
function listMarkers(blocks: readonly BlockComparison[]): string[] {
  const counters: number[] = []
  return blocks.map(({format}) => {
    if (!format.listItem) {
      counters.length = 0
      return ''
    }
    const level = format.level ?? 1
    counters.length = level
    counters[level - 1] = (counters[level - 1] ?? 0) + 1
    return format.listItem === 'number' ? `${counters[level - 1]}. ` : '• '
  })
}

/** A body's blocks as paragraphs, headings and list items, each marked word by word. */
export function BlocksRedline({blocks}: {blocks: readonly BlockComparison[]}) {
  const shown = blocks.filter((block) => block.changes.length > 0)
  const markers = listMarkers(shown)
  return (
    <Stack gap={3}>
      {shown.map((block, i) => {
        const heading = block.format.style !== 'normal'
        const indent = block.format.listItem ? (block.format.level ?? 1) : 0
        return (
          <Box key={block.keyAfter ?? block.keyBefore ?? i} paddingLeft={indent * 3}>
            <Text
              size={1}
              weight={heading ? 'semibold' : 'regular'}
              muted={block.status === 'unchanged'}
              data-block-status={block.status}
            >
              {markers[i]}
              <InlineChanges changes={block.changes} />
              {block.formatBefore && <em> (was {formatName(block.formatBefore)})</em>}
            </Text>
          </Box>
        )
      })}
    </Stack>
  )
}

/** Links whose address changed, or that appeared or went, in one language of a section. */
export function LinkChangeList({changes}: {changes: readonly LinkChange[]}) {
  if (changes.length === 0) return null
  return (
    <Stack as="ul" gap={2} style={{margin: 0, paddingLeft: '1.25em'}}>
      {changes.map((change, i) => (
        <Text as="li" size={1} key={i}>
          {change.kind === 'retargeted' ? (
            <>
              The link on “{change.text}” now goes to <code>{change.hrefAfter}</code> (was{' '}
              <code>{change.hrefBefore}</code>).
            </>
          ) : change.kind === 'added' ? (
            <>
              New link on “{change.text}” to <code>{change.href}</code>.
            </>
          ) : (
            <>
              Link removed from “{change.text}” (went to <code>{change.href}</code>).
            </>
          )}
        </Text>
      ))}
    </Stack>
  )
}
