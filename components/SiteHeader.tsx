import {useTranslations} from 'next-intl'
import {Link} from '@/i18n/navigation'
import {LOCALE_COOKIE} from '@/i18n/routing'
import {LanguageSwitcher, type LanguageOption} from './LanguageSwitcher'

/** The top of every public page: skip link, site navigation and the language switcher. */
export function SiteHeader({languages}: {languages: LanguageOption[]}) {
  const t = useTranslations('Site')
  const tl = useTranslations('LanguageSwitcher')
  return (
    <header className="site-header" id="top">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div className="site-header__inner">
        <nav aria-label={t('mainNavigation')} className="site-nav">
          <ul>
            <li>
              <Link href="/privacy-policy">{t('currentPolicy')}</Link>
            </li>
            <li>
              <Link href="/privacy-policy/history">{t('history')}</Link>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher label={tl('label')} options={languages} cookie={LOCALE_COOKIE} />
      </div>
    </header>
  )
}
