import {useTranslations} from 'next-intl'
import {ExternalLinkIcon} from './ExternalLinkIcon'

/** Explains, once per page and in the reader's language, what the outbound-link flag means. */
export function ExternalLinkLegend() {
  const t = useTranslations('Links')
  return (
    // A note inside the section it explains, not a page-level landmark.
    <div className="link-legend" role="note" aria-labelledby="link-legend-title">
      <h3 id="link-legend-title" className="link-legend__title">
        <ExternalLinkIcon /> {t('legendTitle')}
      </h3>
      <p>{t('legend')}</p>
    </div>
  )
}
