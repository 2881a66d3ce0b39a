import {ROLES} from '../localUsers'
import {isReviewer, type ContentUser, type ReviewerRule} from './reviewers'

/**
 * Who may do what in the sign-off: the one table the site's endpoints apply, the README shows and
 * the Studio's buttons follow (they ask the site). A person holding both an editor's and a legal
 * reviewer's role may do both, except approve their own words: the approver neither prepared the
 * candidate nor wrote any of it (docs/decisions/0020-separation-of-duties-from-a-complete-history.md).
 */

/** Where the content lives: the embedded lake, or a project hosted by Sanity. */
export type ContentSource = 'lake' | 'hosted'

export type Duty = 'prepare' | 'approve' | 'publish'

/**
 * The roles that make someone an editor. Sanity's Contributor "can write but not publish", and
 * its Viewer only reads: neither is an editor. The lake's users all carry `administrator` (the
 * Studio wants one to let them in), so on the lake only its own `editor` role counts.
 */
export const EDITOR_ROLES: Record<ContentSource, readonly string[]> = {
  lake: [ROLES.editor],
  hosted: ['administrator', 'editor', 'developer'],
}

export interface DutyRule {
  duty: Duty
  /** Who, in the product's words: the README's table says the same (a test holds them together). */
  who: string
}

export const DUTIES: readonly DutyRule[] = [
  {duty: 'prepare', who: 'an editor'},
  {
    duty: 'approve',
    who: "a legal reviewer (`SANITY_REVIEWERS` or `SANITY_REVIEWER_ROLE`; the lake's legal reviewer), a named person who neither prepared the candidate nor wrote any of it",
  },
  {
    duty: 'publish',
    who: "an editor (the lake's editor; on a hosted project Administrator, Editor or Developer), never a Contributor or a Viewer",
  },
]

export function isEditor(user: ContentUser, source: ContentSource): boolean {
  const editorRoles = EDITOR_ROLES[source]
  return (user.roles ?? []).some((role) => editorRoles.includes(role.name))
}

/** Whether `user` holds the role a duty asks for (the approver's own words are judged apart). */
export function holdsRoleFor(
  duty: Duty,
  user: ContentUser,
  context: {source: ContentSource; reviewers: ReviewerRule},
): boolean {
  if (duty === 'approve') return isReviewer(user, context.reviewers)
  return isEditor(user, context.source)
}
