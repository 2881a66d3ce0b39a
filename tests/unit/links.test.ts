import {domainToASCII, domainToUnicode} from 'node:url'
import {describe, expect, it} from 'vitest'
import {
  classifyLink,
  collectOutboundLinks,
  findUnsafeLinks,
  hostToUnicode,
  linksInBlock,
  type ClassifiedLink,
} from '@/lib/links'
import type {PolicyContent, PortableTextBlock} from '@/lib/policy/types'
import {linkAddressProblem} from '@/sanity/studio/links/linkRules'

const options = {siteHosts: ['confidentialite.espace.example', 'bücher.example', 'localhost:3000']}

function kindOf(href: string): ClassifiedLink['kind'] {
  return classifyLink(href, options).kind
}

describe('a link an editor writes is classified the way a browser would follow it', () => {
  it.each([
    ['#cookies', 'an in-page anchor'],
    ['/fr/historique', 'a site path'],
    ['historique?version=2', 'a relative path with a query'],
    ['../en', 'a parent path'],
    ['https://confidentialite.espace.example/fr', 'the site’s own host'],
    ['HTTPS://CONFIDENTIALITE.ESPACE.EXAMPLE/fr', 'the site’s own host in capitals'],
    ['https://confidentialite.espace.example./fr', 'the site’s host with a trailing dot'],
    ['https://confidentialite.espace.example:443/fr', 'the site’s host with its default port'],
    ['http://confidentialite.espace.example:80/fr', 'the site’s host over http, default port'],
    ['//confidentialite.espace.example/en', 'a protocol-relative link to the site'],
    ['https://bücher.example/', 'an internationalised site host written in Unicode'],
    ['https://xn--bcher-kva.example/', 'the same site host written in Punycode'],
    ['https://BÜCHER.example./', 'the same host in capitals with a trailing dot'],
    ['http://localhost:3000/fr', 'a site host declared with its port'],
  ])('%s is internal (%s)', (href) => {
    expect(kindOf(href)).toBe('internal')
  })

  it.each([
    ['https://www.cnil.fr/fr/cookies', 'www.cnil.fr'],
    ['http://example.org', 'example.org'],
    ['HTTPS://EXAMPLE.ORG/Path', 'example.org'],
    ['https://example.org./', 'example.org'],
    ['//elsewhere.example/x', 'elsewhere.example'],
    ['\\\\elsewhere.example/x', 'elsewhere.example'],
    ['/\\elsewhere.example/x', 'elsewhere.example'],
    ['https:elsewhere.example', 'elsewhere.example'],
    ['https://confidentialite.espace.example:8443/', 'confidentialite.espace.example'],
    [
      'https://confidentialite.espace.example.elsewhere.example/',
      'confidentialite.espace.example.elsewhere.example',
    ],
    ['http://localhost:3001/', 'localhost'],
    ['https://müller.example/', 'xn--mller-kva.example'],
    ['  https://www.cnil.fr  ', 'www.cnil.fr'],
  ])('%s is external, to %s', (href, host) => {
    const link = classifyLink(href, options)
    expect(link).toMatchObject({kind: 'external', host})
  })

  it.each([
    ['javascript:alert(1)', 'scheme'],
    ['JavaScript:alert(1)', 'scheme'],
    ['JAVASCRIPT:alert(1)', 'scheme'],
    [' javascript:alert(1)', 'scheme'],
    ['\u0001\u0002javascript:alert(1)', 'scheme'],
    ['java\tscript:alert(1)', 'scheme'],
    ['java\nscript:alert(1)', 'scheme'],
    ['java\r\nscript:alert(1)', 'scheme'],
    ['javascript\t:alert(1)', 'scheme'],
    ['java\u0000script:alert(1)', 'malformed'],
    ['java\u200bscript:alert(1)', 'malformed'],
    ['\u00a0javascript:alert(1)', 'scheme'],
    ['javascript%3Aalert(1)', 'scheme'],
    ['%6Aavascript:alert(1)', 'scheme'],
    ['%6A%61%76%61script%3Aalert(1)', 'scheme'],
    ['data:text/html;base64,PHNjcmlwdD4=', 'scheme'],
    ['DATA:text/html,x', 'scheme'],
    ['vbscript:msgbox(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['ftp://files.example.org/', 'scheme'],
    ['blob:https://example.org/uuid', 'scheme'],
    ['intent://scan/#Intent;scheme=zxing;end', 'scheme'],
    ['https://confidentialite.espace.example@elsewhere.example/', 'credentials'],
    ['https://user:secret@example.org/', 'credentials'],
    ['//confidentialite.espace.example@elsewhere.example', 'credentials'],
    ['', 'malformed'],
    ['   ', 'malformed'],
    ['https://', 'malformed'],
    ['http://[::1', 'malformed'],
    ['https://exa mple.org/', 'malformed'],
    ['%E0%A4%A', 'malformed'],
    ['mailto:', 'malformed'],
    ['tel:call-us', 'malformed'],
  ])('%j is unsafe (%s)', (href, reason) => {
    expect(classifyLink(href, options)).toEqual({kind: 'unsafe', href, reason})
  })

  it.each([
    ['javascript&colon;alert(1)', 'a named character reference for the colon'],
    ['jav&#x09;ascript:alert(1)', 'a tab written as a character reference inside the scheme'],
    ['java&Tab;script:alert(1)', 'a named tab inside the scheme'],
    ['&NewLine;javascript:alert(1)', 'a line break before the scheme'],
    [
      '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
      'a scheme spelled entirely in decimal references',
    ],
    ['&#x6A;avascript:alert(1)', 'a hexadecimal reference for its first letter'],
    ['javascript&#0000058alert(1)', 'a padded reference without a semicolon'],
    ['https&#58;//elsewhere.example/', 'even a web scheme, when written with a reference'],
    ['&#47;&#47;elsewhere.example/x', 'slashes that make it a link to another host'],
    ['ht\ttps://elsewhere.example/', 'a tab inside a web scheme'],
    ['https\n://elsewhere.example/', 'a line break inside a web scheme'],
  ])('%j is unsafe: %s', (href) => {
    expect(classifyLink(href, options)).toEqual({kind: 'unsafe', href, reason: 'scheme'})
  })

  it('leaves character references alone where they change neither scheme nor host', () => {
    expect(classifyLink('https://example.org/?a=1&amp;b=2', options)).toMatchObject({
      kind: 'external',
      host: 'example.org',
    })
    expect(classifyLink('questions&amp;reponses', options).kind).toBe('internal')
  })

  it.each([
    ['www.cai.gouv.qc.ca', 'https://www.cai.gouv.qc.ca'],
    ['WWW.CNIL.FR/fr/cookies?x=1#y', 'https://WWW.CNIL.FR/fr/cookies?x=1#y'],
    ['  www.cai.gouv.qc.ca/fr/ ', 'https://www.cai.gouv.qc.ca/fr/'],
    ['example.org/page', 'https://example.org/page'],
    ['cai.gouv.qc.ca', 'https://cai.gouv.qc.ca'],
    ['example.org:8443/admin', 'https://example.org:8443/admin'],
    ['192.0.2.1/status', 'https://192.0.2.1/status'],
    ['bücher.example.org', 'https://bücher.example.org'],
    ['dpo@example.org', 'mailto:dpo@example.org'],
  ])('%j lacks its scheme: it is refused, with %j offered instead', (href, suggestion) => {
    expect(classifyLink(href, options)).toEqual({
      kind: 'unsafe',
      href,
      reason: 'missing-scheme',
      suggestion,
    })
  })

  it.each([
    'historique',
    'page.html',
    'docs/guide.pdf',
    './notes.md',
    '/notes.md',
    'fr/historique',
    'index.php?x=1',
    'localhost',
  ])('%j is still a page of the site', (href) => {
    expect(kindOf(href)).toBe('internal')
  })

  it('keeps e-mail and phone links, with the address and number decoded', () => {
    expect(classifyLink('mailto:dpo@espace.example?subject=Donn%C3%A9es', options)).toEqual({
      kind: 'email',
      href: 'mailto:dpo@espace.example?subject=Donn%C3%A9es',
      address: 'dpo@espace.example',
    })
    expect(classifyLink('MAILTO:dpo@espace.example', options)).toMatchObject({kind: 'email'})
    expect(classifyLink('tel:+33%201%2023%2045%2067%2089', options)).toMatchObject({
      kind: 'phone',
      number: '+33 1 23 45 67 89',
    })
  })

  it('gives an external link a normalised address and a host readable by people', () => {
    expect(classifyLink('HTTPS://Bücher.Elsewhere.EXAMPLE.:443/Données?q=1#x', options)).toEqual({
      kind: 'external',
      href: 'https://xn--bcher-kva.elsewhere.example./Donn%C3%A9es?q=1#x',
      host: 'xn--bcher-kva.elsewhere.example',
      displayHost: 'bücher.elsewhere.example',
    })
  })

  it('gives an internal absolute link its path on the site', () => {
    expect(classifyLink('https://confidentialite.espace.example/fr?v=2#cookies', options)).toEqual({
      kind: 'internal',
      href: 'https://confidentialite.espace.example/fr?v=2#cookies',
      path: '/fr?v=2#cookies',
    })
    expect(classifyLink('#cookies', options)).toEqual({
      kind: 'internal',
      href: '#cookies',
      path: '#cookies',
    })
  })

  it('accepts site hosts written as full origins, and says clearly when one is not a host', () => {
    expect(classifyLink('https://a.example/x', {siteHosts: ['https://a.example']}).kind).toBe(
      'internal',
    )
    expect(() => classifyLink('https://a.example', {siteHosts: ['http://']})).toThrow(
      /not a host name/,
    )
  })
})

describe('host names are shown readably, but never in a form that could pass for another site', () => {
  it.each([
    'bücher.example',
    'café.fr',
    'straße.de',
    'москва.рф',
    'αθήνα.gr',
    '例え.テスト',
    'ñandú.es',
  ])('%s is shown in Unicode', (host) => {
    expect(hostToUnicode(domainToASCII(host))).toBe(domainToUnicode(domainToASCII(host)))
  })

  it.each([
    ['pаypal.com', 'Latin mixed with Cyrillic'],
    ['аррӏе.com', 'Cyrillic letters that all look Latin'],
    ['gοogle.com', 'Latin mixed with Greek'],
    ['gօօgle.com', 'Latin mixed with Armenian'],
    ['Ꮯisco.com', 'Cherokee mixed with Latin'],
    ['ɡoogle.com', 'a Latin letter outside the identifier profile (script g)'],
    ['www.аррӏе.москва.рф', 'a look-alike label under a Cyrillic domain'],
    ['💩.la', 'a symbol'],
  ])('%s (%s) is shown in Punycode, whole', (host) => {
    const ascii = domainToASCII(host)
    expect(ascii).toMatch(/xn--/)
    expect(hostToUnicode(ascii)).toBe(ascii)
  })

  it('shows an ICANN top-level domain in Unicode, and never a label that does not decode', () => {
    expect(hostToUnicode('xn--80adxhks.xn--p1ai')).toBe('москва.рф')
    expect(hostToUnicode('example.xn--p1ai')).toBe('example.рф')
    expect(hostToUnicode('xn--99.example')).toBe('xn--99.example')
    expect(hostToUnicode('xn--.example')).toBe('xn--.example')
  })

  it('gives an external link the host a reader can trust', () => {
    expect(classifyLink('https://gօօgle.com/', options)).toMatchObject({
      kind: 'external',
      displayHost: domainToASCII('gօօgle.com'),
    })
  })
})

function block(
  key: string,
  spans: [string, string?][],
  links: Record<string, string> = {},
): PortableTextBlock {
  return {
    _type: 'block',
    _key: key,
    style: 'normal',
    markDefs: Object.entries(links).map(([_key, href]) => ({_type: 'link', _key, href})),
    children: spans.map(([text, mark], i) => ({
      _type: 'span',
      _key: `${key}s${i}`,
      text,
      marks: mark ? [mark] : [],
    })),
  }
}

const policy: PolicyContent = {
  title: {fr: 'Politique de confidentialité', en: 'Privacy policy'},
  organisationName: 'groupe (e)space',
  introduction: {
    fr: [block('i1', [['Voir '], ['la CNIL', 'l1']], {l1: 'https://www.cnil.fr/'})],
    en: [block('i1', [['See '], ['the CNIL', 'l1']], {l1: 'https://www.cnil.fr/en'})],
  },
  sections: [
    {
      key: 'cookies',
      title: {fr: 'Cookies', en: 'Cookies'},
      body: {
        fr: [
          block(
            'b1',
            [
              ['Lisez '],
              ['la politique ', 'l1'],
              ['de Google', 'l1'],
              [' ou '],
              ['nos droits', 'l2'],
              ['.'],
            ],
            {l1: 'https://policies.google.com/privacy', l2: '#droits'},
          ),
        ],
        en: [
          block('b1', [['Read '], ['Google’s policy', 'l1'], [' or '], ['write', 'l2']], {
            l1: 'https://policies.google.com/privacy?hl=en',
            l2: 'javascript:alert(1)',
          }),
        ],
      },
    },
  ],
}

describe('the outbound link audit', () => {
  it('lists every link leaving the site with its host, words, section and language', () => {
    expect(collectOutboundLinks(policy, options)).toEqual([
      {
        host: 'www.cnil.fr',
        displayHost: 'www.cnil.fr',
        url: 'https://www.cnil.fr/',
        text: 'la CNIL',
        sectionKey: null,
        language: 'fr',
      },
      {
        host: 'www.cnil.fr',
        displayHost: 'www.cnil.fr',
        url: 'https://www.cnil.fr/en',
        text: 'the CNIL',
        sectionKey: null,
        language: 'en',
      },
      {
        host: 'policies.google.com',
        displayHost: 'policies.google.com',
        url: 'https://policies.google.com/privacy',
        text: 'la politique de Google',
        sectionKey: 'cookies',
        language: 'fr',
      },
      {
        host: 'policies.google.com',
        displayHost: 'policies.google.com',
        url: 'https://policies.google.com/privacy?hl=en',
        text: 'Google’s policy',
        sectionKey: 'cookies',
        language: 'en',
      },
    ])
  })

  it('finds the unsafe link an editor must fix, and where it is', () => {
    expect(findUnsafeLinks(policy)).toEqual([
      {
        href: 'javascript:alert(1)',
        text: 'write',
        reason: 'scheme',
        sectionKey: 'cookies',
        language: 'en',
      },
    ])
  })

  it('reads a link spread over several spans as one link, and two uses of a mark as two links', () => {
    const twice = block('b', [['a', 'l'], [' and '], ['b', 'l']], {l: 'https://x.example'})
    expect(linksInBlock(twice).map((run) => run.text)).toEqual(['a', 'b'])
    const bold = {
      ...block(
        'c',
        [
          ['one ', 'l'],
          ['two', 'l'],
        ],
        {l: 'https://x.example'},
      ),
    }
    bold.children[1]!.marks = ['strong', 'l']
    expect(linksInBlock(bold)).toEqual([
      {href: 'https://x.example', text: 'one two', markKey: 'l', blockKey: 'c'},
    ])
  })
})

describe('the Studio tells an editor what is wrong with an address, in French and English', () => {
  const site = ['policy.example.org']

  it('refuses an address typed without https://, and offers the address meant', () => {
    const problem = linkAddressProblem('www.cai.gouv.qc.ca', site)
    expect(problem).toEqual({
      level: 'error',
      message: {
        'fr-FR': expect.stringContaining('Écrivez https://www.cai.gouv.qc.ca'),
        'en-US': expect.stringContaining('Write https://www.cai.gouv.qc.ca'),
      },
      fix: 'https://www.cai.gouv.qc.ca',
    })
    expect(linkAddressProblem('dpo@example.org', site)).toMatchObject({
      level: 'error',
      fix: 'mailto:dpo@example.org',
    })
  })

  it('refuses a scheme hidden behind character references, in both languages', () => {
    const problem = linkAddressProblem('javascript&colon;alert(1)', site)
    expect(problem?.level).toBe('error')
    expect(problem?.message['fr-FR']).toContain('pourrait exécuter un script')
    expect(problem?.message['en-US']).toContain('could run a script')
    expect(problem?.fix).toBeUndefined()
  })
})
