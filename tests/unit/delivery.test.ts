import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {
  declaredStatus,
  isShareable,
  matchesEntityTag,
  mayUseKept,
  negotiateEncoding,
  SHAREABLE_HEADER,
  sharedCacheControl,
  withoutDraftModeCookie,
} from '@/lib/delivery/cachePolicy'
import {freshUntil, nextEffectiveChange} from '@/lib/delivery/freshness'
import {hashMarkedInlineCode, withoutNonce} from '@/lib/delivery/inlineCode'
import {
  publicContentSecurityPolicy,
  studioContentSecurityPolicy,
} from '@/lib/delivery/securityHeaders'
import {organisationDayStart} from '@/lib/policy/dates'

const NONCE = 'ZmY0YjUyNzMtOWNmNC00ZTg1LWI0ZDAtNzA5YzU0NDJiMTEw'

describe('when a kept page must be rendered again', () => {
  const versions = [
    {number: 1, effectiveDate: '2016-03-01'},
    {number: 2, effectiveDate: '2026-10-01'},
    {number: 3, effectiveDate: '2027-01-15'},
    {number: 4, effectiveDate: '2027-07-01'},
  ]

  it('is midnight in Québec on the next effective date, in winter and in summer time', () => {
    expect(organisationDayStart('2027-01-15').toISOString()).toBe('2027-01-15T05:00:00.000Z')
    expect(organisationDayStart('2027-07-01').toISOString()).toBe('2027-07-01T04:00:00.000Z')
    // The night daylight saving time starts (2 a.m. on 14 March 2027) begins at UTC-5.
    expect(organisationDayStart('2027-03-14').toISOString()).toBe('2027-03-14T05:00:00.000Z')
  })

  it('follows the next version to come into force, seen from Québec rather than UTC', () => {
    // 04:30 UTC on 15 January is still the 14th in Québec: version 3 comes at 05:00 UTC.
    expect(nextEffectiveChange(versions, new Date('2027-01-15T04:30:00Z'))?.toISOString()).toBe(
      '2027-01-15T05:00:00.000Z',
    )
    expect(nextEffectiveChange(versions, new Date('2027-01-15T05:00:00Z'))?.toISOString()).toBe(
      '2027-07-01T04:00:00.000Z',
    )
    expect(nextEffectiveChange(versions, new Date('2027-08-01T12:00:00Z'))).toBeUndefined()
  })

  it('cuts every lifetime short at that moment', () => {
    const change = new Date('2027-01-15T05:00:00Z')
    const now = change.getTime() - 10_000
    expect(freshUntil(change, now, 60)).toBe(change.getTime())
    expect(freshUntil(change, now - 3_600_000, 60)).toBe(now - 3_600_000 + 60_000)
    expect(freshUntil(undefined, now, 60)).toBe(now + 60_000)
    // Shared caches: a second, then two more while they ask again, but never past midnight.
    expect(sharedCacheControl(undefined, now)).toBe(
      'public, max-age=0, s-maxage=1, stale-while-revalidate=2',
    )
    expect(sharedCacheControl(change, change.getTime() - 2_000)).toBe(
      'public, max-age=0, s-maxage=1, stale-while-revalidate=1',
    )
    expect(sharedCacheControl(change, change.getTime() - 500)).toBe('public, max-age=0, s-maxage=0')
  })
})

describe('what the site keeps and shares', () => {
  it('keeps public GET answers, never an editor’s preview', () => {
    const draftModeId = 'c5deda1b'
    expect(mayUseKept({method: 'GET', cookie: 'NEXT_LOCALE=fr', draftModeId})).toBe(true)
    expect(mayUseKept({method: 'HEAD', cookie: undefined, draftModeId})).toBe(true)
    expect(mayUseKept({method: 'POST', cookie: undefined, draftModeId})).toBe(false)
    expect(
      mayUseKept({method: 'GET', cookie: `a=1; __prerender_bypass=${draftModeId}`, draftModeId}),
    ).toBe(false)
    // A made-up draft-mode cookie is no preview: it gets the public page and forces no render.
    expect(mayUseKept({method: 'GET', cookie: '__prerender_bypass=forged', draftModeId})).toBe(true)
    expect(withoutDraftModeCookie('a=1; __prerender_bypass=forged; b=2')).toBe('a=1; b=2')
    expect(withoutDraftModeCookie('__prerender_bypass=forged')).toBeUndefined()
  })

  it('shares marked pages and public route answers, never one that sets a cookie or failed', () => {
    const page = {[SHAREABLE_HEADER]: '1', 'content-type': 'text/html; charset=utf-8'}
    expect(isShareable({status: 200, headers: page})).toBe(true)
    expect(isShareable({status: 404, headers: page})).toBe(true)
    expect(isShareable({status: 200, headers: {...page, 'set-cookie': ['a=1']}})).toBe(false)
    expect(isShareable({status: 500, headers: page})).toBe(false)
    expect(isShareable({status: 307, headers: page})).toBe(false)
    // Next answers an image request for a missing page with plain text: not the page.
    expect(isShareable({status: 404, headers: {...page, 'content-type': 'text/plain'}})).toBe(false)
    const json = {'cache-control': 'public, max-age=60', 'content-type': 'application/json'}
    expect(isShareable({status: 200, headers: json})).toBe(true)
    expect(isShareable({status: 200, headers: {'cache-control': 'no-store'}})).toBe(false)
    expect(isShareable({status: 200, headers: {}})).toBe(false)
  })

  it('answers in the best encoding the browser accepts, and 304 for the tags it has', () => {
    expect(negotiateEncoding('gzip, deflate, br', ['identity', 'gzip', 'br'])).toBe('br')
    expect(negotiateEncoding('gzip', ['identity', 'gzip', 'br'])).toBe('gzip')
    expect(negotiateEncoding('br;q=0, gzip;q=0.5', ['identity', 'gzip', 'br'])).toBe('gzip')
    expect(negotiateEncoding(undefined, ['identity', 'gzip'])).toBe('identity')
    expect(negotiateEncoding('br', ['identity'])).toBe('identity')
    expect(matchesEntityTag('"a", W/"b-gzip"', ['"b-gzip"'])).toBe(true)
    expect(matchesEntityTag('"c"', ['"b"'])).toBe(false)
  })

  it('reads the status a page declares', () => {
    expect(declaredStatus('<head><meta name="response-status" content="404"/></head>')).toBe(404)
    expect(
      declaredStatus('<p>&lt;meta name="response-status" content="404"&gt;</p>'),
    ).toBeUndefined()
  })
})

describe('a page kept for everyone under a strict policy', () => {
  const html =
    `<html><head><link rel="stylesheet" href="/a.css" nonce="${NONCE}"/>` +
    `<script src="/_next/a.js" async="" nonce="${NONCE}"></script></head><body>` +
    `<p>Hello</p><script>alert("injected")</script>` +
    `<script nonce="${NONCE}">self.__next_f.push([1,"{\\"nonce\\":\\"${NONCE}\\"}"])</script>` +
    `<style nonce="${NONCE}">p{color:red}</style></body></html>`

  it('allows by hash only the inline code the framework marked, and gives away no nonce', () => {
    const page = hashMarkedInlineCode(html, NONCE)
    expect(page.body).not.toContain(NONCE)
    expect(page.body).not.toContain('nonce=')
    expect(page.scriptHashes).toHaveLength(1)
    expect(page.styleHashes).toHaveLength(1)

    const csp = publicContentSecurityPolicy({...page, secure: false})
    const scriptSrc = csp.split('; ').find((directive) => directive.startsWith('script-src '))!
    expect(scriptSrc).toBe(`script-src 'self' ${page.scriptHashes[0]}`)
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|nonce-|strict-dynamic/)

    // The hash is that of the script as served (its payload's copy of the nonce replaced).
    const served = /<script>(self\.__next_f[^<]*)<\/script>/.exec(page.body)![1]!
    expect(page.scriptHashes[0]).toBe(
      `'sha256-${createHash('sha256').update(served).digest('base64')}'`,
    )
    // The injected script matches no hash.
    const injected = `'sha256-${createHash('sha256').update('alert("injected")').digest('base64')}'`
    expect(page.scriptHashes).not.toContain(injected)
  })

  it('keeps two renders of the same content byte for byte the same', () => {
    const other = 'OTk5YjUyNzMtOWNmNC00ZTg1LWI0ZDAtNzA5YzU0NDJiMTEw'
    expect(hashMarkedInlineCode(html.split(NONCE).join(other), other)).toEqual(
      hashMarkedInlineCode(html, NONCE),
    )
    expect(withoutNonce(`x"${NONCE}"`, NONCE)).toBe(`x"${'0'.repeat(NONCE.length)}"`)
  })
})

describe('eval, which only React’s development build calls', () => {
  const scriptSrc = (csp: string) =>
    csp.split('; ').find((directive) => directive.startsWith('script-src '))!
  const options = {nonce: NONCE, contentApiOrigins: ['https://localhost:3334'], secure: true}

  it('is refused by the Studio’s and the pages’ policies of a production build', () => {
    for (const policy of [studioContentSecurityPolicy, publicContentSecurityPolicy]) {
      expect(scriptSrc(policy(options))).not.toContain('unsafe-eval')
      expect(scriptSrc(policy({...options, development: false}))).not.toContain('unsafe-eval')
    }
  })

  it('is allowed on the development server, the nonce and strict-dynamic kept', () => {
    for (const policy of [studioContentSecurityPolicy, publicContentSecurityPolicy]) {
      expect(scriptSrc(policy({...options, development: true}))).toBe(
        `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic' 'unsafe-eval'`,
      )
    }
  })
})
