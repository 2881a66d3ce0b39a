import {useTranslations} from 'next-intl'
import styles from './Redline.module.css'
import {VersionPicker, type VersionPickerProps} from './VersionPicker'

interface CompareProblemProps {
  title: string
  message: string
  picker: Omit<VersionPickerProps, 'title'>
  historyHref: string
}

/** Why these versions cannot be compared, and a way to pick two that can. */
export function CompareProblem({title, message, picker, historyHref}: CompareProblemProps) {
  const t = useTranslations('Compare')
  return (
    <div className={`message-page ${styles.problem}`}>
      <h1>{title}</h1>
      <p>{message}</p>
      <VersionPicker {...picker} title={t('pickerChoose')} />
      <p>
        <a href={historyHref}>{t('history')}</a>
      </p>
    </div>
  )
}
