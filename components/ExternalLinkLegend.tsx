import {useTranslations} from 'next-intl'
import {ExternalLinkIcon} from './ExternalLinkIcon'

/** Explains, once per page and in the reader's language, what the outbound-link flag means. */
export function ExternalLinkLegend() {
  const t = useTranslations('Links')
  return (
    <aside className="link-legend" aria-labelledby="link-legend-title">
      <h3 id="link-legend-title" className="link-legend__title">
        <ExternalLinkIcon /> {t('legendTitle')}
      </h3>
      <p>{t('legend')}</p>
    </aside>
  )
}
