import {screen, within} from '@testing-library/react'
import {describe, expect, it} from 'vitest'
import {UpcomingVersionsNotice} from '@/components/UpcomingVersionsNotice'
import {renderIn} from './render'

const published = [
  {number: 1, effectiveDate: '2016-03-01', changeSummary: null},
  {number: 2, effectiveDate: '2026-10-01', changeSummary: {fr: 'Corrections.', en: 'Corrections.'}},
  {
    number: 3,
    effectiveDate: '2027-03-01',
    changeSummary: {
      fr: 'Nouvelle section sur la personne responsable.',
      en: 'New section on the person in charge.',
    },
  },
]

describe('the notice of an upcoming version', () => {
  it('tells an English reader of the version in force when version 3 comes and what changes', () => {
    renderIn(
      'en',
      <UpcomingVersionsNotice published={published} today="2026-12-01" language="en" />,
    )
    const notice = screen.getByRole('note', {name: 'Upcoming changes to this policy'})
    expect(notice).toHaveTextContent('Version 3 of this policy comes into force on March 1, 2027.')
    expect(notice).toHaveTextContent('What changes: New section on the person in charge.')
    expect(
      within(notice).getByRole('link', {name: 'See the changes from the version in force'}),
    ).toHaveAttribute('href', '/en/privacy-policy/compare?from=2&to=3')
    expect(within(notice).getByRole('link', {name: 'Read version 3'})).toHaveAttribute(
      'href',
      '/en/privacy-policy/versions/3',
    )
  })

  it('tells a French reader in French, the date written as Québec writes it', () => {
    renderIn(
      'fr',
      <UpcomingVersionsNotice published={published} today="2026-12-01" language="fr" />,
    )
    const notice = screen.getByRole('note', {
      name: 'Modifications à venir de la présente politique',
    })
    expect(notice).toHaveTextContent(
      'La version 3 de la présente politique entrera en vigueur le 1er mars 2027.',
    )
    expect(notice).toHaveTextContent(
      'Ce qui change : Nouvelle section sur la personne responsable.',
    )
    expect(
      within(notice).getByRole('link', {
        name: 'Voir les changements par rapport à la version en vigueur',
      }),
    ).toHaveAttribute('href', '/fr/politique-de-confidentialite/comparer?from=2&to=3')
  })

  it('says nothing once the day has come, nor when no version is to come', () => {
    renderIn(
      'en',
      <UpcomingVersionsNotice published={published} today="2027-03-01" language="en" />,
    )
    expect(screen.queryByRole('note')).not.toBeInTheDocument()
  })
})
