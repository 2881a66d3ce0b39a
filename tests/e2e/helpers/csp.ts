import {createHash} from 'node:crypto'
import {expect} from '@playwright/test'

/** The sources a directive of a Content-Security-Policy allows. */
export function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([directiveName]) => directiveName === name)
  return found?.slice(1) ?? []
}

/**
 * A page kept for every reader: its policy allows scripts from the site itself and exactly the
 * inline scripts of this HTML, by their SHA-256; no nonce, nothing unsafe.
 */
export function expectHashedPolicy(csp: string, html: string) {
  const scripts = directive(csp, 'script-src')
  expect(scripts).toContain("'self'")
  for (const source of scripts) {
    expect(source, 'only the site and hashes').toMatch(/^('self'|'sha256-[A-Za-z0-9+/]+=*')$/)
  }
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/)
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    ([, attributes]) => !/\ssrc=/.test(attributes!),
  )
  expect(inline.length).toBeGreaterThan(0)
  for (const [, attributes, code] of inline) {
    expect(attributes).not.toContain('nonce')
    const hash = `'sha256-${createHash('sha256').update(code!).digest('base64')}'`
    expect(scripts, `hash of ${code!.slice(0, 60)}…`).toContain(hash)
  }
  expect(directive(csp, 'object-src')).toEqual(["'none'"])
  expect(directive(csp, 'frame-ancestors')).toEqual(["'self'"])
}
