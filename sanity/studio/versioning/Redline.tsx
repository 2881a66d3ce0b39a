import {Box, Stack, Text} from '@sanity/ui'
import {Fragment, type CSSProperties, type ReactNode} from 'react'
import type {
  BlockComparison,
  BlockFormat,
  InlineChange,
  LinkChange,
  TextChange,
} from '../../../lib/diff'
import {useVersioningT} from './useVersioning'

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

const FORMATS = new Set(['normal', 'h3', 'h4', 'bullet', 'number'])

/** The translation key naming a block's format ("a paragraph", "a bulleted list item"…). */
function formatKey(format: BlockFormat): string {
  const name = format.listItem ?? format.style
  return `format.${FORMATS.has(name) ? name : 'normal'}`
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
  const t = useVersioningT()
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
              {block.formatBefore && (
                <em> {t('redline.was', {format: t(formatKey(block.formatBefore))})}</em>
              )}
            </Text>
          </Box>
        )
      })}
    </Stack>
  )
}

/** Links whose address changed, or that appeared or went, in one language of a section. */
export function LinkChangeList({changes}: {changes: readonly LinkChange[]}) {
  const t = useVersioningT()
  if (changes.length === 0) return null
  return (
    <Stack as="ul" gap={2} style={{margin: 0, paddingLeft: '1.25em'}}>
      {changes.map((change, i) => (
        <Text as="li" size={1} key={i}>
          {change.kind === 'retargeted'
            ? t('redline.link.retargeted', {
                text: change.text,
                after: change.hrefAfter,
                before: change.hrefBefore,
              })
            : change.kind === 'added'
              ? t('redline.link.added', {text: change.text, href: change.href})
              : t('redline.link.removed', {text: change.text, href: change.href})}
        </Text>
      ))}
    </Stack>
  )
}
