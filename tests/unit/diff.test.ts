import {describe, expect, it} from 'vitest'
import {diffText, tokenize, type TextChange} from '@/lib/diff'
import type {Language} from '@/lib/policy/types'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

/** The redline as a reviewer reads it: [-deleted-] and {+inserted+}. */
function redline(changes: TextChange[]): string {
  return changes
    .map(({kind, text}) =>
      kind === 'equal' ? text : kind === 'deleted' ? `[-${text}-]` : `{+${text}+}`,
    )
    .join('')
}

function show(before: string, after: string, language: Language): string {
  return redline(diffText(before, after, language))
}

const afterText = (changes: TextChange[]) =>
  changes
    .filter((c) => c.kind !== 'deleted')
    .map((c) => c.text)
    .join('')
const beforeText = (changes: TextChange[]) =>
  changes
    .filter((c) => c.kind !== 'inserted')
    .map((c) => c.text)
    .join('')
const words = (text: string) =>
  text
    .replace(/[\s\u200b]+/g, ' ')
    .replace(/’/g, "'")
    .trim()

describe('a legal reviewer reads a French redline word by word', () => {
  it('marks the word that changed, accented letters included', () => {
    expect(
      show(
        'Vos données sont conservées trois ans.',
        'Vos données sont supprimées après trois ans.',
        'fr',
      ),
    ).toBe('Vos données sont [-conservées-]{+supprimées après+} trois ans.')
  })

  it('shows an accent added to a word as a corrected word', () => {
    expect(
      show('Les donnees personnelles de sante', 'Les données personnelles de santé', 'fr'),
    ).toBe('Les [-donnees-]{+données+} personnelles de [-sante-]{+santé+}')
  })

  it('does not mark a word whose accent is merely encoded differently', () => {
    const decomposed = 'Les donne\u0301es'
    expect(diffText(decomposed, 'Les données', 'fr')).toEqual([
      {kind: 'equal', text: 'Les données'},
    ])
  })

  it.each([
    [
      "Nous protégeons l'information.",
      "Nous protégeons l'accès.",
      "Nous protégeons l'[-information-]{+accès+}.",
    ],
    [
      'Nous protégeons l’information.',
      'Nous protégeons l’accès.',
      'Nous protégeons l’[-information-]{+accès+}.',
    ],
    [
      "Nous protégeons l'information.",
      'Nous protégeons l’accès.',
      'Nous protégeons l’[-information-]{+accès+}.',
    ],
    ["Dès qu'il le demande", "Dès qu'elle le demande", "Dès qu'[-il-]{+elle+} le demande"],
    [
      "jusqu'à sa suppression",
      "jusqu'à son effacement",
      "jusqu'à [-sa suppression-]{+son effacement+}",
    ],
    ["l'information", 'la donnée', "[-l'information-]{+la donnée+}"],
  ])('keeps the elided article when only the noun changes: %s → %s', (before, after, expected) => {
    expect(show(before, after, 'fr')).toBe(expected)
  })

  it('treats straight and curly apostrophes as the same letter, showing the later spelling', () => {
    expect(diffText("l'information d'un tiers", 'l’information d’un tiers', 'fr')).toEqual([
      {kind: 'equal', text: 'l’information d’un tiers'},
    ])
  })

  it('splits an elided article off its word when tokenising French', () => {
    const text = "l’information qu'il aujourd'hui"
    expect(tokenize(text, 'fr').map((t) => text.slice(t.start, t.end))).toEqual([
      'l’',
      'information',
      "qu'",
      'il',
      "aujourd'",
      'hui',
    ])
  })

  it('ignores no-break spaces before ; : ! ? and keeps them in the text shown', () => {
    const before = 'Vos droits : accès, rectification ; effacement !'
    const after = `Vos droits${NBSP}: accès, rectification${NNBSP}; effacement${NNBSP}!`
    const changes = diffText(before, after, 'fr')
    expect(changes).toEqual([{kind: 'equal', text: after}])
  })

  it('keeps the no-break space around a word that changed next to it', () => {
    const changes = diffText(`Vos droits${NBSP}: accès`, `Vos libertés${NBSP}: accès`, 'fr')
    expect(redline(changes)).toBe(`Vos [-droits-]{+libertés+}${NBSP}: accès`)
  })

  it('keeps the thin no-break spaces inside « guillemets »', () => {
    const after = `des «${NNBSP}cookies${NNBSP}» tiers`
    expect(show(`des «${NNBSP}traceurs${NNBSP}» tiers`, after, 'fr')).toBe(
      `des «${NNBSP}[-traceurs-]{+cookies+}${NNBSP}» tiers`,
    )
  })

  it('shows a change of punctuation as a punctuation change', () => {
    expect(
      show(
        'Nous collectons votre nom, votre e-mail.',
        'Nous collectons votre nom ; votre e-mail !',
        'fr',
      ),
    ).toBe('Nous collectons votre nom[-,-]{+ ;+} votre e-mail[-.-]{+ !+}')
  })

  it('reads a rewritten sentence as one replacement, keeping longer shared phrases as anchors', () => {
    expect(
      show(
        'Nous collectons vos données de navigation pour améliorer le site.',
        'Nous traitons les données de connexion afin de sécuriser le service.',
        'fr',
      ),
    ).toBe(
      'Nous [-collectons vos-]{+traitons les+} données de [-navigation pour améliorer le site-]{+connexion afin de sécuriser le service+}.',
    )
  })
})

describe('a legal reviewer reads an English redline word by word', () => {
  it('shows the fixes of the original English as word changes', () => {
    expect(
      show('Group (e)space respects your privacy', 'groupe (e)space respects your privacy', 'en'),
    ).toBe('[-Group-]{+groupe+} (e)space respects your privacy')
    expect(show('We advise you than : the data', 'We advise you that: the data', 'en')).toBe(
      'We advise you [-than -]{+that+}: the data',
    )
  })

  it('keeps a word with an apostrophe whole', () => {
    expect(show("the organisation's data", "the company's data", 'en')).toBe(
      "the [-organisation's-]{+company's+} data",
    )
    expect(show("We don't sell it", 'We do not sell it', 'en')).toBe(
      "We [-don't-]{+do not+} sell it",
    )
  })

  it('marks a word added, a word removed and a word replaced, with natural spacing', () => {
    expect(show('We keep your data', 'We keep all your data', 'en')).toBe(
      'We keep {+all +}your data',
    )
    expect(show('We keep all your data', 'We keep your data', 'en')).toBe(
      'We keep [-all -]your data',
    )
    expect(show('We keep your data', 'We erase your data', 'en')).toBe(
      'We [-keep-]{+erase+} your data',
    )
    expect(show('We keep your data', 'We keep your data securely', 'en')).toBe(
      'We keep your data{+ securely+}',
    )
    expect(show('Sadly we keep your data', 'We keep your data', 'en')).toBe(
      '[-Sadly we-]{+We+} keep your data',
    )
  })

  it('keeps small shared words visible between changes when they are a real anchor', () => {
    expect(
      show('We collect your name and email.', 'We collect your address and phone.', 'en'),
    ).toBe('We collect your [-name-]{+address+} and [-email-]{+phone+}.')
  })
})

describe('any two texts compare in either order', () => {
  const pairs: [string, string, Language][] = [
    [
      'Group (e)space advise you than : your data',
      'groupe (e)space advises you that: your data',
      'en',
    ],
    [
      `Vos droits${NBSP}: l’accès et la rectification.`,
      "Vos droits : l'effacement, l'accès.",
      'fr',
    ],
    ['  espaces   multiples  ', 'espaces multiples', 'fr'],
    ['', 'Un texte entier.', 'fr'],
    ['a,b', 'a, x', 'en'],
    ['Nous collectons vos données de navigation.', 'Nous ne collectons rien.', 'fr'],
  ]

  it.each(pairs)('rebuilds both texts from the redline: %j → %j', (before, after, language) => {
    for (const [from, to] of [
      [before, after],
      [after, before],
    ] as const) {
      const changes = diffText(from, to, language)
      expect(afterText(changes)).toBe(to)
      expect(words(beforeText(changes))).toBe(words(from))
    }
  })

  it.each(pairs)(
    'swapping the versions swaps insertions and deletions: %j ⇄ %j',
    (before, after, language) => {
      const forward = diffText(before, after, language)
      const backward = diffText(after, before, language)
      const changed = (changes: TextChange[], kind: TextChange['kind']) =>
        words(
          changes
            .filter((c) => c.kind === kind)
            .map((c) => c.text)
            .join(' '),
        )
      expect(changed(backward, 'deleted')).toBe(changed(forward, 'inserted'))
      expect(changed(backward, 'inserted')).toBe(changed(forward, 'deleted'))
    },
  )

  it('finds nothing to mark in identical texts', () => {
    expect(diffText('Le même texte.', 'Le même texte.', 'fr')).toEqual([
      {kind: 'equal', text: 'Le même texte.'},
    ])
    expect(diffText('', '', 'fr')).toEqual([])
  })
})
