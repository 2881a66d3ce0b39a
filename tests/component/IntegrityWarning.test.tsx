import {screen} from '@testing-library/react'
import {describe, expect, it} from 'vitest'
import {IntegrityWarning} from '@/components/IntegrityWarning'
import type {VersionVerification} from '@/lib/policy/verification'
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

describe('the integrity warning', () => {
  it('says nothing about versions that verify', () => {
    renderIn('en', <IntegrityWarning verifications={[verified, undefined]} missing={[]} />)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('tells a French reader which version does not verify, and why, in plain words', () => {
    renderIn('fr', <IntegrityWarning verifications={[rehashed]} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('Avertissement d’intégrité')
    expect(alert).toHaveTextContent('La version 2 ne se vérifie pas')
    expect(alert).toHaveTextContent('La signature de son approbation ne se vérifie pas')
    expect(screen.getAllByRole('listitem')).toHaveLength(2)
  })

  it('tells an English reader that versions are missing from the history', () => {
    renderIn('en', <IntegrityWarning missing={[1, 3]} />)
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Versions 1, 3 are missing from the published history',
    )
  })
})
