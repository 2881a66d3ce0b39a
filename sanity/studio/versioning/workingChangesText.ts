import {useMemo} from 'react'
import {useListFormat} from 'sanity'
import type {Language, Localized} from '../../../lib/policy/types'
import type {SectionChange, WorkingChanges} from '../../../lib/policy/workflow'
import {useVersioningT} from './useVersioning'

/**
 * What the next version would change, in the person's language: in short for a button ("2
 * sections changed, sections reordered"), in full for its tooltip (which sections, by title), and
 * for one section ("Changed since version 3").
 */
export function useWorkingChangesText() {
  const t = useVersioningT()
  const short = useListFormat({type: 'conjunction', style: 'narrow'})
  const long = useListFormat({type: 'conjunction', style: 'long'})
  return useMemo(() => {
    const first: Language = t('section.titleLanguage') === 'fr' ? 'fr' : 'en'
    const titleOf = (key: string, title: Localized<string>) =>
      title[first].trim() || title[first === 'fr' ? 'en' : 'fr'].trim() || `#${key}`
    const policyParts = (changes: WorkingChanges) => [
      ...(changes.frontMatter ? [t('changes.frontMatter')] : []),
      ...(changes.order ? [t('changes.order')] : []),
    ]
    return {
      /** "2 sections changed, title or introduction changed". */
      summary: (changes: WorkingChanges) =>
        short.format([
          ...(changes.changes.length > 0
            ? [t('changes.sections', {count: changes.changes.length})]
            : []),
          ...policyParts(changes),
        ]),
      /** Each change, sections by title: "“Cookies” changed, “Contact us” added and …". */
      details: (changes: WorkingChanges) =>
        long.format([
          ...changes.changes.map(({key, change, title}) =>
            t(`changes.section.${change}`, {title: titleOf(key, title)}),
          ),
          ...policyParts(changes),
        ]),
      /** How one section stands: "Changed since version 3". */
      section: (change: SectionChange['change'], since: number) =>
        t(`sectionChange.${change}`, {number: since}),
    }
  }, [t, short, long])
}
