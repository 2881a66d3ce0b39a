import {useTranslations} from 'next-intl'
import {sectionHref} from './sectionAddress'

export interface TocEntry {
  key: string
  title: string
}

/** The linked list of sections, generated from the sections themselves so it cannot drift. */
export function TableOfContents({entries}: {entries: TocEntry[]}) {
  const t = useTranslations('Policy')
  return (
    <nav className="toc" aria-labelledby="toc-title">
      <h2 id="toc-title" className="toc__title">
        {t('tableOfContents')}
      </h2>
      <ol className="toc__list">
        {entries.map((entry) => (
          <li key={entry.key}>
            <a href={sectionHref(entry.key)}>{entry.title}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
