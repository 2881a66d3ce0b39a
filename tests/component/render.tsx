import {render} from '@testing-library/react'
import {NextIntlClientProvider} from 'next-intl'
import type {ReactElement} from 'react'
import en from '@/messages/en.json'
import fr from '@/messages/fr.json'

const messages = {fr, en}

/** Renders a component as the site would for a reader of that language. */
export function renderIn(locale: 'fr' | 'en', ui: ReactElement) {
  return render(
    <NextIntlClientProvider locale={locale} messages={messages[locale]} timeZone="America/Toronto">
      {ui}
    </NextIntlClientProvider>,
  )
}
