import {useTranslations} from 'next-intl'
import {Link} from '@/i18n/navigation'
import {LOCALE_COOKIE} from '@/i18n/routing'
import {HeaderHeight} from './HeaderHeight'
import {LanguageSwitcher, type LanguageOption} from './LanguageSwitcher'

const HEADER_ID = 'top'

/**
 * The top of every public page: skip link, site navigation and the language switcher, on one
 * line at any width (on a phone the navigation's links take their short labels).
 */
export function SiteHeader({languages}: {languages: LanguageOption[]}) {
  const t = useTranslations('Site')
  const tl = useTranslations('LanguageSwitcher')
  return (
    <header className="site-header" id={HEADER_ID}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div className="site-header__inner">
        <nav aria-label={t('mainNavigation')} className="site-nav">
          <ul>
            <li>
              <Link href="/privacy-policy">
                <span className="site-nav__long">{t('currentPolicy')}</span>
                <span className="site-nav__short">{t('currentPolicyShort')}</span>
              </Link>
            </li>
            <li>
              <Link href="/privacy-policy/history">
                <span className="site-nav__long">{t('history')}</span>
                <span className="site-nav__short">{t('historyShort')}</span>
              </Link>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher label={tl('label')} options={languages} cookie={LOCALE_COOKIE} />
      </div>
      <HeaderHeight headerId={HEADER_ID} />
    </header>
  )
}
