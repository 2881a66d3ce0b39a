import type {ReactNode} from 'react'
import {PolicyLink} from '@/components/PolicyLink'
import type {ChangeKind, InlineChange} from '@/lib/diff'
import {ChangeMark} from './ChangeMark'

interface Run {
  kind: ChangeKind
  pieces: InlineChange[]
}

/** Consecutive pieces of the same kind, so that one insertion is announced once, links and all. */
function runsOf(changes: readonly InlineChange[]): Run[] {
  const runs: Run[] = []
  for (const change of changes) {
    const last = runs[runs.length - 1]
    if (last?.kind === change.kind) last.pieces.push(change)
    else runs.push({kind: change.kind, pieces: [change]})
  }
  return runs
}

function Piece({change}: {change: InlineChange}) {
  let node: ReactNode = change.text
  if (change.marks.includes('em')) node = <em>{node}</em>
  if (change.marks.includes('strong')) node = <strong>{node}</strong>
  return change.href === undefined ? node : <PolicyLink href={change.href}>{node}</PolicyLink>
}

function Pieces({pieces}: {pieces: InlineChange[]}) {
  return pieces.map((change, i) => <Piece key={i} change={change} />)
}

interface InlineRedlineProps {
  changes: readonly InlineChange[]
  /** Show the text without marking changes (it sits inside a change that covers it all). */
  plain?: boolean
}

/** A run of text as a word-level redline: unchanged words as they are, the rest marked. */
export function InlineRedline({changes, plain = false}: InlineRedlineProps) {
  if (plain) return <Pieces pieces={[...changes]} />
  return runsOf(changes).map((run, i) =>
    run.kind === 'equal' ? (
      <Pieces key={i} pieces={run.pieces} />
    ) : (
      <ChangeMark key={i} kind={run.kind}>
        <Pieces pieces={run.pieces} />
      </ChangeMark>
    ),
  )
}

/** Plain-text changes (titles) as inline changes without marks or links. */
export function textChanges(changes: readonly {kind: ChangeKind; text: string}[]): InlineChange[] {
  return changes.map(({kind, text}) => ({kind, text, marks: []}))
}
