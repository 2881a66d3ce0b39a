/**
 * The one serialisation everything signed or fingerprinted goes through: JSON with object keys
 * sorted (by UTF-16 code units, as JavaScript compares strings), no whitespace, `undefined`
 * attributes dropped and `undefined` array items written as `null`, so that the same value always
 * gives the same bytes whatever order a store or an editor wrote its keys in. Anyone can
 * reimplement it in a few lines to check a fingerprint without this code.
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = []
  write(value, parts)
  return parts.join('')
}

// One pass into a list of parts: records are tens of kilobytes of small objects (spans).
function write(value: unknown, parts: string[]): void {
  if (value === undefined || value === null) {
    parts.push('null')
  } else if (Array.isArray(value)) {
    parts.push('[')
    value.forEach((item, index) => {
      if (index > 0) parts.push(',')
      write(item, parts)
    })
    parts.push(']')
  } else if (typeof value === 'object') {
    const object = value as Record<string, unknown>
    const keys = Object.keys(object)
      .filter((key) => object[key] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    parts.push('{')
    keys.forEach((key, index) => {
      if (index > 0) parts.push(',')
      parts.push(JSON.stringify(key), ':')
      write(object[key], parts)
    })
    parts.push('}')
  } else if (typeof value === 'number' && !Number.isFinite(value)) {
    parts.push('null')
  } else {
    parts.push(JSON.stringify(value) ?? 'null')
  }
}

/**
 * SHA-256 (hex) of a text's UTF-8 bytes, with Web Crypto so that the same function runs in Node,
 * in the site's server and in the Studio's browser bundle.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
