import type {DocumentBadgeComponent, DocumentBadgeDescription} from 'sanity'
import {organisationToday} from '../../../lib/policy/dates'
import {useDateFormats} from './useComparison'
import {useStaleness, useVersioningT} from './useVersioning'

const COLORS: Record<string, DocumentBadgeDescription['color']> = {
  candidate: 'warning',
  approved: 'success',
  published: 'primary',
}

/** A version's status, in place of Sanity's draft and published badges. */
export const VersionStatusBadge: DocumentBadgeComponent = (props) => {
  const t = useVersioningT()
  const status = (props.draft ?? props.published)?.status
  if (typeof status !== 'string' || !(status in COLORS)) return null
  return {label: t(`badge.${status}`), title: t(`badge.${status}.title`), color: COLORS[status]}
}
VersionStatusBadge.displayName = 'VersionStatusBadge'

/** A version whose effective date has not come yet is upcoming, as on the site. */
export const UpcomingVersionBadge: DocumentBadgeComponent = (props) => {
  const t = useVersioningT()
  const dates = useDateFormats()
  const date = (props.draft ?? props.published)?.effectiveDate
  if (typeof date !== 'string' || date <= organisationToday()) return null
  return {
    label: t('badge.upcoming'),
    title: t('badge.upcoming.title', {date: dates.calendar(date)}),
    color: 'warning',
  }
}
UpcomingVersionBadge.displayName = 'UpcomingVersionBadge'

/** A candidate the policy moved on from since it was prepared: it would leave edits out. */
export const StaleCandidateBadge: DocumentBadgeComponent = (props) => {
  const t = useVersioningT()
  const staleness = useStaleness(props.draft ?? props.published)
  if (!staleness?.stale) return null
  return {
    label: t('badge.stale'),
    title: t('badge.stale.title', {sections: staleness.summary}),
    color: 'danger',
  }
}
StaleCandidateBadge.displayName = 'StaleCandidateBadge'
