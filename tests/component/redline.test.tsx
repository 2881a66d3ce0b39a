import {screen, within} from '@testing-library/react'
import {describe, expect, it} from 'vitest'
import {CompareProblem} from '@/components/redline/CompareProblem'
import {ComparisonView, type ComparisonViewProps} from '@/components/redline/ComparisonView'
import {comparePolicies} from '@/lib/diff'
import type {Language, PolicyBody, PolicyVersion} from '@/lib/policy/types'
import {paragraph, sampleVersion} from '../fixtures/policyVersion'
import {renderIn} from './render'

function listItem(level: number, ...parts: Parameters<typeof paragraph>): PolicyBody[number] {
  return {...paragraph(...parts), listItem: 'bullet', level}
}

/** Version 8: version 7 with a French wording fix, a link moved to a new address and a new section. */
function laterVersion(): PolicyVersion {
  const version = structuredClone(sampleVersion())
  version._id = 'version-8'
  version.number = 8
  const [cookies, links] = version.sections
  cookies!.body.fr = [paragraph('Un témoin temporaire est requis.')]
  links!.body.en = [
    paragraph(
      'See the ',
      {text: 'Commission', href: 'https://www.cai.gouv.qc.ca/en/'},
      ', write to ',
      {text: 'our address', href: 'mailto:privacy@example.org'},
      '.',
    ),
  ]
  version.sections.push({
    key: 'learn-more',
    title: {fr: 'Pour en savoir plus', en: 'To learn more'},
    body: {
      fr: [
        paragraph('Consultez :'),
        listItem(1, 'la ', {
          text: 'Loi',
          href: 'https://www.legisquebec.gouv.qc.ca/fr/document/lc/A-2.1',
        }),
        listItem(2, 'en particulier son article 53.'),
      ],
      en: [
        paragraph('Consult:'),
        listItem(1, 'the ', {
          text: 'Act',
          href: 'https://www.legisquebec.gouv.qc.ca/en/document/cs/A-2.1',
        }),
        listItem(2, 'in particular its section 53.'),
      ],
    },
  })
  return version
}

function viewProps(language: Language, reversed = false): ComparisonViewProps {
  const [before, after] = reversed
    ? [laterVersion(), sampleVersion()]
    : [sampleVersion(), laterVersion()]
  const seven = {
    number: 7,
    period: {state: 'past', from: '2026-03-01', to: '2026-09-30'},
    href: `/${language}/v/7`,
  } as const
  const eight = {
    number: 8,
    period: {state: 'current', from: '2026-10-01'},
    href: `/${language}/v/8`,
  } as const
  const other = language === 'fr' ? 'en' : 'fr'
  return {
    comparison: comparePolicies(before, after, {siteHosts: ['policy.example.org']}),
    language,
    from: reversed ? eight : seven,
    to: reversed ? seven : eight,
    otherLanguage: {language: other, href: `/en/compare?from=7&to=8&lang=${other}`},
    ...(reversed ? {inOrderHref: '/en/compare?from=7&to=8'} : {}),
    summaries: [{number: 8, text: language === 'fr' ? 'Ajout d’une section.' : 'Added a section.'}],
    picker: {
      action: '/en/compare',
      versions: [
        {number: 8, effectiveDate: '2026-10-01'},
        {number: 7, effectiveDate: '2026-03-01'},
      ],
      from: reversed ? 8 : 7,
      to: reversed ? 7 : 8,
    },
    historyHref: '/en/history',
    feedHref: '/en/feed.xml',
  }
}

/** What a sighted reader sees: the text without the words meant for screen readers. */
function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as Element
  copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove())
  return copy.textContent ?? ''
}

const section = (key: string) => document.getElementById(key)!

describe('a legal reviewer comparing two versions', () => {
  it('sees which versions are compared, and the publisher’s summary of changes', () => {
    renderIn('en', <ComparisonView {...viewProps('en')} />)
    expect(screen.getByRole('heading', {level: 1})).toHaveTextContent(
      'Changes from version 7 to version 8',
    )
    expect(
      screen.getByText(/In force from March 1, 2026 to September 30, 2026/),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', {name: 'Read version 8'})).toHaveAttribute('href', '/en/v/8')
    expect(screen.getByText('Added a section.')).toBeInTheDocument()
  })

  it('reads the counts of changed sections at the top', () => {
    renderIn('en', <ComparisonView {...viewProps('en')} />)
    const summary = screen.getByRole('region', {name: 'Summary of changes'})
    expect(within(summary).getByTestId('compare-counts').querySelectorAll('li')).toHaveLength(5)
    expect(summary).toHaveTextContent('2 sections modified')
    expect(summary).toHaveTextContent('1 section added')
    expect(summary).toHaveTextContent('No section removed')
    const sections = within(summary).getByRole('navigation', {name: 'Sections'})
    expect(
      within(sections)
        .getAllByRole('listitem')
        .map((item) => visibleText(item)),
    ).toEqual(['Cookies Modified', 'Links to other sites Modified', 'To learn more Added'])
    expect(within(sections).getByRole('link', {name: 'To learn more'})).toHaveAttribute(
      'href',
      '#learn-more',
    )
  })

  it('sees the words changed inside a section, announced as deleted and inserted text', () => {
    renderIn('fr', <ComparisonView {...viewProps('fr')} />)
    const cookies = section('cookies')
    expect(within(cookies).getByText('Modifiée')).toBeInTheDocument()
    const deleted = cookies.querySelector('del')!
    const inserted = cookies.querySelector('ins')!
    expect(visibleText(deleted)).toBe('nécessaire')
    expect(visibleText(inserted)).toBe('requis')
    // Screen readers hear where each change starts and ends, in the reader's language.
    expect(deleted.textContent).toBe('début de la suppression nécessaire fin de la suppression')
    expect(inserted.textContent).toBe('début de l’ajout requis fin de l’ajout')
    for (const marker of cookies.querySelectorAll('[data-change-marker]')) {
      expect(marker).toHaveClass('visually-hidden')
    }
    expect(visibleText(cookies.querySelector('p[data-block-status]')!)).toBe(
      'Un témoin temporaire est nécessairerequis.',
    )
  })

  it('sees a new section marked as inserted as a whole, its lists nested as published', () => {
    renderIn('en', <ComparisonView {...viewProps('en')} />)
    const added = section('learn-more')
    expect(within(added).getByRole('heading', {level: 2})).toHaveTextContent('To learn more')
    expect(within(added).getByText('Added')).toBeInTheDocument()
    const insertion = added.querySelector('ins')!
    expect(added.querySelectorAll('ins')).toHaveLength(1)
    expect(insertion.textContent).toMatch(/^start of insertion Consult:/)
    expect(insertion.textContent).toMatch(/end of insertion$/)
    const nested = within(insertion).getByText('in particular its section 53.').closest('ul')
    expect(nested?.parentElement?.closest('li')).toHaveTextContent(/^the Act/)
  })

  it('sees a section removed when comparing the other way round, with a note on the direction', () => {
    renderIn('en', <ComparisonView {...viewProps('en', true)} />)
    expect(screen.getByRole('heading', {level: 1})).toHaveTextContent(
      'Changes from version 8 to version 7',
    )
    expect(screen.getByRole('note')).toHaveTextContent('Version 8 is later than version 7')
    expect(screen.getByRole('link', {name: 'Compare in publication order'})).toHaveAttribute(
      'href',
      '/en/compare?from=7&to=8',
    )
    const removed = section('learn-more')
    expect(within(removed).getByText('Removed')).toBeInTheDocument()
    expect(removed.querySelectorAll('del')).toHaveLength(1)
    expect(removed.querySelector('del')?.textContent).toMatch(/^start of deletion Consult:/)
    expect(screen.getByRole('region', {name: 'Summary of changes'})).toHaveTextContent(
      '1 section removed',
    )
  })

  it('is told when a link now leads elsewhere, though its words did not change', () => {
    renderIn('en', <ComparisonView {...viewProps('en')} />)
    const links = section('links-to-other-sites')
    const changes = within(links).getByRole('list', {name: 'Link changes'})
    expect(changes).toHaveTextContent(
      '“Commission” now leads to https://www.cai.gouv.qc.ca/en/ (formerly https://www.cai.gouv.qc.ca/english/).',
    )
  })

  it('lists the links to other sites added and removed in the language read', () => {
    renderIn('en', <ComparisonView {...viewProps('en')} />)
    const outbound = screen.getByRole('region', {name: 'Links to other sites added or removed'})
    const added = within(outbound).getByRole('list', {name: 'Links added'})
    expect(
      within(added)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('strong')?.textContent),
    ).toEqual(['www.cai.gouv.qc.ca', 'www.legisquebec.gouv.qc.ca'])
    // An added address can be checked by following it; it opens in a new window.
    expect(
      within(added).getByRole('link', {name: /legisquebec\.gouv\.qc\.ca\/en\/document/}),
    ).toHaveAttribute('target', '_blank')
    expect(within(added).getAllByRole('link', {name: /in “To learn more”/})[0]).toHaveAttribute(
      'href',
      '#learn-more',
    )
    // A removed address is shown, not linked.
    const removed = within(outbound).getByRole('list', {name: 'Link removed'})
    expect(removed).toHaveTextContent('https://www.cai.gouv.qc.ca/english/')
    expect(within(removed).queryByRole('link', {name: /cai\.gouv/})).not.toBeInTheDocument()
  })

  it('finds sections unchanged in this language folded away, with a way to the other language', () => {
    renderIn('en', <ComparisonView {...viewProps('en')} />)
    const cookies = section('cookies')
    // Version 8 only reworded the French text of this section.
    expect(cookies).toHaveTextContent(
      'The English text of this section did not change; its French text did.',
    )
    expect(
      within(cookies).getByRole('link', {name: 'See the changes to the French text'}),
    ).toHaveAttribute('href', '/en/compare?from=7&to=8&lang=fr#cookies')
    const details = cookies.querySelector('details')!
    expect(details).not.toHaveAttribute('open')
    expect(within(details).getByText('Show the unchanged text').tagName).toBe('SUMMARY')
    expect(details).toHaveTextContent('A temporary cookie is required.')
    expect(cookies.querySelector('ins, del')).toBeNull()
  })

  it('switches the language of the compared text with a plain link', () => {
    renderIn('fr', <ComparisonView {...viewProps('fr')} />)
    expect(screen.getByText(/Changements du texte français\./)).toBeInTheDocument()
    expect(screen.getByTestId('compare-other-language')).toHaveAttribute(
      'href',
      '/en/compare?from=7&to=8&lang=en',
    )
    expect(screen.getByTestId('compare-other-language')).toHaveTextContent(
      'Voir les changements du texte anglais',
    )
    // The compared text is marked as French; the page's own words need no mark.
    expect(section('cookies')).not.toHaveAttribute('lang')
    expect(section('cookies').querySelector('h2')).toHaveAttribute('lang', 'fr')
  })

  it('picks any two other versions with a form that works without JavaScript', () => {
    renderIn('en', <ComparisonView {...viewProps('en')} />)
    const form = screen.getByRole('form', {name: 'Compare two other versions'})
    expect(form).toHaveAttribute('method', 'get')
    expect(form).toHaveAttribute('action', '/en/compare')
    expect(within(form).getByRole('combobox', {name: 'From version'})).toHaveValue('7')
    expect(within(form).getByRole('combobox', {name: 'To version'})).toHaveValue('8')
    expect(within(form).getAllByRole('option', {name: 'Version 8 (October 1, 2026)'})).toHaveLength(
      2,
    )
    expect(screen.getByRole('link', {name: /subscribe to the news feed/})).toHaveAttribute(
      'href',
      '/en/feed.xml',
    )
  })
})

describe('a reviewer comparing versions that differ little', () => {
  it('sees a section that only changed place as moved, its text folded away', () => {
    const reordered = structuredClone(sampleVersion())
    reordered.sections.reverse()
    renderIn(
      'en',
      <ComparisonView
        {...viewProps('en')}
        comparison={comparePolicies(sampleVersion(), reordered, {siteHosts: []})}
      />,
    )
    // Of two sections swapped, one is said to have moved, whichever version comes first.
    const moved = section('links-to-other-sites')
    expect(visibleText(moved.querySelector('p')!)).toBe(
      'Moved From section 2 in version 7 to section 1 in version 8.',
    )
    expect(within(section('cookies')).getByText('Unchanged')).toBeInTheDocument()
    expect(moved.querySelector('details')).not.toHaveAttribute('open')
    expect(moved.querySelector('ins, del')).toBeNull()
    expect(screen.getByTestId('compare-counts')).toHaveTextContent('1 section moved')
  })

  it('is told when two versions have exactly the same text', () => {
    renderIn(
      'fr',
      <ComparisonView
        {...viewProps('fr')}
        comparison={comparePolicies(sampleVersion(), sampleVersion(), {siteHosts: []})}
      />,
    )
    expect(screen.getByText('Les deux versions ont exactement le même texte.')).toBeInTheDocument()
    expect(screen.getByTestId('compare-counts')).toHaveTextContent('2 sections inchangées')
    expect(
      screen.getByText(
        'Aucun lien vers un autre site n’a été ajouté ni supprimé dans le texte français.',
      ),
    ).toBeInTheDocument()
    expect(document.querySelector('ins, del')).toBeNull()
  })
})

describe('a reader asking for a comparison that cannot be made', () => {
  it('is told why, in their language, and offered the versions that can be compared', () => {
    renderIn(
      'fr',
      <CompareProblem
        title="Choisissez deux versions à comparer"
        message="La version 2 ne peut pas être comparée à elle-même : choisissez deux versions différentes."
        picker={{
          action: '/fr/politique-de-confidentialite/comparer',
          versions: [
            {number: 2, effectiveDate: '2026-10-01'},
            {number: 1, effectiveDate: '2016-03-01'},
          ],
          to: 2,
        }}
        historyHref="/fr/politique-de-confidentialite/historique"
      />,
    )
    expect(screen.getByRole('heading', {level: 1})).toHaveTextContent(
      'Choisissez deux versions à comparer',
    )
    expect(screen.getByText(/ne peut pas être comparée à elle-même/)).toBeInTheDocument()
    const form = screen.getByRole('form', {name: 'Choisir les versions'})
    expect(within(form).getByRole('combobox', {name: 'De la version'})).toHaveValue('1')
    expect(within(form).getByRole('combobox', {name: 'À la version'})).toHaveValue('2')
    expect(
      within(form).getByRole('option', {name: 'Version 1 (1er mars 2016)', selected: true}),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', {name: 'Voir l’historique des versions'})).toHaveAttribute(
      'href',
      '/fr/politique-de-confidentialite/historique',
    )
  })
})
