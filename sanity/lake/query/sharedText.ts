/**
 * JSON text in memory every worker shares: a commit's changes are encoded once, and however many
 * workers and listener filters read them, the lake's thread copies nothing more.
 */
export type SharedText = Uint8Array<SharedArrayBuffer>

export function shareText(text: string): SharedText {
  const bytes = Buffer.byteLength(text)
  const shared = new Uint8Array(new SharedArrayBuffer(bytes))
  Buffer.from(shared.buffer, 0, bytes).write(text)
  return shared
}

export function readText(shared: SharedText): string {
  return Buffer.from(shared.buffer, shared.byteOffset, shared.byteLength).toString('utf8')
}
