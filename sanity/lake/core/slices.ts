/**
 * Work on the thread that answers every request is done in slices: after a few milliseconds of
 * it, the lake lets the event loop answer others before going on, so that one large request
 * slows only the one who sent it.
 */

/** Work done on the lake's thread before it turns to other requests for a moment. */
const SLICE_MS = 10

/** Measures one piece of sliced work: `next()` lets others be answered once a slice is spent. */
export class Slices {
  private started = performance.now()

  async next(): Promise<void> {
    if (performance.now() - this.started < SLICE_MS) return
    await new Promise<void>((resolve) => setImmediate(resolve))
    this.started = performance.now()
  }
}
