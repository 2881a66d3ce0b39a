import {describe, expect, it} from 'vitest'
import {
  compareBodies,
  comparePolicies,
  movedKeys,
  type BlockComparison,
  type InlineChange,
  type PolicyComparison,
} from '@/lib/diff'
import type {PolicyContent, PortableTextBlock, SectionContent} from '@/lib/policy/types'

let keys = 0

/**
 * A block from a light markup: `[words](href)` is a link, `**words**` is strong.
 * Options give the block a style or make it a list item.
 */
function block(
  markup: string,
  format: Partial<Pick<PortableTextBlock, 'style' | 'listItem' | 'level'>> = {},
  key = `k${++keys}`,
): PortableTextBlock {
  const children: PortableTextBlock['children'] = []
  const markDefs: NonNullable<PortableTextBlock['markDefs']> = []
  const pattern = /\[([^\]]+)\]\(([^)]+)\)|\*\*([^*]+)\*\*|([^[*]+)/g
  for (const match of markup.matchAll(pattern)) {
    const [, linkText, href, strong, plain] = match
    const _key = `${key}s${children.length}`
    if (linkText !== undefined && href !== undefined) {
      const markKey = `${key}l${markDefs.length}`
      markDefs.push({_type: 'link', _key: markKey, href})
      children.push({_type: 'span', _key, text: linkText, marks: [markKey]})
    } else if (strong !== undefined) {
      children.push({_type: 'span', _key, text: strong, marks: ['strong']})
    } else {
      children.push({_type: 'span', _key, text: plain ?? '', marks: []})
    }
  }
  return {_type: 'block', _key: key, style: 'normal', ...format, children, markDefs}
}

function section(
  key: string,
  fr: [string, ...string[]],
  en: [string, ...string[]],
  titles?: [string, string],
) {
  const [titleFr, ...bodyFr] = fr
  const [titleEn, ...bodyEn] = en
  return {
    key,
    title: {fr: titles?.[0] ?? titleFr, en: titles?.[1] ?? titleEn},
    body: {fr: bodyFr.map((text) => block(text)), en: bodyEn.map((text) => block(text))},
  } satisfies SectionContent
}

function policy(
  sections: SectionContent[],
  title = {fr: 'Politique de confidentialité', en: 'Privacy policy'},
): PolicyContent {
  return {title, organisationName: 'groupe (e)space', sections}
}

/** The redline as a reviewer reads it: [-deleted-] and {+inserted+}, whatever the marks. */
function redline(changes: InlineChange[] | {kind: string; text: string}[]): string {
  const runs: {kind: string; text: string}[] = []
  for (const {kind, text} of changes) {
    const last = runs[runs.length - 1]
    if (last?.kind === kind) last.text += text
    else runs.push({kind, text})
  }
  return runs
    .map(({kind, text}) =>
      kind === 'equal' ? text : kind === 'deleted' ? `[-${text}-]` : `{+${text}+}`,
    )
    .join('')
}

const statuses = (comparison: PolicyComparison) =>
  comparison.sections.map(
    (s) => `${s.key}:${s.status}${s.moved && s.status !== 'moved' ? '+moved' : ''}`,
  )

const cookies = section(
  'cookies',
  [
    'Cookies',
    'Nous utilisons des cookies de mesure d’audience.',
    'Vous pouvez les refuser à tout moment.',
  ],
  ['Cookies', 'We use audience measurement cookies.', 'You can refuse them at any time.'],
)
const rights = section(
  'rights',
  ['Vos droits', 'Vous disposez d’un droit d’accès et de rectification.'],
  ['Your rights', 'You have a right of access and rectification.'],
)
const contact = section(
  'contact',
  ['Nous contacter', 'Écrivez au [délégué](mailto:dpo@espace.example).'],
  ['Contact us', 'Write to the [officer](mailto:dpo@espace.example).'],
)
const retention = section(
  'retention',
  ['Conservation', 'Les données sont conservées trois ans.'],
  ['Retention', 'Data is kept for three years.'],
)

describe('a legal reviewer compares two versions of the policy', () => {
  it('sees nothing to review between identical versions', () => {
    const v = policy([cookies, rights, contact])
    const comparison = comparePolicies(v, structuredClone(v))
    expect(comparison.identical).toBe(true)
    expect(comparison.summary).toEqual({added: 0, removed: 0, modified: 0, moved: 0, unchanged: 3})
    expect(comparison.outboundLinks).toEqual({added: [], removed: []})
    for (const s of comparison.sections) {
      for (const language of ['fr', 'en'] as const) {
        const {title, body} = s.languages[language]
        expect(title.every((c) => c.kind === 'equal')).toBe(true)
        expect(
          body.blocks.every(
            (b) => b.status === 'unchanged' && b.changes.every((c) => c.kind === 'equal'),
          ),
        ).toBe(true)
      }
    }
  })

  it('sees a section added and a section removed, each where it stood', () => {
    const comparison = comparePolicies(
      policy([cookies, retention, rights]),
      policy([cookies, rights, contact]),
    )
    expect(statuses(comparison)).toEqual([
      'cookies:unchanged',
      'retention:removed',
      'rights:unchanged',
      'contact:added',
    ])
    const removed = comparison.sections[1]!
    expect(removed.indexBefore).toBe(1)
    expect(redline(removed.languages.fr.title)).toBe('[-Conservation-]')
    expect(removed.languages.en.body.blocks.map((b) => [b.status, redline(b.changes)])).toEqual([
      ['removed', '[-Data is kept for three years.-]'],
    ])
    const added = comparison.sections[3]!
    expect(added.languages.en.body.blocks.map((b) => redline(b.changes))).toEqual([
      '{+Write to the officer.+}',
    ])
    expect(comparison.summary).toMatchObject({added: 1, removed: 1, unchanged: 2})
  })

  it('sees a retitled section as modified, with the title redlined in both languages', () => {
    const retitled = section(
      'rights',
      ['Vos droits sur vos données', 'Vous disposez d’un droit d’accès et de rectification.'],
      ['Your rights over your data', 'You have a right of access and rectification.'],
    )
    const comparison = comparePolicies(policy([cookies, rights]), policy([cookies, retitled]))
    const s = comparison.sections[1]!
    expect(s.status).toBe('modified')
    expect(redline(s.languages.fr.title)).toBe('Vos droits{+ sur vos données+}')
    expect(redline(s.languages.en.title)).toBe('Your rights{+ over your data+}')
    expect(s.languages.fr.body.changed).toBe(false)
    expect(s.title.en).toBe('Your rights over your data')
  })

  it('sees a section that only changed place as moved, and the others as unchanged', () => {
    const comparison = comparePolicies(
      policy([cookies, rights, contact, retention]),
      policy([rights, contact, retention, cookies]),
    )
    expect(statuses(comparison)).toEqual([
      'rights:unchanged',
      'contact:unchanged',
      'retention:unchanged',
      'cookies:moved',
    ])
    expect(comparison.identical).toBe(false)
    expect(comparison.summary).toEqual({added: 0, removed: 0, modified: 0, moved: 1, unchanged: 3})
  })

  it('sees a section both moved and edited as modified, flagged as moved', () => {
    const edited = section(
      'cookies',
      ['Cookies', 'Nous utilisons des cookies de mesure d’audience.', 'Vous pouvez les refuser.'],
      ['Cookies', 'We use audience measurement cookies.', 'You can refuse them at any time.'],
    )
    const comparison = comparePolicies(
      policy([cookies, rights, contact]),
      policy([rights, contact, edited]),
    )
    expect(statuses(comparison)).toEqual([
      'rights:unchanged',
      'contact:unchanged',
      'cookies:modified+moved',
    ])
    const s = comparison.sections[2]!
    expect(s.languages.fr.changed).toBe(true)
    expect(s.languages.en.changed).toBe(false)
    expect(s.languages.fr.body.blocks.map((b) => redline(b.changes))).toEqual([
      'Nous utilisons des cookies de mesure d’audience.',
      'Vous pouvez les refuser[- à tout moment-].',
    ])
  })

  it('does not count sections as moved because others were added or removed around them', () => {
    const comparison = comparePolicies(
      policy([cookies, retention, rights]),
      policy([contact, cookies, rights]),
    )
    expect(comparison.sections.filter((s) => s.moved)).toEqual([])
  })

  it('gets the mirror image when the two versions are given the other way round', () => {
    const older = policy([cookies, retention, rights, contact])
    const edited = section(
      'rights',
      ['Vos droits', 'Vous disposez d’un droit d’accès, de rectification et d’effacement.'],
      ['Your rights', 'You have a right of access, rectification and erasure.'],
    )
    const newer = policy([
      contact,
      cookies,
      edited,
      section('security', ['Sécurité', 'Chiffré.'], ['Security', 'Encrypted.']),
    ])
    const forward = comparePolicies(older, newer)
    const backward = comparePolicies(newer, older)
    expect(forward.summary).toEqual({added: 1, removed: 1, modified: 1, moved: 1, unchanged: 1})
    expect(backward.summary).toEqual({
      ...forward.summary,
      added: forward.summary.removed,
      removed: forward.summary.added,
    })
    const movedOf = (c: PolicyComparison) => c.sections.filter((s) => s.moved).map((s) => s.key)
    expect(movedOf(backward)).toEqual(movedOf(forward))
    const rightsOf = (c: PolicyComparison) =>
      c.sections.find((s) => s.key === 'rights')!.languages.en.body.blocks[0]!
    // Read without deletions, each redline is its later version; without insertions, its earlier one.
    const read = (b: BlockComparison, skip: string) =>
      b.changes
        .filter((c) => c.kind !== skip)
        .map((c) => c.text)
        .join('')
    const newText = 'You have a right of access, rectification and erasure.'
    const oldText = 'You have a right of access and rectification.'
    expect([read(rightsOf(forward), 'deleted'), read(rightsOf(forward), 'inserted')]).toEqual([
      newText,
      oldText,
    ])
    expect([read(rightsOf(backward), 'deleted'), read(rightsOf(backward), 'inserted')]).toEqual([
      oldText,
      newText,
    ])
    expect(redline(rightsOf(forward).changes)).toBe(
      'You have a right of access[- and-]{+,+} rectification{+ and erasure+}.',
    )
  })

  it('picks the same moved section whichever way round two neighbours swapped', () => {
    expect([...movedKeys(['a', 'b'], ['b', 'a'])]).toEqual([...movedKeys(['b', 'a'], ['a', 'b'])])
    expect([...movedKeys(['a', 'b', 'c', 'd', 'e'], ['b', 'c', 'd', 'e', 'a'])]).toEqual(['a'])
    expect([...movedKeys(['a', 'b', 'c', 'd', 'e'], ['e', 'a', 'b', 'c', 'd'])]).toEqual(['e'])
    expect([...movedKeys(['a', 'b', 'c'], ['a', 'b', 'c'])]).toEqual([])
  })

  it('redlines the policy title, the organisation name and the introduction', () => {
    const before = {
      ...policy([cookies]),
      organisationName: 'Group (e)space',
      introduction: {fr: [block('Bienvenue.')], en: [block('Welcome.')]},
    }
    const after = {
      ...policy([cookies], {fr: 'Politique de protection des données', en: 'Privacy policy'}),
      introduction: {fr: [block('Bienvenue.')], en: [block('Welcome to our policy.')]},
    }
    const comparison = comparePolicies(before, after)
    expect(redline(comparison.organisationName)).toBe('[-Group-]{+groupe+} (e)space')
    expect(redline(comparison.title.fr)).toBe(
      'Politique de [-confidentialité-]{+protection des données+}',
    )
    expect(comparison.introduction.fr.changed).toBe(false)
    expect(redline(comparison.introduction.en.blocks[0]!.changes)).toBe(
      'Welcome{+ to our policy+}.',
    )
    expect(comparison.identical).toBe(false)
  })

  it('lists the links to other sites that a version adds and removes', () => {
    const before = policy([
      section(
        'cookies',
        ['Cookies', 'Voir la [CNIL](https://www.cnil.fr/).'],
        ['Cookies', 'See the [CNIL](https://www.cnil.fr/en).'],
      ),
      section(
        'contact',
        ['Contact', 'Notre [site](https://espace.example/fr).'],
        ['Contact', 'Our [site](https://espace.example/en).'],
      ),
    ])
    const after = policy([
      section(
        'cookies',
        ['Cookies', 'Voir la [CNIL](https://www.cnil.fr/).'],
        ['Cookies', 'See [Google](https://policies.google.com/).'],
      ),
      section(
        'contact',
        ['Contact', 'Notre [site](https://espace.example/fr/contact).'],
        ['Contact', 'Our [site](https://espace.example/en).'],
      ),
    ])
    const comparison = comparePolicies(before, after, {siteHosts: ['espace.example']})
    expect(comparison.outboundLinks.added).toEqual([
      expect.objectContaining({
        host: 'policies.google.com',
        text: 'Google',
        sectionKey: 'cookies',
        language: 'en',
      }),
    ])
    expect(comparison.outboundLinks.removed).toEqual([
      expect.objectContaining({
        url: 'https://www.cnil.fr/en',
        text: 'CNIL',
        sectionKey: 'cookies',
        language: 'en',
      }),
    ])
    const contactFr = comparison.sections[1]!.languages.fr
    expect(contactFr.changed).toBe(true)
    expect(contactFr.body.links).toEqual([
      {
        kind: 'retargeted',
        text: 'site',
        hrefBefore: 'https://espace.example/fr',
        hrefAfter: 'https://espace.example/fr/contact',
      },
    ])
    expect(contactFr.body.blocks[0]!.status).toBe('modified')
    expect(comparison.sections[1]!.status).toBe('modified')
  })
})

describe('a reviewer reads a section’s text block by block', () => {
  it('pairs an edited paragraph with its earlier self and shows blocks added and removed around it', () => {
    const before = [
      block('Nous collectons votre nom et votre adresse e-mail.'),
      block('Ces données servent à gérer votre compte.'),
      block('Elles ne sont jamais vendues.'),
    ]
    const after = [
      block('Nous collectons votre nom, votre adresse e-mail et votre numéro de téléphone.'),
      block('Elles ne sont jamais vendues.'),
      block('Vous pouvez demander leur effacement.'),
    ]
    const body = compareBodies(before, after, 'fr')
    expect(body.blocks.map((b) => [b.status, redline(b.changes)])).toEqual([
      [
        'modified',
        'Nous collectons votre nom[- et-]{+,+} votre adresse e-mail{+ et votre numéro de téléphone+}.',
      ],
      ['removed', '[-Ces données servent à gérer votre compte.-]'],
      ['unchanged', 'Elles ne sont jamais vendues.'],
      ['added', '{+Vous pouvez demander leur effacement.+}'],
    ])
    expect(body.changed).toBe(true)
  })

  it('shows a paragraph rewritten beyond recognition as removed then added', () => {
    const body = compareBodies(
      [block('Nous utilisons des cookies.')],
      [block('Aucun traceur n’est déposé sans accord.')],
      'fr',
    )
    expect(body.blocks.map((b) => b.status)).toEqual(['removed', 'added'])
  })

  it('keeps list and heading formats, and says when a block’s format changed', () => {
    const before = [
      block('Vos droits', {style: 'h3'}),
      block('accès', {listItem: 'bullet'}),
      block('rectification'),
    ]
    const after = [
      block('Vos droits', {style: 'h3'}),
      block('accès', {listItem: 'bullet'}),
      block('rectification', {listItem: 'bullet'}),
      block('effacement', {listItem: 'bullet', level: 2}),
    ]
    const body = compareBodies(before, after, 'fr')
    expect(
      body.blocks.map(({status, format, formatBefore}) => ({status, format, formatBefore})),
    ).toEqual([
      {status: 'unchanged', format: {style: 'h3'}, formatBefore: undefined},
      {
        status: 'unchanged',
        format: {style: 'normal', listItem: 'bullet', level: 1},
        formatBefore: undefined,
      },
      {
        status: 'modified',
        format: {style: 'normal', listItem: 'bullet', level: 1},
        formatBefore: {style: 'normal'},
      },
      {
        status: 'added',
        format: {style: 'normal', listItem: 'bullet', level: 2},
        formatBefore: undefined,
      },
    ])
  })

  it('keeps emphasis and link targets on the words of the redline', () => {
    const before = [block('Lisez la **politique** de [Google](https://policies.google.com/) ici.')]
    const after = [
      block('Lisez la **politique complète** de [Google](https://policies.google.com/privacy).'),
    ]
    const {blocks, links} = compareBodies(before, after, 'fr')
    expect(blocks[0]!.changes).toEqual([
      {kind: 'equal', text: 'Lisez la ', marks: []},
      {kind: 'equal', text: 'politique ', marks: ['strong']},
      {kind: 'inserted', text: 'complète', marks: ['strong']},
      {kind: 'inserted', text: ' ', marks: []},
      {kind: 'equal', text: 'de ', marks: []},
      {kind: 'equal', text: 'Google', marks: [], href: 'https://policies.google.com/privacy'},
      {kind: 'deleted', text: ' ici', marks: []},
      {kind: 'equal', text: '.', marks: []},
    ])
    expect(links).toEqual([
      {
        kind: 'retargeted',
        text: 'Google',
        hrefBefore: 'https://policies.google.com/',
        hrefAfter: 'https://policies.google.com/privacy',
      },
    ])
  })

  it('reports links added and removed, but not a link whose words alone were edited', () => {
    const before = [
      block('Voir [la CNIL](https://www.cnil.fr/) et [le RGPD](https://eur-lex.europa.eu/).'),
    ]
    const after = [
      block(
        'Voir [le site de la CNIL](https://www.cnil.fr/) et [le guide](https://guide.example/).',
      ),
    ]
    expect(compareBodies(before, after, 'fr').links).toEqual([
      {kind: 'removed', text: 'le RGPD', href: 'https://eur-lex.europa.eu/'},
      {kind: 'added', text: 'le guide', href: 'https://guide.example/'},
    ])
  })
})

describe('a comparison always answers', () => {
  /** Words drawn from a small vocabulary, as a long legal text repeats its words. */
  function prose(words: number, seed: number): string {
    const vocabulary =
      'the data we keep about you is used only to answer your request and never sold to anyone else for any purpose'.split(
        ' ',
      )
    let state = seed
    const out: string[] = []
    for (let i = 0; i < words; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31
      out.push(vocabulary[state % vocabulary.length]!)
    }
    return `${out.join(' ')}.`
  }

  it('shows a long block rewritten from end to end as replaced whole, within its time budget', () => {
    const before = [block(prose(20_000, 1), {}, 'long')]
    const after = [block(prose(20_000, 2), {}, 'long')]
    const body = compareBodies(before, after, 'en', Date.now() + 200)
    expect(body.blocks).toHaveLength(1)
    const [only] = body.blocks as [BlockComparison]
    expect(only.status).toBe('modified')
    expect(only.changes.map((change) => change.kind)).toEqual(['deleted', 'inserted'])
    expect(only.changes[0]!.text).toBe(prose(20_000, 1))
  })

  it('still compares word by word when there is time', () => {
    const body = compareBodies(
      [block('We keep your data for one year.', {}, 'b')],
      [block('We keep your data for two years.', {}, 'b')],
      'en',
      Date.now() + 200,
    )
    expect(body.blocks[0]!.changes.filter((change) => change.kind !== 'equal')).toEqual([
      {kind: 'deleted', text: 'one year', marks: []},
      {kind: 'inserted', text: 'two years', marks: []},
    ])
  })
})
