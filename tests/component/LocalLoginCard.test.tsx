import {render, screen, within} from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {studioLocaleStorageKey} from '@/sanity/studio/i18n/locales'
import {LocalLoginCard} from '@/sanity/studio/LocalLoginCard'

const LAKE = 'https://local.localhost:3334'

function renderCard() {
  return render(<LocalLoginCard apiOrigin={LAKE} apiVersion="2025-02-19" projectId="local" />)
}

afterEach(() => {
  window.localStorage.clear()
  vi.unstubAllGlobals()
})

describe('the local login page', () => {
  it('speaks French to someone who has not chosen, and English once they choose it, keeping the choice for the Studio', async () => {
    const user = userEvent.setup()
    renderCard()

    expect(screen.getByRole('heading', {name: 'Connexion au Studio'})).toBeInTheDocument()
    expect(document.title).toBe('Connexion · Studio · Politique de confidentialité')
    expect(document.documentElement.lang).toBe('fr-CA')
    const languages = screen.getByRole('group', {name: 'Langue du Studio'})
    expect(within(languages).getByRole('button', {name: 'Français'})).toHaveAttribute(
      'aria-pressed',
      'true',
    )

    await user.click(within(languages).getByRole('button', {name: 'English'}))

    expect(screen.getByRole('heading', {name: 'Log in to the Studio'})).toBeInTheDocument()
    expect(screen.getByLabelText('Access token')).toBeInTheDocument()
    expect(document.title).toBe('Log in · Studio · Privacy policy')
    expect(document.documentElement.lang).toBe('en')
    // Where the Studio itself looks for the person's language.
    expect(window.localStorage.getItem(studioLocaleStorageKey('local'))).toBe('en-US')
  })

  it('follows a choice made in the Studio, and explains an unreachable server with a link to it', async () => {
    window.localStorage.setItem(studioLocaleStorageKey('local'), 'en-US')
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    const user = userEvent.setup()
    renderCard()

    expect(screen.getByRole('heading', {name: 'Log in to the Studio'})).toBeInTheDocument()
    expect(screen.getByText('npm start', {selector: 'code'})).toBeInTheDocument()

    await user.type(screen.getByLabelText('Access token'), `sk${'0'.repeat(62)}`)
    await user.click(screen.getByRole('button', {name: 'Log in'}))

    const problem = await screen.findByRole('alert')
    expect(problem).toHaveTextContent(
      'This browser cannot reach the local content server. Open https://local.localhost:3334 once',
    )
    expect(within(problem).getByRole('link', {name: LAKE})).toHaveAttribute('href', `${LAKE}/`)

    await user.click(screen.getByRole('button', {name: 'Français'}))
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Ce navigateur ne peut pas joindre le serveur de contenu local.',
    )
  })
})
