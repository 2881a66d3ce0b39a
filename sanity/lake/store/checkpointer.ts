import {createRequire} from 'node:module'
import {Worker} from 'node:worker_threads'

/**
 * Copying the write-ahead log back into the database file (SQLite's checkpoint) is the slow part
 * of committing a large document, and SQLite does it inside whichever commit fills the log. The
 * lake's connection leaves it to a thread of its own instead, with a connection of its own: a
 * passive checkpoint runs beside writers and never blocks them. Should that thread stop, the
 * lake's connection takes checkpoints back, so the log never grows without bound.
 */

/** Checkpoints are asked for after commits, at most this often. */
const CHECKPOINT_EVERY_MS = 250

const sqlite = createRequire(import.meta.url).resolve('better-sqlite3')

const CHECKPOINTER = `
const {parentPort, workerData} = require('node:worker_threads')
const Database = require(${JSON.stringify(sqlite)})
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close()
    parentPort.close()
    return
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // Busy now: the next commit asks again
  }
})
`

export class Checkpointer {
  private readonly worker: Worker
  private timer: NodeJS.Timeout | undefined
  private stopped = false

  /** `fallBack` gives checkpoints back to the lake's own connection. */
  constructor(file: string, fallBack: () => void) {
    this.worker = new Worker(CHECKPOINTER, {eval: true, workerData: {file}})
    this.worker.unref()
    const lost = () => {
      if (this.stopped) return
      this.stopped = true
      clearTimeout(this.timer)
      fallBack()
    }
    this.worker.on('error', (error) => {
      console.error('[lake] the checkpoint thread failed; the lake checkpoints itself:', error)
      lost()
    })
    this.worker.on('exit', lost)
  }

  /** After a commit: a checkpoint soon, however many commits come meanwhile. */
  committed(): void {
    if (this.stopped || this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (!this.stopped) this.worker.postMessage('checkpoint')
    }, CHECKPOINT_EVERY_MS)
    this.timer.unref()
  }

  /**
   * Closes the thread's connection and lets it end, so that the lake's connection, closing last,
   * checkpoints what is left and removes the log.
   */
  async close(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    clearTimeout(this.timer)
    const ended = new Promise((resolve) => this.worker.once('exit', resolve))
    this.worker.postMessage('close')
    const force = setTimeout(() => void this.worker.terminate(), 2000)
    await ended
    clearTimeout(force)
  }
}
