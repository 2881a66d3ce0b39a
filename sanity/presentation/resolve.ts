import {map} from 'rxjs'
import {
  defineDocuments,
  type DocumentLocation,
  type DocumentLocationResolver,
  type DocumentLocationsState,
} from 'sanity/presentation'
import {routing, type Locale} from '../../i18n/routing'
import {draftId, publishedId} from '../../lib/policy/documentIds'
import type {SECTION_LOCATION_QUERY_RESULT, VERSION_LOCATION_QUERY_RESULT} from '../../sanity.types'
import {
  POLICY_DOCUMENTS_LISTEN,
  SECTION_LOCATION_QUERY,
  VERSION_LOCATION_QUERY,
} from '../lib/queries'
import {asDomain} from '../lib/queryResult'
import {inStartLanguage} from '../studio/i18n'
import {policyPath, versionPath, versionPreviewPath} from './routes'

/**
 * How the Studio's Presentation tool relates documents and pages: where each document shows on
 * the site (listed on the document as "Used on…"), and which document a previewed page is about.
 */

function perLanguage(
  location: (locale: Locale) => {title?: string | null; href: string},
): DocumentLocation[] {
  return routing.locales.map((locale) => {
    const {title, href} = location(locale)
    return {
      title: inStartLanguage('presentation.location', {
        title: title || inStartLanguage('presentation.location.untitled'),
        language: inStartLanguage(`schema.language.${locale}`),
      }),
      href,
    }
  })
}

interface SectionState {
  section: {fr: string | null; en: string | null; key: string | null} | null
  listed: boolean
}

interface VersionState {
  status?: 'candidate' | 'approved' | 'published'
  number?: number
}

function sectionLocations({section, listed}: SectionState): DocumentLocationsState {
  if (!section) return {message: inStartLanguage('presentation.section.not-saved'), tone: 'caution'}
  if (!listed) {
    return {
      message: inStartLanguage('presentation.section.not-in-policy'),
      tone: 'caution',
    }
  }
  const anchor = section.key ? `#${section.key}` : ''
  return {
    locations: perLanguage((locale) => ({
      title: section[locale],
      href: `${policyPath(locale)}${anchor}`,
    })),
  }
}

function versionLocations(id: string, version: VersionState | null): DocumentLocationsState | null {
  if (!version) return null
  if (version.status === 'published' && typeof version.number === 'number') {
    const number = version.number
    return {
      locations: perLanguage((locale) => ({
        title: inStartLanguage('presentation.version.published', {number}),
        href: versionPath(locale, number),
      })),
    }
  }
  return {
    locations: perLanguage((locale) => ({
      title: inStartLanguage(
        version.status === 'approved'
          ? 'presentation.version.approved'
          : 'presentation.version.candidate',
      ),
      href: versionPreviewPath(locale, id),
    })),
    message: inStartLanguage('presentation.version.preview-only'),
    tone: 'caution',
  }
}

export const locations: DocumentLocationResolver = ({id: anyId, type}, {documentStore}) => {
  const id = publishedId(anyId)
  const params = {id, draftId: draftId(id)}
  const listen = (fetch: string) =>
    documentStore.listenQuery({fetch, listen: POLICY_DOCUMENTS_LISTEN}, params, {
      perspective: 'raw',
      tag: 'presentation.locations',
    })

  switch (type) {
    case 'policy':
      return {
        locations: perLanguage((locale) => ({
          title: inStartLanguage('schema.policy.title'),
          href: policyPath(locale),
        })),
      }
    case 'policySection':
      return listen(SECTION_LOCATION_QUERY).pipe(
        map((result: SECTION_LOCATION_QUERY_RESULT) => sectionLocations(asDomain(result))),
      )
    case 'policyVersion':
      return listen(VERSION_LOCATION_QUERY).pipe(
        map((result: VERSION_LOCATION_QUERY_RESULT) => versionLocations(id, asDomain(result))),
      )
    default:
      return null
  }
}

export const mainDocuments = defineDocuments([
  {route: routing.locales.map(policyPath), type: 'policy'},
  {
    route: '/:locale/privacy-policy/preview/:id',
    filter: `_type == "policyVersion" && _id == $id`,
  },
  {
    route: routing.locales.map((locale) => versionPath(locale, ':number')),
    filter: `_type == "policyVersion" && status == "published" && string(number) == $number`,
  },
])
