import {useTranslations} from 'next-intl'
import type {ReactNode} from 'react'
import type {LanguageOption} from './LanguageSwitcher'
import {SiteHeader} from './SiteHeader'

/** Landmarks shared by every public page: header, one main region, footer. */
export function PageShell({
  languages,
  children,
}: {
  languages: LanguageOption[]
  children: ReactNode
}) {
  const t = useTranslations('Site')
  return (
    <>
      <SiteHeader languages={languages} />
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('footer')}</p>
      </footer>
    </>
  )
}
