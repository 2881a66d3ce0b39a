import {useTranslations} from 'next-intl'
import {PolicyLink} from '@/components/PolicyLink'
import type {OutboundLink} from '@/lib/links'
import type {Language} from '@/lib/policy/types'
import {FRONT_MATTER_ID} from './FrontMatterRedline'
import styles from './Redline.module.css'

interface OutboundLinkChangesProps {
  added: readonly OutboundLink[]
  removed: readonly OutboundLink[]
  /** The language of the text compared: only its links are listed. */
  language: Language
  /** Section titles by key, in that language. */
  sectionTitles: ReadonlyMap<string, string>
}

function Entry({
  link,
  live,
  sectionTitle,
}: {
  link: OutboundLink
  live: boolean
  sectionTitle: string
}) {
  const t = useTranslations('Compare')
  const anchor = link.sectionKey ?? FRONT_MATTER_ID
  return (
    <li>
      <strong className={styles.host}>{link.displayHost}</strong>{' '}
      {/* A removed address may no longer be safe to visit: it is shown, not linked. */}
      {live ? (
        <PolicyLink href={link.url}>{link.url}</PolicyLink>
      ) : (
        <code className={styles.address}>{link.url}</code>
      )}{' '}
      {t.rich('outboundText', {
        text: link.text,
        words: (chunks) => <span lang={link.language}>{chunks}</span>,
      })}{' '}
      <a href={`#${encodeURIComponent(anchor)}`}>{t('outboundIn', {section: sectionTitle})}</a>
    </li>
  )
}

/**
 * Links to other sites that one version has and the other has not: the sites a reader is sent to
 * are part of what legal signs off.
 */
export function OutboundLinkChanges({
  added,
  removed,
  language,
  sectionTitles,
}: OutboundLinkChangesProps) {
  const t = useTranslations('Compare')
  const languageName = t(`languages.${language}`)
  const inLanguage = (links: readonly OutboundLink[]) =>
    links.filter((link) => link.language === language)
  const groups = [
    {id: 'compare-outbound-added', links: inLanguage(added), live: true, title: 'outboundAdded'},
    {
      id: 'compare-outbound-removed',
      links: inLanguage(removed),
      live: false,
      title: 'outboundRemoved',
    },
  ] as const
  const titleOf = (link: OutboundLink) =>
    (link.sectionKey === null ? undefined : sectionTitles.get(link.sectionKey)) ?? t('introduction')

  return (
    <section className={styles.outbound} aria-labelledby="compare-outbound-title">
      <h2 id="compare-outbound-title">{t('outboundTitle')}</h2>
      {groups.every((group) => group.links.length === 0) ? (
        <p>{t('outboundNone', {language: languageName})}</p>
      ) : (
        <>
          <p>{t('outboundIntro', {language: languageName})}</p>
          {groups
            .filter((group) => group.links.length > 0)
            .map((group) => (
              <div key={group.id} data-testid={group.id}>
                <h3 id={group.id}>{t(group.title, {count: group.links.length})}</h3>
                <ul aria-labelledby={group.id}>
                  {group.links.map((link, i) => (
                    <Entry key={i} link={link} live={group.live} sectionTitle={titleOf(link)} />
                  ))}
                </ul>
              </div>
            ))}
        </>
      )}
    </section>
  )
}
