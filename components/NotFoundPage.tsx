import {NotFoundMessage} from '@/components/NotFoundMessage'
import {PageShell} from '@/components/PageShell'
import {ResponseStatus} from '@/components/ResponseStatus'
import {languageOptions} from '@/i18n/alternates'
import type {Locale} from '@/i18n/routing'

/**
 * A page that does not exist, in the reader's language, answered with 404. The switcher offers the
 * policy in the other language, since the missing page has no counterpart.
 */
export async function NotFoundPage({locale}: {locale: Locale}) {
  return (
    <PageShell languages={await languageOptions('/privacy-policy', locale)}>
      <ResponseStatus code={404} />
      <meta name="robots" content="noindex" />
      <NotFoundMessage />
    </PageShell>
  )
}
