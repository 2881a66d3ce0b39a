/**
 * Whose turn it is in the sign-off (lib/policy/roles.ts says who may do what): what awaits the
 * signed-in person, and what comes next on a version. The Studio's desk and each version's notice
 * read them, so that both say the same.
 */

export type VersionStatus = 'candidate' | 'approved' | 'published'

/** What a person may do, as the site answers (app/api/versions/approve, GET). */
export interface Person {
  id: string
  reviewer: boolean
  publisher: boolean
}

export interface OpenVersion {
  id: string
  number: number
  status?: string
  /** The user id of the person who prepared it. */
  preparedBy?: string
  /** Whether the policy moved on after it was prepared (it would leave edits out). */
  stale?: boolean
}

/**
 * What is asked of someone on a version: a legal reviewer reviews a candidate she did not prepare;
 * an editor publishes an approved one, or prepares again a candidate the policy moved on from.
 */
export type Turn = 'review' | 'publish' | 'prepare-again'

/** The next step on a version, whoever takes it; none once it is published. */
export type NextStep =
  {step: 'review'; by: 'reviewer'} | {step: 'publish'; by: 'editor'} | {step: 'none'}

export function nextStep(version: Pick<OpenVersion, 'status'>): NextStep {
  if (version.status === 'candidate') return {step: 'review', by: 'reviewer'}
  if (version.status === 'approved') return {step: 'publish', by: 'editor'}
  return {step: 'none'}
}

/**
 * The turn a version gives this person, if any. A candidate the policy moved on from still
 * awaits review (the reviewer may approve it knowing so), and an editor may prepare it again.
 */
export function turnFor(person: Person, version: OpenVersion): Turn | undefined {
  const next = nextStep(version)
  if (next.step === 'review') {
    if (person.reviewer && version.preparedBy !== person.id) return 'review'
    return version.stale && person.publisher ? 'prepare-again' : undefined
  }
  if (next.step === 'publish') return person.publisher ? 'publish' : undefined
  return undefined
}

/** What awaits this person, newest version first. */
export function awaiting(
  person: Person,
  versions: readonly OpenVersion[],
): {version: OpenVersion; turn: Turn}[] {
  return versions
    .flatMap((version) => {
      const turn = turnFor(person, version)
      return turn ? [{version, turn}] : []
    })
    .sort((a, b) => b.version.number - a.version.number)
}

/**
 * A moment a step was taken, never shown after now: the signing service's clock and the
 * person's may differ by a few seconds, and "in 14 s" would say the step has not happened yet.
 */
export function notInTheFuture(at: string, now: number = Date.now()): Date | undefined {
  const time = Date.parse(at)
  return Number.isNaN(time) ? undefined : new Date(Math.min(time, now))
}
