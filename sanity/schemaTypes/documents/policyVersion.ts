import {ArchiveIcon} from '@sanity/icons/Archive'
import {
  defineArrayMember,
  defineField,
  defineType,
  type ConditionalPropertyCallbackContext,
} from 'sanity'
import {organisationToday} from '../../../lib/policy/dates'
import {isCalendarDate} from '../../../lib/policy/workflow'
import {WorkflowNotice} from '../../studio/versioning/WorkflowNotice'
import {ChecklistCoverageInput} from '../../studio/checklist/ChecklistCoverageInput'
import {LinkAuditInput} from '../../studio/versioning/LinkAuditInput'
import {EffectiveDateFormInput} from '../../studio/versioning/EffectiveDateInput'
import {FingerprintInput} from '../../studio/versioning/FingerprintInput'
import {FrozenSectionsInput} from '../../studio/versioning/FrozenSectionsInput'
import {
  inStartLanguage,
  localizedMessage,
  versioningLabel,
} from '../../studio/versioning/TranslatedField'

export const VERSION_STATUSES = ['candidate', 'approved', 'published'] as const

const STATUS_LABEL = versioningLabel('schema.status')

/** The summary of changes and the date: the editor's until a legal reviewer approves them. */
const editableWhileCandidate = ({document}: ConditionalPropertyCallbackContext) =>
  document?.status !== 'candidate'

function withInput<L extends ReturnType<typeof versioningLabel>, I>(label: L, input: I) {
  return {...label, components: {...label.components, input}}
}

/** A fingerprint, shown in full and copyable. */
function fingerprintField(titleKey: string, descriptionKey?: string) {
  return withInput(versioningLabel(titleKey, descriptionKey), FingerprintInput)
}

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
  title: inStartLanguage('schema.type'),
  type: 'document',
  icon: ArchiveIcon,
  // What the site signed, for whoever checks it, folded away from the document people read; the
  // workflow's notice at the top says who prepared, approved and published it, and when.
  fieldsets: [
    {
      name: 'record',
      title: inStartLanguage('schema.record'),
      description: inStartLanguage('schema.record.description'),
      options: {collapsible: true, collapsed: true},
    },
  ],
  fields: [
    defineField({
      name: 'status',
      type: 'string',
      readOnly: true,
      title: STATUS_LABEL.title,
      options: {list: [...VERSION_STATUSES]},
      // The notice says its status in words: no field header, and so no "Field actions" button
      // for Sanity to focus first (and pop its tooltip) when the version opens.
      components: {field: (props) => props.children, input: WorkflowNotice},
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
      ...withInput(
        versioningLabel('schema.effectiveDate', 'schema.effectiveDate.description'),
        EffectiveDateFormInput,
      ),
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
      components: {input: FrozenSectionsInput},
      of: [defineArrayMember({type: 'sectionSnapshot'})],
    }),
    defineField({
      name: 'linkAudit',
      type: 'linkAudit',
      readOnly: true,
      // The field's own components replace the type's: its input is named again here.
      ...withInput(
        versioningLabel('schema.linkAudit', 'schema.linkAudit.description'),
        LinkAuditInput,
      ),
    }),
    defineField({
      name: 'checklistCoverage',
      type: 'checklistCoverage',
      readOnly: true,
      ...withInput(
        versioningLabel('schema.checklistCoverage', 'schema.checklistCoverage.description'),
        ChecklistCoverageInput,
      ),
    }),
    defineField({
      name: 'previousFingerprint',
      type: 'string',
      readOnly: true,
      fieldset: 'record',
      ...fingerprintField('schema.previousFingerprint'),
    }),
    defineField({
      name: 'fingerprint',
      type: 'string',
      readOnly: true,
      fieldset: 'record',
      ...fingerprintField('schema.fingerprint', 'schema.fingerprint.description'),
    }),
    defineField({
      name: 'preparedBy',
      fieldset: 'record',
      type: 'versionActor',
      readOnly: true,
      ...versioningLabel('schema.preparedBy'),
    }),
    defineField({
      name: 'approval',
      fieldset: 'record',
      type: 'versionApproval',
      readOnly: true,
      ...versioningLabel('schema.approval'),
    }),
    defineField({
      name: 'publication',
      fieldset: 'record',
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
