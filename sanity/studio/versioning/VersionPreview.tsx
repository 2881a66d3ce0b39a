import type {PreviewProps} from 'sanity'
import {organisationToday} from '../../../lib/policy/dates'
import {useDateFormats} from './useComparison'
import {useOpenCandidateStaleness, useVersioningT} from './useVersioning'

/**
 * A version in the Studio's lists: "Version 2 · Published · in force from…", or "Candidate for
 * version 3 · …", saying when it is upcoming and when a candidate no longer matches the working
 * text. The schema's `prepare` gives the number (as the title), the status (as the subtitle) and
 * the effective date (as the description); this draws them in the person's language.
 */
export function VersionPreview(props: PreviewProps) {
  const t = useVersioningT()
  const dates = useDateFormats()
  const status = typeof props.subtitle === 'string' ? props.subtitle : undefined
  const open = status === 'candidate' || status === 'approved'
  const staleness = useOpenCandidateStaleness(open)
  const number = typeof props.title === 'string' ? /(\d+)$/.exec(props.title)?.[1] : undefined
  const date = typeof props.description === 'string' ? props.description : undefined
  if (!status) return props.renderDefault(props)

  const when = date
    ? open
      ? t('preview.proposedFor', {date: dates.calendar(date)})
      : date > organisationToday()
        ? t('preview.upcoming', {date: dates.calendar(date)})
        : t('preview.inForceFrom', {date: dates.calendar(date)})
    : undefined
  const subtitle = [
    t(`status.${status}`),
    when,
    open && staleness?.stale ? t('preview.stale', {sections: staleness.summary}) : undefined,
  ]
    .filter(Boolean)
    .join(' · ')
  return props.renderDefault({
    ...props,
    title: number ? t(open ? 'preview.candidate' : 'preview.version', {number}) : props.title,
    subtitle,
    description: undefined,
  })
}
