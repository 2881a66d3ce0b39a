/**
 * The one serialisation everything signed or fingerprinted goes through: JSON with object keys
 * sorted (by UTF-16 code units, as JavaScript compares strings), no whitespace, `undefined`
 * attributes dropped and `undefined` array items written as `null`, so that the same value always
 * gives the same bytes whatever order a store or an editor wrote its keys in. Anyone can
 * reimplement it in a few lines to check a fingerprint without this code.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null'
  return JSON.stringify(value) ?? 'null'
}

/**
 * SHA-256 (hex) of a text's UTF-8 bytes, with Web Crypto so that the same function runs in Node,
 * in the site's server and in the Studio's browser bundle.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
