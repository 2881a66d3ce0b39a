/**
 * The embedded lake's people, the one source of their ids: the lake creates them (with tokens of
 * their own) and the seed names them as the authors of its history. Tokens are not here: each
 * installation makes its own at first start.
 */

/**
 * The roles the product knows its people by: the one place their names are written, for the
 * lake's users, its sign-off rules, the Studio's words and the site's default reviewer role.
 */
export const ROLES = {
  editor: 'editor',
  legalReviewer: 'legal-reviewer',
  /** Reads everything a signed-in person reads, writes nothing. */
  viewer: 'viewer',
  /** The site's server, which signs approvals and publications. */
  signingService: 'signing-service',
} as const

export type LocalRole = (typeof ROLES)[keyof typeof ROLES]

export interface LocalUserProfile {
  id: string
  name: string
  email: string
  role: LocalRole
  /** What the person does, in the product's words. */
  title: string
  /**
   * Not a person but an API token, as Sanity's robots are (any Administrator of a hosted project
   * can make one). The lake has none of its own; tests add one to play that attack.
   */
  robot?: boolean
}

export const LOCAL_EDITOR: LocalUserProfile = {
  id: 'p-editor',
  name: 'Camille Tremblay',
  email: 'camille.tremblay@example.org',
  role: ROLES.editor,
  title: 'Editor',
}

export const LOCAL_LEGAL_REVIEWER: LocalUserProfile = {
  id: 'p-legal-reviewer',
  name: 'Me Sophie Gagnon',
  email: 'sophie.gagnon@example.org',
  role: ROLES.legalReviewer,
  title: 'Legal reviewer',
}

/**
 * Not a person: the site's server, which writes approvals and publications with this user's
 * token once it has checked and signed them. Nobody logs in to the Studio as it.
 */
export const SITE_SIGNER: LocalUserProfile = {
  id: 'p-site-signer',
  name: 'Privacy policy site (signing service)',
  email: 'signing-service@localhost',
  role: ROLES.signingService,
  title: 'Signing service',
}

export const LOCAL_USERS: readonly LocalUserProfile[] = [
  LOCAL_EDITOR,
  LOCAL_LEGAL_REVIEWER,
  SITE_SIGNER,
]

/** The roles an organisation gives its people (`npm run lake:people`), in the product's words. */
export const PERSON_ROLES = {
  [ROLES.editor]: 'Editor',
  [ROLES.legalReviewer]: 'Legal reviewer',
  [ROLES.viewer]: 'Viewer (read-only)',
} as const

export type PersonRole = keyof typeof PERSON_ROLES

export function isPersonRole(role: unknown): role is PersonRole {
  return typeof role === 'string' && Object.hasOwn(PERSON_ROLES, role)
}

/** The people who may log in to the Studio (everyone but the signing service). */
export function isPerson(user: {role: LocalRole}): boolean {
  return user.role !== ROLES.signingService
}
