import {screen} from '@testing-library/react'
import {describe, expect, it} from 'vitest'
import {IntegrityWarning} from '@/components/IntegrityWarning'
import type {HistoryVerification, VersionVerification} from '@/lib/policy/verification'
import {renderIn} from './render'

const verified: VersionVerification = {
  number: 2,
  fingerprint: 'a'.repeat(64),
  recomputed: 'a'.repeat(64),
  verified: true,
  problems: [],
}

const rehashed: VersionVerification = {
  ...verified,
  verified: false,
  problems: [{code: 'approval-signature-invalid'}, {code: 'publication-signature-invalid'}],
}

function history(found: Partial<HistoryVerification>): HistoryVerification {
  return {versions: [verified], missing: [], anomalies: [], verified: false, ...found}
}

describe('the integrity warning', () => {
  it('says nothing when the history verifies', () => {
    renderIn('en', <IntegrityWarning history={history({verified: true})} />)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('tells a French reader which version does not verify, and why, in plain words', () => {
    renderIn('fr', <IntegrityWarning history={history({versions: [rehashed]})} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Avertissement d’intégrité')
    expect(alert).toHaveTextContent('La version 2 ne se vérifie pas')
    expect(alert).toHaveTextContent('La signature de son approbation ne se vérifie pas')
    expect(screen.getAllByRole('listitem')).toHaveLength(2)
  })

  it('tells an English reader that versions are missing from the history', () => {
    renderIn('en', <IntegrityWarning history={history({missing: [1, 3]})} />)
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Versions 1, 3 are missing from the published history',
    )
  })

  it('names every document that poses as a version, and why it is not one', () => {
    renderIn(
      'en',
      <IntegrityWarning
        history={history({
          anomalies: [
            {id: 'version-2.5', reason: 'number'},
            {id: 'x.y', reason: 'id'},
          ],
        })}
      />,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent(
      'The history holds a document that is not a valid version: version-2.5.',
    )
    expect(alert).toHaveTextContent('Its number is not a whole number from 1')
    expect(alert).toHaveTextContent('not a valid version: x.y.')
  })

  it('says in French which version the history was rolled back behind, and when it was published', () => {
    renderIn(
      'fr',
      <IntegrityWarning
        history={history({rollback: {number: 3, publishedAt: '2026-10-01T15:00:00Z'}})}
      />,
    )
    expect(screen.getByRole('alert')).toHaveTextContent(
      'La version 3, publiée le 1er octobre 2026, manque à la source du contenu',
    )
  })
})
