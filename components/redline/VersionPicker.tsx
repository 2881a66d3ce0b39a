import {useTranslations} from 'next-intl'
import {useDateFormats} from '@/components/formatDates'
import styles from './Redline.module.css'

export interface PickableVersion {
  number: number
  effectiveDate: string
}

export interface VersionPickerProps {
  /** The comparison page's address in the reader's language. */
  action: string
  /** Published versions, newest first. */
  versions: readonly PickableVersion[]
  from?: number
  to?: number
  /** The language of the text to compare, when it is not the reader's. */
  lang?: string
  title: string
}

/** Two lists of versions and a button: a plain form, so it works without JavaScript. */
export function VersionPicker({action, versions, from, to, lang, title}: VersionPickerProps) {
  const t = useTranslations('Compare')
  const dates = useDateFormats()
  if (versions.length < 2) return null
  const options = versions.map((version) => (
    <option key={version.number} value={version.number}>
      {t('pickerOption', {number: version.number, date: dates.calendar(version.effectiveDate)})}
    </option>
  ))
  const known = (number: number | undefined) =>
    versions.some((version) => version.number === number) ? number : undefined
  // By default, the newest version against the one before it, never a version against itself.
  const toValue = known(to) ?? versions[0]?.number
  const fromValue =
    known(from) ??
    (
      versions.find((version) => version.number < (toValue ?? 0)) ??
      versions.find((version) => version.number !== toValue)
    )?.number
  return (
    <form
      method="get"
      action={action}
      className={styles.picker}
      aria-labelledby="compare-picker-title"
    >
      <h2 id="compare-picker-title">{title}</h2>
      <div className={styles.pickerFields}>
        <label>
          {t('pickerFrom')}
          <select name="from" defaultValue={fromValue}>
            {options}
          </select>
        </label>
        <label>
          {t('pickerTo')}
          <select name="to" defaultValue={toValue}>
            {options}
          </select>
        </label>
        {lang && <input type="hidden" name="lang" value={lang} />}
        <button type="submit">{t('pickerSubmit')}</button>
      </div>
    </form>
  )
}
