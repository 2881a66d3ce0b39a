import {diffArrays} from 'diff'
import type {Language} from '../policy/types'
import {tokenize, type Token} from './tokenize'

export type ChangeKind = 'equal' | 'inserted' | 'deleted'

/** A run of text that is in both versions, only in the later one, or only in the earlier one. */
export interface TextChange {
  kind: ChangeKind
  text: string
}

/**
 * A run located in its source: `deleted` runs in the earlier text, `equal` and `inserted` runs in
 * the later one. Concatenating the equal and inserted runs gives the later text exactly; the equal
 * and deleted runs give the earlier text, up to whitespace and typographic variants.
 */
export interface TextRange {
  kind: ChangeKind
  start: number
  end: number
}

/** A text and its tokens. */
export interface Side {
  text: string
  tokens: Token[]
}

/** A stretch of tokens: equal in both texts, or replaced (some deleted, some inserted). */
interface Op {
  equal: boolean
  /** Token indices [from, to) in the earlier text. */
  bFrom: number
  bTo: number
  /** Token indices [from, to) in the later text. */
  aFrom: number
  aTo: number
}

/** Start of the whitespace before token k (k may be the token count: the trailing whitespace). */
function gapStart(side: Side, k: number): number {
  return k === 0 ? 0 : (side.tokens[k - 1]?.end ?? 0)
}

function gapEnd(side: Side, k: number): number {
  return k === side.tokens.length ? side.text.length : (side.tokens[k]?.start ?? side.text.length)
}

function gapLength(side: Side, k: number): number {
  return gapEnd(side, k) - gapStart(side, k)
}

/** Length of the text spanned by tokens [from, to), without surrounding whitespace. */
function spanLength(side: Side, from: number, to: number): number {
  return from === to ? 0 : gapStart(side, to) - gapEnd(side, from)
}

/**
 * The word-level edit script, or `undefined` when the deadline (a `Date.now()` instant) passes
 * first: Myers' algorithm costs the product of the lengths and the number of edits, so a long
 * block rewritten from end to end would take minutes.
 */
function toOps(before: Side, after: Side, deadline: number): Op[] | undefined {
  const changes = diffArrays(
    before.tokens.map((token) => token.norm),
    after.tokens.map((token) => token.norm),
    {timeout: Math.max(1, deadline - Date.now())},
  )
  if (!changes) return undefined
  const ops: Op[] = []
  let b = 0
  let a = 0
  for (const change of changes) {
    const count = change.count
    const last = ops[ops.length - 1]
    if (!change.added && !change.removed) {
      ops.push({equal: true, bFrom: b, bTo: b + count, aFrom: a, aTo: a + count})
      b += count
      a += count
      continue
    }
    const op = last && !last.equal ? last : {equal: false, bFrom: b, bTo: b, aFrom: a, aTo: a}
    if (change.removed) b += count
    else a += count
    op.bTo = b
    op.aTo = a
    if (op !== last) ops.push(op)
  }
  return ops
}

/**
 * Folds tiny equal stretches caught between two replacements into one replacement, so that a
 * rewritten sentence reads as "[old words][new words]" rather than confetti around every "de",
 * "le" or "the" the two versions happen to share. This is diff-match-patch's semantic clean-up made
 * stricter for words: an equality of at most two tokens goes when it is at most half as long as
 * the larger edit on each side of it; longer shared phrases stay visible as anchors.
 */
const MAX_FOLDED_TOKENS = 2

function foldShortEqualities(ops: Op[], before: Side, after: Side): Op[] {
  const editLength = (op: Op) =>
    Math.max(spanLength(before, op.bFrom, op.bTo), spanLength(after, op.aFrom, op.aTo))
  // One pass with a stack: a fold only makes edits longer, so it can only allow further folds
  // to its left (checked at once) or with what comes next (checked as it is pushed). Linear,
  // where folding and starting over would be quadratic in a long rewritten block.
  const folded: Op[] = []
  for (const op of ops) {
    folded.push(op)
    for (;;) {
      const right = folded[folded.length - 1]
      const middle = folded[folded.length - 2]
      const left = folded[folded.length - 3]
      if (!left || !middle || !right || !middle.equal || left.equal || right.equal) break
      if (middle.aTo - middle.aFrom > MAX_FOLDED_TOKENS) break
      const length = spanLength(after, middle.aFrom, middle.aTo)
      if (2 * length > editLength(left) || 2 * length > editLength(right)) break
      folded.splice(folded.length - 3, 3, {
        equal: false,
        bFrom: left.bFrom,
        bTo: right.bTo,
        aFrom: left.aFrom,
        aTo: right.aTo,
      })
    }
  }
  return folded
}

/**
 * Places the whitespace around each replacement. Whitespace both texts have at an edge of a
 * replacement stays with the unchanged text ("a [-b][+x] c", not "a[- b][+ x] c"); whitespace
 * only one text has there goes inside that text's run, so neither text loses a space.
 */
function toRanges(ops: Op[], before: Side, after: Side): TextRange[] {
  // Where each equal run starts and ends in the later text, once its neighbours have taken their
  // share of the whitespace between them.
  const equalStart = new Map<Op, number>()
  const equalEnd = new Map<Op, number>()
  const groups = new Map<Op, TextRange[]>()

  ops.forEach((op, i) => {
    if (op.equal) {
      if (!equalStart.has(op)) equalStart.set(op, i === 0 ? 0 : gapEnd(after, op.aFrom))
      equalEnd.set(op, gapStart(after, op.aTo))
      if (i === ops.length - 1) equalEnd.set(op, after.text.length)
      return
    }
    const deleted = op.bTo > op.bFrom
    const inserted = op.aTo > op.aFrom
    const bLead = gapLength(before, op.bFrom) > 0
    const bTrail = gapLength(before, op.bTo) > 0
    const aLead = gapLength(after, op.aFrom) > 0
    const aTrail = gapLength(after, op.aTo) > 0

    // By default each run takes the whitespace on both its edges.
    let delStart = gapStart(before, op.bFrom)
    const delEnd =
      deleted && bTrail && aTrail && inserted ? gapStart(before, op.bTo) : gapEnd(before, op.bTo)
    let insStart = gapStart(after, op.aFrom)
    let insEnd = gapEnd(after, op.aTo)

    if (deleted && inserted) {
      if (bLead && aLead) {
        delStart = gapEnd(before, op.bFrom)
        insStart = gapEnd(after, op.aFrom)
      }
      if (bTrail && aTrail) insEnd = gapStart(after, op.aTo)
    } else if (deleted) {
      // The later text has a single gap here: the text before the deletion keeps it, and the
      // deletion keeps the earlier text's whitespace after it ("a [b ]c").
      insStart = insEnd = gapEnd(after, op.aFrom)
      if (aLead) delStart = gapEnd(before, op.bFrom)
    } else if (bLead) {
      // Insertion into a gap of the earlier text: that gap is one of the inserted run's edges.
      if (aLead) insStart = gapEnd(after, op.aFrom)
      else insEnd = gapStart(after, op.aTo)
    }

    const group: TextRange[] = []
    const previous = ops[i - 1]
    const next = ops[i + 1]
    if (previous) equalEnd.set(previous, insStart)
    else if (insStart > 0) group.push({kind: 'equal', start: 0, end: insStart})
    if (deleted) group.push({kind: 'deleted', start: delStart, end: delEnd})
    if (insEnd > insStart) group.push({kind: 'inserted', start: insStart, end: insEnd})
    if (next) equalStart.set(next, insEnd)
    else if (insEnd < after.text.length)
      group.push({kind: 'equal', start: insEnd, end: after.text.length})
    groups.set(op, group)
  })

  return ops.flatMap((op) => {
    if (!op.equal) return groups.get(op) ?? []
    const start = equalStart.get(op) ?? 0
    const end = equalEnd.get(op) ?? start
    return end > start ? [{kind: 'equal' as const, start, end}] : []
  })
}

/**
 * The word-level changes between two texts, as located runs (see `TextRange`).
 * Identical inputs give a single equal run (or nothing for two empty texts).
 */
export function diffRanges(before: string, after: string, language: Language): TextRange[] {
  if (before === after) return after === '' ? [] : [{kind: 'equal', start: 0, end: after.length}]
  return diffSides(
    {text: before, tokens: tokenize(before, language)},
    {text: after, tokens: tokenize(after, language)},
  )
}

/**
 * `diffRanges` for texts already tokenised. Past the deadline (a `Date.now()` instant), the
 * earlier text is shown removed and the later one added, whole: a redline that always answers.
 */
export function diffSides(
  before: Side,
  after: Side,
  deadline: number = Number.POSITIVE_INFINITY,
): TextRange[] {
  if (before.text === after.text) {
    return after.text === '' ? [] : [{kind: 'equal', start: 0, end: after.text.length}]
  }
  const ops = toOps(before, after, deadline)
  if (!ops) return wholeReplacement(before, after)
  return toRanges(foldShortEqualities(ops, before, after), before, after)
}

function wholeReplacement(before: Side, after: Side): TextRange[] {
  return [
    ...(before.text ? [{kind: 'deleted' as const, start: 0, end: before.text.length}] : []),
    ...(after.text ? [{kind: 'inserted' as const, start: 0, end: after.text.length}] : []),
  ]
}

/**
 * The word-level changes between two texts, in reading order, deletions before insertions.
 * Whitespace (including the no-break spaces of French typography) and straight versus curly
 * apostrophes are not changes; equal runs show the later text's spelling of them.
 */
export function diffText(before: string, after: string, language: Language): TextChange[] {
  return diffRanges(before, after, language).map(({kind, start, end}) => ({
    kind,
    text: (kind === 'deleted' ? before : after).slice(start, end),
  }))
}

/** Whether a list of changes holds any insertion or deletion. */
export function hasChanges(changes: readonly {kind: ChangeKind}[]): boolean {
  return changes.some((change) => change.kind !== 'equal')
}
