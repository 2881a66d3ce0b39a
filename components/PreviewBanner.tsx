import {useTranslations} from 'next-intl'
import {useDateFormats} from './formatDates'
import styles from './PreviewBanner.module.css'

/**
 * What is being previewed: the working documents, a version not yet published, or (while preview
 * is on) a published version, which reads the same for everyone.
 */
export type PreviewSubject =
  | {
      kind: 'working'
      /** Drafts, or (when the Studio asks for it) the published documents alone. */
      perspective: 'drafts' | 'published'
      missingSections: number
    }
  | {kind: 'version'; status: 'candidate' | 'approved'; effectiveDate?: string}
  | {kind: 'published'}

interface PreviewBannerProps {
  subject: PreviewSubject
  /** The address that turns preview off (a plain link: a prefetch would turn it off). */
  leaveHref: string
}

/** Tells an editor that the page shows unpublished content (or that preview is on), with the way out. */
export function PreviewBanner({subject, leaveHref}: PreviewBannerProps) {
  const t = useTranslations('Preview')
  const dates = useDateFormats()
  const title = t(subject.kind === 'published' ? 'modeTitle' : 'title')

  const details: string[] = []
  if (subject.kind === 'working') {
    details.push(t(subject.perspective === 'drafts' ? 'workingDrafts' : 'publishedDocuments'))
    if (subject.missingSections > 0) {
      details.push(t('missingSections', {count: subject.missingSections}))
    }
  } else if (subject.kind === 'published') {
    details.push(t('publishedVersion'))
  } else {
    details.push(t(subject.status))
    if (subject.effectiveDate) {
      details.push(t('proposedDate', {date: dates.calendar(subject.effectiveDate)}))
    }
  }

  return (
    <div className={styles.banner} role="note" aria-label={title} data-preview-banner>
      <p className={styles.title}>{title}</p>
      {details.map((detail) => (
        <p key={detail}>{detail}</p>
      ))}
      <p>
        <a className={styles.leave} href={leaveHref}>
          {t('leave')}
        </a>
      </p>
    </div>
  )
}
