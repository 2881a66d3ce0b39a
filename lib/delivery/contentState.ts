/**
 * What the delivery layer must know about the content to keep finished pages: when it last changed
 * (a publish, told by the revalidation webhook) and when the published versions next change a page
 * on their own (the next effective date, told by the data layer each time it reads them). The
 * site's server (scripts/serve.ts) and Next's routes run in one process, so the state lives on
 * globalThis, shared by the server's modules and Next's bundles alike.
 */
import type {DatedVersion} from '../policy/periods'
import {nextEffectiveChange} from './freshness'

interface ContentState {
  /** Bumped by every publish: anything kept from an earlier generation is out of date. */
  generation: number
  /** 00:00 in Québec on the next effective date known, if any. */
  nextChange: Date | undefined
}

const STATE = Symbol.for('policy-site.content-state')

function state(): ContentState {
  const holder = globalThis as typeof globalThis & {[STATE]?: ContentState}
  holder[STATE] ??= {generation: 0, nextChange: undefined}
  return holder[STATE]
}

/** The content changed (a version was published): pages kept so far are out of date. */
export function contentChanged(): void {
  state().generation++
}

export function contentGeneration(): number {
  return state().generation
}

/** Called with the published versions each time they are read, at `now` on the site's clock. */
export function noteVersions(versions: readonly DatedVersion[], now: Date): void {
  state().nextChange = nextEffectiveChange(versions, now)
}

export function nextContentChange(): Date | undefined {
  return state().nextChange
}
