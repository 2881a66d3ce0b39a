/**
 * Rollback is seen: the site remembers the newest history it verified — the number and the
 * fingerprint of its head — outside the content source, and flags every page, and refuses new
 * approvals, when the content source's history no longer extends it (a version deleted,
 * replaced, or a whole dataset restored from an older backup). A verified history extends the
 * checkpoint when it holds the checkpoint's head with the same fingerprint: every later version
 * chains back to it, and the chain is verified. An operator accepts a new head on purpose
 * (`npm run history:accept`), with who and why kept in the checkpoint's log.
 */
import type {HistoryVerification} from './verification'

export interface CheckpointHead {
  number: number
  fingerprint: string
  /** When the head was published, as its record says; for the warning readers get. */
  publishedAt: string | null
}

export interface CheckpointAcceptance {
  at: string
  by: string
  why: string
  /** The head given up, if any. */
  previous: CheckpointHead | null
  head: CheckpointHead | null
}

export interface HistoryCheckpoint {
  head: CheckpointHead
  /** When the site first recorded a head, and each time an operator accepted another. */
  log: CheckpointAcceptance[]
}

/** The checkpoint's head no longer in the content source's history, as every page says. */
export interface Rollback {
  number: number
  publishedAt: string | null
}

/** The head of a verified history: its highest version, if it has one. */
export function verifiedHead(
  verification: HistoryVerification,
  publishedAt: (number: number) => string | null,
): CheckpointHead | undefined {
  if (!verification.verified) return undefined
  const head = verification.versions.at(-1)
  if (!head || head.fingerprint === null) return undefined
  return {number: head.number, fingerprint: head.recomputed, publishedAt: publishedAt(head.number)}
}

/** Whether the history still holds the checkpoint's head as it was verified. */
export function rollbackFrom(
  checkpoint: HistoryCheckpoint | undefined,
  verification: HistoryVerification,
): Rollback | undefined {
  if (!checkpoint) return undefined
  const {head} = checkpoint
  const kept = verification.versions.find((version) => version.number === head.number)
  if (kept && kept.recomputed === head.fingerprint && kept.fingerprint === head.fingerprint)
    return undefined
  return {number: head.number, publishedAt: head.publishedAt}
}

/**
 * The checkpoint after this verification: the new head when the verified history extends the
 * checkpoint (or the first head the site verifies), the same checkpoint otherwise.
 */
export function advancedCheckpoint(
  checkpoint: HistoryCheckpoint | undefined,
  verification: HistoryVerification,
  publishedAt: (number: number) => string | null,
  now: Date,
): HistoryCheckpoint | undefined {
  const head = verifiedHead(verification, publishedAt)
  if (!head) return checkpoint
  if (!checkpoint)
    return {
      head,
      log: [
        {at: now.toISOString(), by: 'site', why: 'first verified history', previous: null, head},
      ],
    }
  if (rollbackFrom(checkpoint, verification)) return checkpoint
  if (head.number <= checkpoint.head.number) return checkpoint
  return {...checkpoint, head}
}

/** The verification with what the checkpoint says: a rollback makes the history fail. */
export function withRollback(
  verification: HistoryVerification,
  rollback: Rollback | undefined,
): HistoryVerification {
  return rollback ? {...verification, rollback, verified: false} : verification
}
