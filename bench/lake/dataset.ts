/** The generated dataset the lake's benchmarks run on. */

const WORDS_FR =
  'nous recueillons vos renseignements personnels afin de fournir nos services et respecter la loi'.split(
    ' ',
  )
const WORDS_EN =
  'we collect your personal information to provide our services and comply with the law'.split(' ')

function sentence(words: string[], seed: number, length = 24): string {
  return Array.from({length}, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ')
}

function body(words: string[], seed: number) {
  return Array.from({length: 6}, (_, b) => ({
    _type: 'block',
    _key: `b${seed}-${b}`,
    style: b === 0 ? 'h3' : 'normal',
    markDefs: [],
    children: [{_type: 'span', _key: `s${seed}-${b}`, text: sentence(words, seed + b), marks: []}],
  }))
}

/** A policy with `sections` bilingual sections and `versions` published versions of it. */
export function generateDataset(versions: number, sections: number): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [
    {
      _id: 'policy',
      _type: 'policy',
      title: {fr: 'Politique de confidentialité', en: 'Privacy policy'},
      organisationName: 'Exemple inc.',
    },
  ]
  for (let s = 0; s < sections; s++) {
    docs.push({
      _id: `section-s${s}`,
      _type: 'policySection',
      key: {_type: 'slug', current: `s${s}`},
      title: {fr: `Section ${s}`, en: `Section ${s}`},
      body: {fr: body(WORDS_FR, s), en: body(WORDS_EN, s)},
    })
  }
  for (let v = 1; v <= versions; v++) {
    const date = new Date(Date.UTC(2020, 0, 1) + v * 30 * 86_400_000).toISOString().slice(0, 10)
    docs.push({
      _id: `version-${v}`,
      _type: 'policyVersion',
      number: v,
      status: 'published',
      effectiveDate: date,
      publishedAt: `${date}T12:00:00Z`,
      changeSummary: {fr: `Version ${v}`, en: `Version ${v}`},
      contentHash: v.toString(16).padStart(64, '0'),
      title: {fr: 'Politique de confidentialité', en: 'Privacy policy'},
      sections: Array.from({length: sections}, (_, s) => ({
        _type: 'sectionSnapshot',
        _key: `k${s}`,
        key: `s${s}`,
        title: {fr: `Section ${s}`, en: `Section ${s}`},
        body: {fr: body(WORDS_FR, s + v), en: body(WORDS_EN, s + v)},
      })),
    })
  }
  return docs
}
