/**
 * Turns a response rendered under a one-off nonce into one everybody can be given, its inline code
 * allowed by hashes. Next writes its inline scripts (the bootstrap and the React Server Components
 * payload) with the nonce of the request that rendered it, which marks what the framework itself
 * wrote: only marked inline scripts and styles get a hash in the policy, so anything else that
 * found its way into the HTML (an injection through content or a dependency) matches no hash and
 * does not run.
 *
 * The nonce is then no secret (everyone gets the page) and no longer in the policy, so it is taken
 * off the tags; where the framework also copied it into its payload, it is replaced by a constant
 * of the same length (payload rows may be length-prefixed), which keeps the bytes of two renders
 * of the same content identical.
 */
import {createHash} from 'node:crypto'

export interface HashedPage {
  body: string
  /** CSP sources ('sha256-…') of the inline scripts the framework wrote. */
  scriptHashes: string[]
  styleHashes: string[]
}

// React escapes `<` inside inline scripts and `>` inside attribute values, so neither a script's
// end tag nor a tag's end can appear early.
const INLINE_CODE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi

function cspHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`
}

/** What stands for the render's nonce in a kept response: no secret, the same in every render. */
export function nonceStandIn(nonce: string): string {
  return '0'.repeat(nonce.length)
}

/** A response other than HTML (a payload for client navigation, a header) without the nonce. */
export function withoutNonce(text: string, nonce: string): string {
  return text.split(nonce).join(nonceStandIn(nonce))
}

export function hashMarkedInlineCode(html: string, nonce: string): HashedPage {
  const mark = ` nonce="${nonce}"`
  const scriptHashes = new Set<string>()
  const styleHashes = new Set<string>()
  const rewritten = html.replace(
    INLINE_CODE,
    (whole, tag: string, attributes: string, code: string) => {
      if (!attributes.includes(mark)) return whole
      const kept = withoutNonce(code, nonce)
      if (!/\ssrc\s*=/i.test(attributes)) {
        ;(tag.toLowerCase() === 'script' ? scriptHashes : styleHashes).add(cspHash(kept))
      }
      return `<${tag}${attributes.replace(mark, '')}>${kept}</${tag}>`
    },
  )
  return {
    // Other tags Next marks (stylesheets, preloads) lose it too.
    body: withoutNonce(rewritten.split(mark).join(''), nonce),
    scriptHashes: [...scriptHashes],
    styleHashes: [...styleHashes],
  }
}
