import {ArchiveIcon} from '@sanity/icons/Archive'
import {
  defineArrayMember,
  defineField,
  defineType,
  type ConditionalPropertyCallbackContext,
} from 'sanity'
import {organisationToday} from '../../../lib/policy/dates'
import {isCalendarDate} from '../../../lib/policy/workflow'
import {StatusInput} from '../../studio/versioning/StatusInput'
import {localizedMessage, versioningLabel} from '../../studio/versioning/TranslatedField'

export const VERSION_STATUSES = ['candidate', 'approved', 'published'] as const

const STATUS_LABEL = versioningLabel('schema.status')

/** The summary of changes and the date: the editor's until a legal reviewer approves them. */
const editableWhileCandidate = ({document}: ConditionalPropertyCallbackContext) =>
  document?.status !== 'candidate'

/**
 * A version of the whole policy (docs/decisions/0007-signed-versions.md). It starts as a private
 * candidate (`drafts.version-<n>`) prepared from the published sections, with the summary of
 * changes and the effective date the editor proposes (both hers to change until approval); a
 * legal reviewer approves all of it through the site, which fingerprints and signs; the site then
 * publishes it as `version-<n>`, which never changes again. Nothing else in it is typed by hand:
 * the document actions "Prepare a new version" (on the policy), "Approve" and "Publish" write it,
 * and the embedded lake refuses any other route.
 */
export const policyVersion = defineType({
  name: 'policyVersion',
  title: 'Policy version',
  type: 'document',
  icon: ArchiveIcon,
  fields: [
    defineField({
      name: 'status',
      type: 'string',
      readOnly: true,
      title: STATUS_LABEL.title,
      options: {list: [...VERSION_STATUSES]},
      components: {...STATUS_LABEL.components, input: StatusInput},
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'number',
      type: 'number',
      readOnly: true,
      ...versioningLabel('schema.number', 'schema.number.description'),
    }),
    defineField({
      name: 'effectiveDate',
      type: 'date',
      readOnly: editableWhileCandidate,
      ...versioningLabel('schema.effectiveDate', 'schema.effectiveDate.description'),
      validation: (rule) =>
        rule
          .custom(
            (value, {document}) =>
              document?.status !== 'candidate' ||
              (isCalendarDate(value) && value >= organisationToday()) ||
              'effective-date-invalid',
          )
          .error(localizedMessage('refusal.effective-date-invalid')),
    }),
    defineField({
      name: 'changeSummary',
      type: 'localeText',
      readOnly: editableWhileCandidate,
      ...versioningLabel('schema.changeSummary', 'schema.changeSummary.description'),
    }),
    defineField({
      name: 'publishedAt',
      type: 'datetime',
      readOnly: true,
      ...versioningLabel('schema.publishedAt'),
    }),
    defineField({
      name: 'title',
      type: 'localeString',
      readOnly: true,
      ...versioningLabel('schema.title'),
    }),
    defineField({
      name: 'organisationName',
      type: 'string',
      readOnly: true,
      ...versioningLabel('schema.organisationName'),
    }),
    defineField({
      name: 'introduction',
      type: 'localePortableText',
      readOnly: true,
      ...versioningLabel('schema.introduction'),
    }),
    defineField({
      name: 'sections',
      type: 'array',
      readOnly: true,
      ...versioningLabel('schema.sections'),
      of: [defineArrayMember({type: 'sectionSnapshot'})],
    }),
    defineField({
      name: 'linkAudit',
      type: 'linkAudit',
      readOnly: true,
      ...versioningLabel('schema.linkAudit', 'schema.linkAudit.description'),
    }),
    defineField({
      name: 'checklistCoverage',
      type: 'checklistCoverage',
      readOnly: true,
      ...versioningLabel('schema.checklistCoverage', 'schema.checklistCoverage.description'),
    }),
    defineField({
      name: 'previousFingerprint',
      type: 'string',
      readOnly: true,
      ...versioningLabel('schema.previousFingerprint'),
    }),
    defineField({
      name: 'fingerprint',
      type: 'string',
      readOnly: true,
      ...versioningLabel('schema.fingerprint', 'schema.fingerprint.description'),
    }),
    defineField({
      name: 'preparedBy',
      type: 'versionActor',
      readOnly: true,
      ...versioningLabel('schema.preparedBy'),
    }),
    defineField({
      name: 'approval',
      type: 'versionApproval',
      readOnly: true,
      ...versioningLabel('schema.approval'),
    }),
    defineField({
      name: 'publication',
      type: 'versionPublication',
      readOnly: true,
      ...versioningLabel('schema.publication'),
    }),
  ],
  orderings: [
    {
      title: 'Newest first',
      i18n: {title: {key: 'structure.versions.list', ns: 'policy-versioning'}},
      name: 'numberDesc',
      by: [{field: 'number', direction: 'desc'}],
    },
  ],
  preview: {
    select: {number: 'number', effectiveDate: 'effectiveDate'},
    // "Version n" is the document's title in its pane, the same in French and English; the desk
    // lists versions with their status in the person's language (studio/versioning/structure.ts).
    prepare: ({number, effectiveDate}) => ({
      title: typeof number === 'number' ? `Version ${number}` : 'Version',
      subtitle: typeof effectiveDate === 'string' ? effectiveDate : undefined,
    }),
  },
})
