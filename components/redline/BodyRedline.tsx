import {useTranslations} from 'next-intl'
import type {BlockComparison, BlockFormat} from '@/lib/diff'
import {groupBlocks, type BodyNode, type ListNode} from './groupBlocks'
import {InlineRedline} from './InlineRedline'
import styles from './Redline.module.css'

interface BlockProps {
  block: BlockComparison
  plain: boolean
}

function FormatNote({before}: {before: BlockFormat}) {
  const t = useTranslations('Compare')
  const format = before.listItem ?? before.style
  return (
    <span className={styles.note}> ({t('formatChanged', {format: t(`formats.${format}`)})})</span>
  )
}

function BlockContent({block, plain}: BlockProps) {
  return (
    <>
      <InlineRedline changes={block.changes} plain={plain} />
      {block.formatBefore && !plain && <FormatNote before={block.formatBefore} />}
    </>
  )
}

function Block({block, plain}: BlockProps) {
  const content = <BlockContent block={block} plain={plain} />
  const status = plain ? undefined : block.status
  switch (block.format.style) {
    case 'h3':
      return <h3 data-block-status={status}>{content}</h3>
    case 'h4':
      return <h4 data-block-status={status}>{content}</h4>
    default:
      return <p data-block-status={status}>{content}</p>
  }
}

function List({list, plain}: {list: ListNode<BlockComparison>; plain: boolean}) {
  const Tag = list.listItem === 'number' ? 'ol' : 'ul'
  return (
    <Tag>
      {list.items.map((item, i) => (
        <li
          key={item.block.keyAfter ?? item.block.keyBefore ?? i}
          data-block-status={plain ? undefined : item.block.status}
        >
          <BlockContent block={item.block} plain={plain} />
          {item.lists.map((nested, j) => (
            <List key={j} list={nested} plain={plain} />
          ))}
        </li>
      ))}
    </Tag>
  )
}

function Node({node, plain}: {node: BodyNode<BlockComparison>; plain: boolean}) {
  return node.kind === 'list' ? (
    <List list={node} plain={plain} />
  ) : (
    <Block block={node.block} plain={plain} />
  )
}

interface BodyRedlineProps {
  blocks: readonly BlockComparison[]
  /** Show the text without marking changes (a whole section added or removed, or unchanged). */
  plain?: boolean
}

/** A section's text, block by block, with paragraphs, headings and lists as in the policy. */
export function BodyRedline({blocks, plain = false}: BodyRedlineProps) {
  const nodes = groupBlocks(
    blocks.filter((block) => block.changes.length > 0),
    (block) => block.format,
  )
  return nodes.map((node, i) => <Node key={i} node={node} plain={plain} />)
}
