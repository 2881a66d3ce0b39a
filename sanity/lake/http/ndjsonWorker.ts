import {parentPort} from 'node:worker_threads'

import {DatasetStore} from '../store'
import {ndjsonLines, type NdjsonSpec} from './ndjsonAnswers'

/**
 * A worker that makes the lake's long NDJSON answers (the transaction log with its effects, the
 * export) off the thread that answers requests. It reads each dataset through a read-only
 * connection of its own (SQLite's WAL lets it read while the lake writes) and makes an answer a
 * chunk at a time, only when the answering thread asks for the next one: that thread asks once the
 * client has read the chunk before, so a client that reads slowly costs a chunk of memory and no
 * work. Many answers share a worker, one chunk each in turn.
 */

export type NdjsonWorkerRequest =
  | {type: 'open'; streamId: number; file: string; spec: NdjsonSpec}
  | {type: 'next'; streamId: number}
  | {type: 'close'; streamId: number}

export type NdjsonWorkerResponse =
  /** UTF-8 bytes of whole lines (possibly none, when a slice's time ran out first). */
  | {type: 'chunk'; streamId: number; bytes: Uint8Array; done: boolean}
  | {type: 'error'; streamId: number; message: string}

/** A chunk is sent once it holds this many characters... */
const CHUNK_CHARS = 64 * 1024
/** ...or once this much time went into it, so that other answers on this worker get their turn. */
const SLICE_MS = 20

const port = parentPort
if (port) {
  const stores = new Map<string, DatasetStore>()
  const streams = new Map<number, {store: DatasetStore; lines: Generator<string>}>()
  const encoder = new TextEncoder()

  const storeOf = (file: string): DatasetStore => {
    let store = stores.get(file)
    if (!store) {
      store = DatasetStore.openReadOnly(file)
      stores.set(file, store)
    }
    return store
  }

  const fail = (streamId: number, error: unknown): void => {
    streams.delete(streamId)
    port.postMessage({
      type: 'error',
      streamId,
      message: error instanceof Error ? error.message : String(error),
    } satisfies NdjsonWorkerResponse)
  }

  const sendChunk = (streamId: number): void => {
    const stream = streams.get(streamId)
    if (!stream) return
    let text = ''
    let done = false
    const started = performance.now()
    try {
      // One read transaction per chunk: its reads agree with each other, and each chunk sees what
      // the lake committed before it
      stream.store.reading(() => {
        while (text.length < CHUNK_CHARS && performance.now() - started < SLICE_MS) {
          const next = stream.lines.next()
          if (next.done) {
            done = true
            return
          }
          text += next.value
        }
      })
    } catch (error) {
      fail(streamId, error)
      return
    }
    if (done) streams.delete(streamId)
    const bytes = encoder.encode(text)
    port.postMessage({type: 'chunk', streamId, bytes, done} satisfies NdjsonWorkerResponse, [
      bytes.buffer,
    ])
  }

  port.on('message', (message: NdjsonWorkerRequest) => {
    if (message.type === 'open') {
      try {
        const store = storeOf(message.file)
        streams.set(message.streamId, {store, lines: ndjsonLines(store, message.spec)})
      } catch (error) {
        fail(message.streamId, error)
        return
      }
      sendChunk(message.streamId)
    } else if (message.type === 'next') {
      sendChunk(message.streamId)
    } else {
      streams.get(message.streamId)?.lines.return(undefined)
      streams.delete(message.streamId)
    }
  })
}
