import {screen, within} from '@testing-library/react'
import {describe, expect, it} from 'vitest'
import {PreviewBanner} from '@/components/PreviewBanner'
import {leavePreviewHref} from '@/sanity/presentation/routes'
import {renderIn} from './render'

describe('the preview banner', () => {
  it('tells a French editor the drafts are not published and how to leave the preview', () => {
    renderIn(
      'fr',
      <PreviewBanner
        subject={{kind: 'working', perspective: 'drafts', missingSections: 0}}
        leaveHref={leavePreviewHref('/fr/politique-de-confidentialite')}
      />,
    )

    const banner = screen.getByRole('note', {name: 'Aperçu — non publié'})
    expect(banner).toHaveTextContent('Aperçu — non publié')
    expect(banner).toHaveTextContent('brouillons de travail')
    expect(banner).toHaveTextContent('Les lecteurs voient toujours la version en vigueur.')
    const leave = within(banner).getByRole('link', {name: 'Quitter l’aperçu'})
    expect(leave).toHaveAttribute(
      'href',
      '/api/draft-mode/disable?redirect=%2Ffr%2Fpolitique-de-confidentialite',
    )
  })

  it('tells an English editor the same, in English, and names sections that cannot be found', () => {
    renderIn(
      'en',
      <PreviewBanner
        subject={{kind: 'working', perspective: 'drafts', missingSections: 2}}
        leaveHref={leavePreviewHref('/en/privacy-policy')}
      />,
    )

    const banner = screen.getByRole('note', {name: 'Preview, not published'})
    expect(banner).toHaveTextContent('You are reading the working drafts')
    expect(banner).toHaveTextContent('2 sections the policy lists cannot be found')
    expect(within(banner).getByRole('link', {name: 'Leave preview'})).toHaveAttribute(
      'href',
      '/api/draft-mode/disable?redirect=%2Fen%2Fprivacy-policy',
    )
  })

  it('says when the Studio shows the published documents rather than the drafts', () => {
    renderIn(
      'en',
      <PreviewBanner
        subject={{kind: 'working', perspective: 'published', missingSections: 0}}
        leaveHref={leavePreviewHref('/en/privacy-policy')}
      />,
    )

    const banner = screen.getByRole('note', {name: 'Preview, not published'})
    expect(banner).toHaveTextContent('published documents as the next version would freeze them')
    expect(banner).not.toHaveTextContent('working drafts')
  })

  it('presents a candidate version to a French editor as awaiting legal approval, with its planned date', () => {
    renderIn(
      'fr',
      <PreviewBanner
        subject={{kind: 'version', status: 'candidate', effectiveDate: '2027-01-01'}}
        leaveHref={leavePreviewHref('/fr/politique-de-confidentialite')}
      />,
    )

    const banner = screen.getByRole('note', {name: 'Aperçu — non publié'})
    expect(banner).toHaveTextContent('Version candidate, en attente de l’approbation juridique.')
    expect(banner).toHaveTextContent('Date d’entrée en vigueur prévue : 1er janvier 2027.')
  })

  it('presents an approved version to an English editor as ready to publish', () => {
    renderIn(
      'en',
      <PreviewBanner
        subject={{kind: 'version', status: 'approved'}}
        leaveHref={leavePreviewHref('/en/privacy-policy')}
      />,
    )

    const banner = screen.getByRole('note', {name: 'Preview, not published'})
    expect(banner).toHaveTextContent('Version approved by legal, ready to publish.')
    expect(banner).not.toHaveTextContent('Planned effective date')
  })

  it('reminds an editor reading a published version that preview is on, without calling it unpublished', () => {
    renderIn(
      'fr',
      <PreviewBanner
        subject={{kind: 'published'}}
        leaveHref={leavePreviewHref('/fr/politique-de-confidentialite/versions/2')}
      />,
    )

    const banner = screen.getByRole('note', {name: 'Mode aperçu'})
    expect(banner).toHaveTextContent('Cette version est publiée')
    expect(banner).not.toHaveTextContent('non publié')
    expect(within(banner).getByRole('link', {name: 'Quitter l’aperçu'})).toHaveAttribute(
      'href',
      '/api/draft-mode/disable?redirect=%2Ffr%2Fpolitique-de-confidentialite%2Fversions%2F2',
    )
  })
})
