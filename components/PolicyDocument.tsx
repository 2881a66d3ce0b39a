import {useTranslations} from 'next-intl'
import type {VersionPeriod} from '@/lib/policy/periods'
import type {Language, PolicyVersion} from '@/lib/policy/types'
import {ExternalLinkLegend} from './ExternalLinkLegend'
import {useDateFormats} from './formatDates'
import {PeriodText} from './PeriodText'
import {PortableTextBody} from './PortableTextBody'
import {sectionAnchors} from './sectionAddress'
import {TableOfContents} from './TableOfContents'

/** The section that talks about links to other sites: the outbound-link legend sits beside it. */
export const LINKS_SECTION_KEY = 'links-to-other-sites'

/**
 * One version of the policy, in one language: title, dates, contents and sections. A published
 * version states its `period` as the history and its banner do ("In force from … to …"); a
 * preview, which has none yet, its proposed effective date.
 */
export function PolicyDocument({
  version,
  language,
  period,
}: {
  version: PolicyVersion
  language: Language
  period?: VersionPeriod
}) {
  const t = useTranslations('Policy')
  const dates = useDateFormats()
  const hasLinksSection = version.sections.some((section) => section.key === LINKS_SECTION_KEY)

  return (
    <article className="policy" lang={language}>
      <header className="policy__header">
        <h1 className="policy__title">{version.title[language]}</h1>
        <p className="policy__meta">
          {version.number !== undefined && <span>{t('version', {number: version.number})}</span>}
          {period ? (
            <span>
              <PeriodText period={period} />
            </span>
          ) : (
            version.effectiveDate && (
              <span>
                {t('effectiveSince', {
                  date: dates.calendar(version.effectiveDate),
                })}
              </span>
            )
          )}
          {version.publishedAt && (
            <span>
              {t('lastUpdated', {
                date: dates.moment(version.publishedAt),
              })}
            </span>
          )}
        </p>
      </header>

      <div className="policy__introduction">
        <PortableTextBody value={version.introduction?.[language]} />
      </div>

      <TableOfContents
        entries={version.sections.map((section) => ({
          key: section.key,
          title: section.title[language],
        }))}
      />

      {version.sections.map((section) => {
        const anchors = sectionAnchors(section.key)
        return (
          <section key={section.key} className="policy__section" {...anchors.section}>
            <h2 className="policy__section-title" {...anchors.heading}>
              {section.title[language]}
            </h2>
            <PortableTextBody value={section.body[language]} />
            {section.key === LINKS_SECTION_KEY && <ExternalLinkLegend />}
          </section>
        )
      })}
      {!hasLinksSection && <ExternalLinkLegend />}

      <p className="policy__back-to-top">
        <a href="#top">{t('backToTop')}</a>
      </p>
    </article>
  )
}
