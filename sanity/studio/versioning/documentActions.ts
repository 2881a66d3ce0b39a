import type {DocumentActionComponent, DocumentActionsResolver, DocumentBadgesResolver} from 'sanity'
import {ApproveVersionAction} from './ApproveVersionAction'
import {PrepareVersionAction} from './PrepareVersionAction'
import {PublishVersionAction} from './PublishVersionAction'
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
 * The versioning workflow's actions: "Prepare a new version" on the policy; on a version, only
 * the workflow's own steps (approve, publish, withdraw), never Sanity's edit, publish or
 * duplicate, which would go around the legal sign-off.
 */
export const versioningActions: DocumentActionsResolver = (prev, {schemaType}) => {
  if (schemaType === 'policy') return [...prev, PrepareVersionAction]
  if (schemaType !== 'policyVersion') return prev
  const deleteAction = prev.find(({action}) => action === 'delete')
  return [
    ApproveVersionAction,
    PublishVersionAction,
    ...(deleteAction ? [withdrawOnly(deleteAction)] : []),
  ]
}

/** A version's status, whether it is upcoming or out of date, in place of Sanity's badges. */
export const versioningBadges: DocumentBadgesResolver = (prev, {schemaType}) =>
  schemaType === 'policyVersion'
    ? [VersionStatusBadge, UpcomingVersionBadge, StaleCandidateBadge]
    : prev
