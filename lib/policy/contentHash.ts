import type {PolicyContent} from './types'

/**
 * Serialises a value with object keys sorted, so that the same content always gives the same
 * bytes whatever order a store or editor wrote its keys in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The part of a version that readers see; nothing else (status, dates, approvals) is hashed. */
export function hashableContent(content: PolicyContent): PolicyContent {
  return {
    title: content.title,
    organisationName: content.organisationName,
    introduction: content.introduction,
    sections: content.sections.map(({key, title, body}) => ({key, title, body})),
  }
}

/**
 * SHA-256 (hex) of a version's canonical content. Uses Web Crypto so the same function runs in
 * Node, in the Next.js server and in the Studio's browser bundle.
 */
export async function contentHash(content: PolicyContent): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(hashableContent(content)))
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}
