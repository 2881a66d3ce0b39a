import type {DocumentBadgeComponent, DocumentBadgeDescription} from 'sanity'

const BADGES: Record<string, DocumentBadgeDescription> = {
  candidate: {label: 'Candidate', title: 'Awaiting approval by a legal reviewer', color: 'warning'},
  approved: {
    label: 'Approved',
    title: 'Approved by a legal reviewer, ready to publish',
    color: 'success',
  },
  published: {
    label: 'Published',
    title: 'Part of the public record: it can no longer change',
    color: 'primary',
  },
}

export const VersionStatusBadge: DocumentBadgeComponent = (props) => {
  const status = (props.published ?? props.draft)?.status
  return typeof status === 'string' ? (BADGES[status] ?? null) : null
}
VersionStatusBadge.displayName = 'VersionStatusBadge'
