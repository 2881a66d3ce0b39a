/**
 * Finished responses kept in the site's memory: each one built once per render (policy, entity
 * tag, compressed bodies) and served as it is until the content changes, its time is up or the
 * next effective date comes. Bounded in bytes; the least recently served goes first.
 */
import {createHash} from 'node:crypto'
import {promisify} from 'node:util'
import {brotliCompress, constants, gzip} from 'node:zlib'
import type {Encoding} from './cachePolicy'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

export interface KeptResponse {
  status: number
  /** Headers sent with every copy, without those set per answer (lifetime, encoding, length). */
  headers: [string, string][]
  bodies: Partial<Record<Encoding, Buffer>> & {identity: Buffer}
  /** One entity tag per encoding, as each is a different sequence of bytes. */
  entityTags: Record<Encoding, string>
  /** Publish generation the response was rendered in (see contentState.ts). */
  generation: number
  /** Served as fresh until this instant (ms). */
  freshUntil: number
  /** A build file: fresh whatever is published. */
  immutable: boolean
  bytes: number
}

// Text-like responses are compressed once, here, rather than at every answer.
const COMPRESSIBLE =
  /^(text\/|application\/(json|xml|atom\+xml|javascript|manifest\+json)|image\/svg)/
const MIN_COMPRESSED_BYTES = 512

export async function compressedBodies(
  body: Buffer,
  contentType: string,
): Promise<KeptResponse['bodies']> {
  if (body.length < MIN_COMPRESSED_BYTES || !COMPRESSIBLE.test(contentType)) return {identity: body}
  const [gz, br] = await Promise.all([
    gzipAsync(body, {level: 9}),
    brotliAsync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: body.length > 1024 * 1024 ? 5 : 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  ])
  return {identity: body, gzip: gz, br}
}

export function entityTag(body: Buffer, encoding: Encoding): string {
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 27)
  return encoding === 'identity' ? `"${digest}"` : `"${digest}-${encoding}"`
}

export class ResponseCache {
  private readonly entries = new Map<string, KeptResponse>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): KeptResponse | undefined {
    const entry = this.entries.get(key)
    if (entry) {
      // Most recently served last: eviction takes from the front.
      this.entries.delete(key)
      this.entries.set(key, entry)
    }
    return entry
  }

  set(key: string, entry: KeptResponse): void {
    this.delete(key)
    if (entry.bytes > this.maxBytes / 4) return
    this.entries.set(key, entry)
    this.bytes += entry.bytes
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= old.bytes
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.bytes
  }

  get size(): number {
    return this.entries.size
  }
}
