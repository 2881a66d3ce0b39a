/**
 * Work on the thread that answers every request is done in slices: after a few milliseconds of
 * it, the lake lets the event loop answer others before going on, so that one large request
 * slows only the one who sent it.
 */

/** Work done on the lake's thread before it turns to other requests for a moment. */
export const SLICE_MS = 10

/** Lets the event loop answer whatever is waiting (I/O included) before going on. */
export function yieldToOthers(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve))
}

/** Measures one piece of sliced work: `next()` yields once a slice's time is spent. */
export class Slices {
  private started = performance.now()

  /** Whether the current slice's time is spent. */
  get spent(): boolean {
    return performance.now() - this.started >= SLICE_MS
  }

  async next(): Promise<void> {
    if (!this.spent) return
    await this.yield()
  }

  /** Yields now, whatever is left of the slice (before a piece of work known to be long). */
  async yield(): Promise<void> {
    await yieldToOthers()
    this.started = performance.now()
  }
}
