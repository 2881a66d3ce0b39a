import type {
  Language,
  PolicyBody,
  PolicyContent,
  PortableTextBlock,
  SectionContent,
} from '../../lib/policy/types'
// The tests' generator, so that every run compares the same texts
import {seededRandom} from '../../tests/fixtures/seededRandom'

const VOCABULARY: Record<Language, {words: string[]; elided: string[]; openers: string[]}> = {
  fr: {
    words: (
      'données personnelles traitement finalité conservation durée responsable sous-traitant ' +
      'destinataires droits accès rectification effacement opposition portabilité limitation ' +
      'consentement intérêt légitime obligation légale contrat cookies traceurs mesure audience ' +
      'sécurité chiffrement serveurs hébergés Union européenne transfert garanties appropriées ' +
      'délégué protection réclamation CNIL utilisateurs visiteurs site services newsletter compte ' +
      'adresse électronique numéro téléphone identité navigation préférences statistiques ' +
      'prestataires partenaires anonymisées agrégées stockées collectées utilisées transmises ' +
      'supprimées archivées nécessaires pendant à compter depuis selon conformément avec pour ' +
      'par dans sur sans entre vers chez les des du de la le un une et ou mais donc nous vous ' +
      'leur leurs votre vos notre nos ce cette ces peut peuvent doit sont est être avoir été ' +
      'demande réponse délai mois ans jours période écrit courrier formulaire'
    ).split(' '),
    elided: ['l’', 'd’', 'qu’', 'l’', 'd’', 'jusqu’', 'n’', 's’'],
    openers: ['Nous', 'Vous', 'Les', 'Ces', 'Le', 'La', 'Chaque', 'Lorsque', 'Afin'],
  },
  en: {
    words: (
      'personal data processing purpose retention period controller processor recipients rights ' +
      'access rectification erasure objection portability restriction consent legitimate ' +
      'interest legal obligation contract cookies trackers audience measurement security ' +
      'encryption servers hosted European Union transfer appropriate safeguards officer ' +
      'protection complaint authority users visitors website services newsletter account email ' +
      'address phone number identity browsing preferences statistics providers partners ' +
      'anonymised aggregated stored collected used shared deleted archived necessary during ' +
      'from since according with for by in on without between to at the a an and or but so we ' +
      'you their your our this that these may can must are is be have been request answer ' +
      'month months years days period written letter form'
    ).split(' '),
    elided: [],
    openers: ['We', 'You', 'The', 'These', 'Each', 'When', 'Where', 'In order'],
  },
}

const NBSP = '\u00a0'

export class Writer {
  private keys = 0
  constructor(private readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.random() * items.length)]
    if (item === undefined) throw new Error('Nothing to pick from')
    return item
  }

  chance(p: number): boolean {
    return this.random() < p
  }

  word(language: Language): string {
    const {words, elided} = VOCABULARY[language]
    const word = this.pick(words)
    return elided.length > 0 && /^[aeiouéh]/i.test(word) && this.chance(0.3)
      ? `${this.pick(elided)}${word}`
      : word
  }

  sentence(language: Language, length: number): string {
    const words = [this.pick(VOCABULARY[language].openers)]
    for (let i = 1; i < length; i++) {
      let word = this.word(language)
      if (i < length - 1 && this.chance(0.08)) word += ','
      words.push(word)
    }
    const end = this.pick(['.', '.', '.', ';', ':'])
    const space = language === 'fr' && end !== '.' ? NBSP : ''
    return `${words.join(' ')}${space}${end}`
  }

  paragraph(language: Language, words: number): string {
    const sentences: string[] = []
    let left = words
    while (left > 0) {
      const length = Math.min(left, 8 + Math.floor(this.random() * 14))
      sentences.push(this.sentence(language, Math.max(length, 3)))
      left -= length
    }
    return sentences.join(' ')
  }

  key(): string {
    return `k${(++this.keys).toString(36)}`
  }

  block(text: string, options: {listItem?: 'bullet'; link?: string} = {}): PortableTextBlock {
    const key = this.key()
    const block: PortableTextBlock = {
      _type: 'block',
      _key: key,
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: `${key}a`, text, marks: []}],
    }
    if (options.listItem) {
      block.listItem = options.listItem
      block.level = 1
    }
    if (options.link) {
      const words = text.split(' ')
      const at = Math.floor(words.length / 2)
      const head = `${words.slice(0, at).join(' ')} `
      const linked = words[at] ?? 'ici'
      const tail = ` ${words.slice(at + 1).join(' ')}`
      block.markDefs = [{_type: 'link', _key: `${key}l`, href: options.link}]
      block.children = [
        {_type: 'span', _key: `${key}a`, text: head, marks: []},
        {_type: 'span', _key: `${key}b`, text: linked, marks: [`${key}l`]},
        {_type: 'span', _key: `${key}c`, text: tail, marks: []},
      ]
    }
    return block
  }

  body(language: Language, words: number, blocks: number, linkEvery: number): PolicyBody {
    const body: PolicyBody = []
    for (let i = 0; i < blocks; i++) {
      const listItem = i > 0 && this.chance(0.2) ? 'bullet' : undefined
      const link = this.chance(1 / linkEvery)
        ? `https://partner${Math.floor(this.random() * 40)}.example/${language}`
        : undefined
      body.push(this.block(this.paragraph(language, Math.round(words / blocks)), {listItem, link}))
    }
    return body
  }

  section(index: number, wordsPerLanguage: number): SectionContent {
    const blocks = 2 + Math.floor(this.random() * 4)
    return {
      key: `section-${index}`,
      title: {fr: this.sentence('fr', 4).slice(0, -1), en: this.sentence('en', 4).slice(0, -1)},
      body: {
        fr: this.body('fr', wordsPerLanguage, blocks, 4),
        en: this.body('en', wordsPerLanguage, blocks, 4),
      },
    }
  }
}

export function countWords(content: PolicyContent): number {
  let words = 0
  for (const section of content.sections) {
    for (const language of ['fr', 'en'] as const) {
      const texts = [
        section.title[language],
        ...section.body[language].flatMap((b) => b.children.map((s) => s.text)),
      ]
      for (const text of texts) words += text.split(/\s+/).filter(Boolean).length
    }
  }
  return words
}

/** A bilingual policy of `sections` sections, about `words` words in all. */
export function generatePolicy(seed: number, sections: number, words: number): PolicyContent {
  const writer = new Writer(seededRandom(seed))
  const perLanguage = Math.round(words / sections / 2)
  return {
    title: {fr: 'Politique de confidentialité', en: 'Privacy policy'},
    organisationName: 'groupe (e)space',
    sections: Array.from({length: sections}, (_, i) => writer.section(i + 1, perLanguage)),
  }
}

function editText(writer: Writer, text: string, language: Language, edits: number): string {
  const words = text.split(' ')
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(writer.pick([0.1, 0.3, 0.5, 0.7, 0.9]) * words.length)
    const kind = writer.pick(['replace', 'insert', 'delete'] as const)
    if (kind === 'replace') words[at] = writer.word(language)
    else if (kind === 'insert') words.splice(at, 0, writer.word(language), writer.word(language))
    else words.splice(at, 1)
  }
  return words.join(' ')
}

/**
 * A later version: scattered word edits in about a third of the sections (both languages, or one
 * only), a link retargeted here and there, a few sections added, removed and moved.
 */
export function revisePolicy(policy: PolicyContent, seed: number): PolicyContent {
  const writer = new Writer(seededRandom(seed))
  const sections: SectionContent[] = structuredClone(policy.sections)
  for (const section of sections) {
    if (!writer.chance(0.35)) continue
    for (const language of ['fr', 'en'] as const) {
      if (writer.chance(0.2)) continue
      const blocks = section.body[language]
      const block = blocks[Math.floor(writer.chance(0.5) ? 0 : blocks.length - 1)]
      const span = block?.children[0]
      if (span)
        span.text = editText(
          writer,
          span.text,
          language,
          1 + Math.floor(writer.chance(0.5) ? 3 : 1),
        )
      const link = block?.markDefs?.[0]
      if (link && writer.chance(0.3)) link.href = `${link.href}/updated`
    }
  }
  // Remove three sections, move three, add three.
  for (let i = 0; i < 3; i++) sections.splice(20 + i * 50, 1)
  for (let i = 0; i < 3; i++) {
    const [moved] = sections.splice(10 + i * 40, 1)
    if (moved) sections.splice(150 - i * 30, 0, moved)
  }
  const perLanguage = Math.round(
    policy.sections.reduce(
      (n, s) => n + s.body.en.reduce((m, b) => m + (b.children[0]?.text.split(' ').length ?? 0), 0),
      0,
    ) / policy.sections.length,
  )
  for (let i = 0; i < 3; i++) sections.splice(60 + i * 45, 0, writer.section(1000 + i, perLanguage))
  return {...policy, sections}
}

/** The policy as plain text, one paragraph a line, for line- and word-based tools. */
export function plainText(content: PolicyContent): string {
  const lines: string[] = []
  for (const section of content.sections) {
    for (const language of ['fr', 'en'] as const) {
      lines.push(`## ${section.title[language]}`, '')
      for (const block of section.body[language])
        lines.push(block.children.map((s) => s.text).join(''), '')
    }
  }
  return lines.join('\n')
}

/**
 * Two versions of a one-section policy whose English text is a single block of `words` words,
 * written afresh from end to end in the later one: the worst case for a word-level diff.
 */
export function rewrittenBlock(words: number): [PolicyContent, PolicyContent] {
  const version = (seed: number): PolicyContent => {
    const writer = new Writer(seededRandom(seed))
    return {
      title: {fr: 'Politique de confidentialité', en: 'Privacy policy'},
      organisationName: 'groupe (e)space',
      sections: [
        {
          key: 'rewritten',
          title: {fr: 'Section réécrite', en: 'Rewritten section'},
          body: {fr: [], en: [writer.block(writer.paragraph('en', words))]},
        },
      ],
    }
  }
  return [version(101), version(202)]
}
