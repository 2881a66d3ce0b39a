import {screen} from '@testing-library/react'
import {describe, expect, it} from 'vitest'
import {IntegrityWarning} from '@/components/IntegrityWarning'
import {renderIn} from './render'

describe('the integrity warning', () => {
  it('says nothing about a verified version', () => {
    renderIn('en', <IntegrityWarning status="verified" />)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('alerts a French reader that a published version was changed after approval', () => {
    renderIn('fr', <IntegrityWarning status="content-changed" />)
    expect(screen.getByRole('alert')).toHaveTextContent('Avertissement d’intégrité')
    expect(screen.getByRole('alert')).toHaveTextContent('ne correspond plus à l’empreinte')
  })

  it('alerts an English reader that the approval covers other content', () => {
    renderIn('en', <IntegrityWarning status="approval-mismatch" />)
    expect(screen.getByRole('alert')).toHaveTextContent('approval was given for other content')
  })
})
