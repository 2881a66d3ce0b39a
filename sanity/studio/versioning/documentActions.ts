import type {DocumentActionComponent, DocumentActionsResolver, DocumentBadgesResolver} from 'sanity'
import {ApproveVersionAction} from './ApproveVersionAction'
import {PrepareVersionAction} from './PrepareVersionAction'
import {PublishVersionAction} from './PublishVersionAction'
import {SectionChangeBadge} from './SectionChange'
import {useVersioningT} from './useVersioning'
import {StaleCandidateBadge, UpcomingVersionBadge, VersionStatusBadge} from './VersionStatusBadge'

/**
 * Sanity's delete, kept for versions not published yet (an editor withdraws a candidate); a
 * published version is never deleted. The built-in action always runs, so that the hooks it
 * uses are the same whatever the status.
 */
function withdrawOnly(deleteAction: DocumentActionComponent): DocumentActionComponent {
  const Withdraw: DocumentActionComponent = (props) => {
    const t = useVersioningT()
    const description = deleteAction(props)
    const version = props.draft ?? props.published
    if (!description || !version || version.status === 'published') return null
    return {...description, label: t('withdraw.label')}
  }
  Withdraw.action = 'delete'
  Withdraw.displayName = 'WithdrawCandidateAction'
  return Withdraw
}

/**
 * "Prepare version n" where an editor expects the next step: Sanity shows a document's first
 * action as its button and the others in the "…" menu. While the policy has unpublished edits,
 * publishing them comes first and Prepare waits in the menu; otherwise Prepare is the button.
 * Placed both first and last, each copy shows only in its place; a copy whose dialog is open
 * stays until it closes, so that a draft appearing meanwhile does not take the dialog away.
 */
function prepareVersionIn(place: 'button' | 'menu'): DocumentActionComponent {
  const Placed: DocumentActionComponent = (props) => {
    const description = PrepareVersionAction(props)
    const hasDraft = props.draft !== null
    const here = place === 'button' ? !hasDraft : hasDraft
    return here || description?.dialog ? description : null
  }
  Placed.displayName = `PrepareVersionAction(${place})`
  return Placed
}

const PrepareVersionButton = prepareVersionIn('button')
const PrepareVersionMenuItem = prepareVersionIn('menu')

/**
 * The versioning workflow's actions: "Prepare version n" on the policy; on a version, only the
 * workflow's own steps (approve, publish, withdraw), never Sanity's edit, publish or duplicate,
 * which would go around the legal sign-off.
 */
export const versioningActions: DocumentActionsResolver = (prev, {schemaType}) => {
  if (schemaType === 'policy') return [PrepareVersionButton, ...prev, PrepareVersionMenuItem]
  if (schemaType !== 'policyVersion') return prev
  const deleteAction = prev.find(({action}) => action === 'delete')
  return [
    ApproveVersionAction,
    PublishVersionAction,
    ...(deleteAction ? [withdrawOnly(deleteAction)] : []),
  ]
}

/**
 * A version's status, whether it is upcoming or out of date, in place of Sanity's badges; on a
 * section, whether it changed since the latest published version.
 */
export const versioningBadges: DocumentBadgesResolver = (prev, {schemaType}) => {
  if (schemaType === 'policyVersion')
    return [VersionStatusBadge, UpcomingVersionBadge, StaleCandidateBadge]
  if (schemaType === 'policySection') return [...prev, SectionChangeBadge]
  return prev
}
