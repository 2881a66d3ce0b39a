import {AddDocumentIcon} from '@sanity/icons/AddDocument'
import {DocumentRemoveIcon} from '@sanity/icons/DocumentRemove'
import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {EditIcon} from '@sanity/icons/Edit'
import type {ComponentType, SVGProps} from 'react'
import type {DocumentBadgeComponent, DocumentBadgeDescription} from 'sanity'
import type {SectionChange as Change} from '../../../lib/policy/workflow'
import {useVersioningT, useWorkingChanges} from './useVersioning'
import {useWorkingChangesText} from './workingChangesText'

type Kind = Change['change']

/** Each kind of change with its icon, tinted as the badge of the same kind. */
const MARKS: Record<
  Kind,
  {
    icon: ComponentType<SVGProps<SVGSVGElement>>
    tone: string
    badge: DocumentBadgeDescription['color']
  }
> = {
  modified: {icon: EditIcon, tone: 'primary', badge: 'primary'},
  added: {icon: AddDocumentIcon, tone: 'positive', badge: 'success'},
  removed: {icon: DocumentRemoveIcon, tone: 'caution', badge: 'warning'},
}

/**
 * How the section with this key stands against the latest published version, once a version
 * is published (before the first, every section is new and marking them all says nothing).
 */
function useSectionChange(sectionKey: string | undefined) {
  const changes = useWorkingChanges()
  const text = useWorkingChangesText()
  if (!sectionKey || changes?.since === undefined) return undefined
  const change = changes.changes.find((candidate) => candidate.key === sectionKey)
  return change && {kind: change.change, description: text.section(change.change, changes.since)}
}

/**
 * A section's icon wherever the Studio previews it (the desk's sections list, the policy's list
 * of sections, search): the section's own icon, or one that tells it changed, is new or was taken
 * out since the latest published version, the words on hover and for screen readers.
 */
export function SectionChangeMark({sectionKey}: {sectionKey?: string}) {
  const change = useSectionChange(sectionKey)
  if (!change) return <DocumentTextIcon />
  const {icon: Icon, tone} = MARKS[change.kind]
  return (
    <span
      role="img"
      aria-label={change.description}
      title={change.description}
      data-testid="section-change-mark"
      data-change={change.kind}
      style={{display: 'flex'}}
    >
      {/* The preview's own style colours icons; the tint goes on the icon itself. */}
      <Icon aria-hidden style={{color: `var(--card-badge-${tone}-icon-color)`}} />
    </span>
  )
}

/** On a section's document: changed, new or taken out since the latest published version. */
export const SectionChangeBadge: DocumentBadgeComponent = (props) => {
  const t = useVersioningT()
  const section = props.published ?? props.draft
  const key = (section?.key as {current?: string} | undefined)?.current
  const change = useSectionChange(key)
  if (!change) return null
  return {
    label: t(`badge.section.${change.kind}`),
    title: change.description,
    color: MARKS[change.kind].badge,
  }
}
SectionChangeBadge.displayName = 'SectionChangeBadge'
