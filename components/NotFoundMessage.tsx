import {useTranslations} from 'next-intl'
import {Link} from '@/i18n/navigation'

export function NotFoundMessage() {
  const t = useTranslations('NotFound')
  return (
    <div className="message-page">
      <title>{t('metaTitle')}</title>
      <h1>{t('title')}</h1>
      <p>{t('description')}</p>
      <p>
        <Link href="/privacy-policy">{t('backToPolicy')}</Link>
      </p>
    </div>
  )
}
