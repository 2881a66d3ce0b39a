import {ROLES} from '../localUsers'

/**
 * Who may approve a version (the whole table of who does what: lib/policy/roles.ts). A Sanity project names its legal reviewers either by a role (custom
 * roles are an Enterprise feature) or by a list of user ids or e-mail addresses (any plan). The
 * embedded lake's reviewer holds the role `legal-reviewer`.
 */

export const DEFAULT_REVIEWER_ROLE = ROLES.legalReviewer

export interface ReviewerRule {
  /** A project role whose members are legal reviewers. */
  role?: string
  /** User ids or e-mail addresses (compared without case) of the legal reviewers. */
  users: string[]
}

/** A person as Sanity's `/users/me` describes them. */
export interface ContentUser {
  id: string
  name?: string
  email?: string
  roles?: readonly {name: string}[]
}

export function isReviewer(user: ContentUser, rule: ReviewerRule): boolean {
  if (rule.role && (user.roles ?? []).some((role) => role.name === rule.role)) return true
  const listed = new Set(rule.users.map((entry) => entry.trim().toLowerCase()))
  return listed.has(user.id.toLowerCase()) || (!!user.email && listed.has(user.email.toLowerCase()))
}
