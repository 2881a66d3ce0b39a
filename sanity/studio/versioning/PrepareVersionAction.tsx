import {ArchiveIcon} from '@sanity/icons/Archive'
import {ErrorOutlineIcon} from '@sanity/icons/ErrorOutline'
import {InfoOutlineIcon} from '@sanity/icons/InfoOutline'
import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {Box, Button, Card, Flex, Spinner, Stack, Text} from '@sanity/ui'
import type {ComponentType} from 'react'
import {useCallback, useId, useState} from 'react'
import {useClient, useCurrentUser, type DocumentActionComponent} from 'sanity'
import {useRouter} from 'sanity/router'
import {
  prepareCandidate,
  type CandidateCheck,
  type PolicyDocument,
  type PolicySectionDocument,
} from '../../../lib/policy/candidate'
import {
  candidateCoverage,
  type ComplianceChecklist,
  type RecordedCoverage,
} from '../../../lib/policy/checklist'
import {organisationToday} from '../../../lib/policy/dates'
import {
  LANGUAGES,
  type Localized,
  type PolicyContent,
  type VersionActor,
} from '../../../lib/policy/types'
import {publishedId} from '../../../lib/policy/documentIds'
import {
  actor,
  candidateDocument,
  candidateDocumentId,
  nextVersionNumber,
  proposalRefusals,
} from '../../../lib/policy/workflow'
import {ChecklistCoverageView, useChecklistLanguage} from '../checklist/ChecklistCoverageView'
import {CONTROL} from './controls'
import {EffectiveDateInput} from './EffectiveDateInput'
import {Callout, CalloutList} from '../Callout'
import {describeIssue} from './issueMessages'
import {PREPARE_QUERY} from '../../lib/queries'
import {asDomain} from '../../lib/queryResult'
import {describeFailure} from './refusalMessages'
import {VERSIONING_API_VERSION} from './settings'
import {useVersioningT, useWorkingChanges} from './useVersioning'
import {useWorkingChangesText} from './workingChangesText'

interface PrepareData {
  policy: PolicyDocument | null
  sections: PolicySectionDocument[]
  checklist: ComplianceChecklist | null
  drafts: {_id: string; _type: string; title: string | null}[]
  latest: (PolicyContent & {number: number}) | null
  open: {
    _id: string
    _rev: string
    status: string
    effectiveDate?: string
    changeSummary?: Partial<Localized<string>>
    preparedBy?: VersionActor
    approval?: VersionActor
  }[]
}

type Step =
  | {step: 'loading'}
  | {
      step: 'review'
      data: PrepareData
      content: PolicyContent
      check: CandidateCheck
      number: number
      coverage?: RecordedCoverage
    }
  | {step: 'saving'}
  | {step: 'done'; id: string; number: number}
  | {step: 'failed'; message: string}

/** What the editor is told before preparing, each kind in its tone and with its icon. */
const NOTICES = {
  errors: {tone: 'critical', icon: ErrorOutlineIcon},
  warnings: {tone: 'caution', icon: WarningOutlineIcon},
  drafts: {tone: 'primary', icon: InfoOutlineIcon},
  replaces: {tone: 'caution', icon: InfoOutlineIcon},
} as const satisfies Record<string, {tone: 'critical' | 'caution' | 'primary'; icon: ComponentType}>

function Notice({kind, items}: {kind: keyof typeof NOTICES; items: string[]}) {
  const t = useVersioningT()
  if (items.length === 0) return null
  return (
    <Callout {...NOTICES[kind]} title={t(`prepare.${kind}.title`)} testId={`prepare-${kind}`}>
      <CalloutList>
        {items.map((item) => (
          <Text as="li" size={1} key={item}>
            {item}
          </Text>
        ))}
      </CalloutList>
    </Callout>
  )
}

interface Proposal {
  effectiveDate: string
  changeSummary: Localized<string>
}

/** The summary of changes and the date the editor proposes; legal approves them with the text. */
function ProposalFields({
  proposal,
  onChange,
}: {
  proposal: Proposal
  onChange: (proposal: Proposal) => void
}) {
  const t = useVersioningT()
  const id = useId()
  return (
    <Card padding={3} radius={2} border data-testid="prepare-proposal">
      <Stack gap={4}>
        <Stack gap={2}>
          <Text size={1} weight="semibold">
            {t('prepare.proposal.title')}
          </Text>
          <Text size={1} muted>
            {t('prepare.proposal.help')}
          </Text>
        </Stack>
        <EffectiveDateInput
          value={proposal.effectiveDate}
          onChange={(effectiveDate) => onChange({...proposal, effectiveDate})}
        />
        {LANGUAGES.map((language) => (
          <Stack gap={2} key={language}>
            <Text as="label" htmlFor={`${id}-${language}`} size={1} weight="semibold">
              {t(`prepare.summary.label.${language}`)}
            </Text>
            <textarea
              id={`${id}-${language}`}
              lang={language}
              rows={3}
              style={{...CONTROL, resize: 'vertical'}}
              value={proposal.changeSummary[language]}
              onChange={(event) => {
                const value = event.currentTarget.value
                onChange({
                  ...proposal,
                  changeSummary: {...proposal.changeSummary, [language]: value},
                })
              }}
            />
          </Stack>
        ))}
      </Stack>
    </Card>
  )
}

function Review({
  state,
  onPrepare,
  onCancel,
}: {
  state: Extract<Step, {step: 'review'}>
  onPrepare: (proposal: Proposal) => void
  onCancel: () => void
}) {
  const t = useVersioningT()
  const language = useChecklistLanguage()
  const {data, content, check, number, coverage} = state
  const lastNumber = data.latest?.number
  // Preparing again starts from what the editor proposed last time.
  const previous = data.open.find((open) => open._id === candidateDocumentId(number))
  const [proposal, setProposal] = useState<Proposal>({
    effectiveDate: previous?.effectiveDate ?? organisationToday(),
    changeSummary: {
      fr: previous?.changeSummary?.fr ?? '',
      en: previous?.changeSummary?.en ?? '',
    },
  })
  const [problems, setProblems] = useState<string[]>([])
  const describe = (issue: CandidateCheck['errors'][number]) =>
    describeIssue(t, issue, content, lastNumber)
  const nobody = t('prepare.nobody')

  const submit = () => {
    const trimmed = {
      effectiveDate: proposal.effectiveDate,
      changeSummary: {fr: proposal.changeSummary.fr.trim(), en: proposal.changeSummary.en.trim()},
    }
    const refusals = proposalRefusals(trimmed, organisationToday())
    setProblems(
      refusals.map((refusal) =>
        t(`refusal.${refusal.code}`, 'params' in refusal ? refusal.params : {}),
      ),
    )
    if (refusals.length === 0) onPrepare(trimmed)
  }

  return (
    <Stack gap={4}>
      <Text size={1}>
        {lastNumber
          ? t('prepare.intro', {number, last: lastNumber})
          : t('prepare.intro.first', {number})}
      </Text>
      <Notice kind="errors" items={check.errors.map(describe)} />
      <Notice kind="warnings" items={check.warnings.map(describe)} />
      <Notice
        kind="drafts"
        items={data.drafts.map((draft) =>
          draft._type === 'policy'
            ? t('prepare.drafts.policy')
            : t('prepare.drafts.section', {title: draft.title ?? publishedId(draft._id)}),
        )}
      />
      <Notice
        kind="replaces"
        items={data.open.map((open) =>
          open.status === 'approved' && open.approval
            ? t('prepare.replaces.approved', {
                preparer: open.preparedBy?.name ?? nobody,
                approver: open.approval.name,
              })
            : t('prepare.replaces.pending', {preparer: open.preparedBy?.name ?? nobody}),
        )}
      />
      {coverage && (
        <ChecklistCoverageView
          coverage={coverage}
          sectionTitle={(key) =>
            content.sections.find((section) => section.key === key)?.title[language] ?? key
          }
        />
      )}
      {check.ok && <ProposalFields proposal={proposal} onChange={setProposal} />}
      {problems.length > 0 && (
        <Card tone="critical" padding={3} radius={2} border role="alert">
          <Stack gap={2}>
            {problems.map((problem) => (
              <Text size={1} key={problem}>
                {problem}
              </Text>
            ))}
          </Stack>
        </Card>
      )}
      {/* Kept in sight at the bottom of the dialog, however long the checklist above it. */}
      <Card paddingY={2} style={{position: 'sticky', bottom: 0}}>
        <Flex gap={2} justify="flex-end">
          <Button mode="ghost" text={t('prepare.cancel')} onClick={onCancel} />
          <Button
            tone="primary"
            icon={ArchiveIcon}
            text={t('prepare.submit', {number})}
            disabled={!check.ok}
            onClick={submit}
          />
        </Flex>
      </Card>
    </Stack>
  )
}

/**
 * What the button says the next version would change, counted from the latest published version
 * as the workflow counts staleness (`workingChanges`): "Prepare version 4 (2 sections changed)".
 * With nothing changed it stays in its place, disabled, and its tooltip says why, as Sanity's own
 * Publish does when there is nothing to publish: the editor learns where the step is and what it
 * waits for, instead of looking for a button that comes and goes.
 */
function useNextVersionButton(): {label: string; title?: string; disabled: boolean} {
  const t = useVersioningT()
  const text = useWorkingChangesText()
  const changes = useWorkingChanges()
  if (!changes) return {label: t('prepare.action'), disabled: false}
  const {since, next} = changes
  if (since === undefined) return {label: t('nextVersion.action', {number: next}), disabled: false}
  if (!changes.changed) {
    return {
      label: t('nextVersion.action', {number: next}),
      title: t('nextVersion.action.unchanged', {since}),
      disabled: true,
    }
  }
  return {
    label: t('nextVersion.action.changes', {number: next, changes: text.summary(changes)}),
    title: t('nextVersion.action.title', {since, details: text.details(changes)}),
    disabled: false,
  }
}

/**
 * "Prepare a new version", on the policy: freezes the published policy and sections into a
 * private candidate (`drafts.version-<n>`) with the summary of changes and the effective date the
 * editor proposes, after checking them (errors block, warnings inform); then offers to open it.
 */
export const PrepareVersionAction: DocumentActionComponent = () => {
  const client = useClient({apiVersion: VERSIONING_API_VERSION})
  const user = useCurrentUser()
  const router = useRouter()
  const t = useVersioningT()
  const [open, setOpen] = useState(false)
  const [state, setState] = useState<Step>({step: 'loading'})

  const load = useCallback(async () => {
    setState({step: 'loading'})
    try {
      const data: PrepareData = asDomain(
        await client.fetch(PREPARE_QUERY, {}, {perspective: 'raw'}),
      )
      if (!data.policy) {
        setState({step: 'failed', message: t('prepare.noPolicy')})
        return
      }
      const {content, check} = prepareCandidate(data.policy, data.sections, {
        lastPublished: data.latest ?? undefined,
      })
      const number = nextVersionNumber(data.latest ? [data.latest.number] : [])
      const coverage = data.checklist
        ? candidateCoverage(
            data.checklist,
            content.sections,
            new Map(data.sections.map((section) => [section.key?.current ?? '', section.covers])),
          )
        : undefined
      setState({step: 'review', data, content, check, number, coverage})
    } catch (error) {
      setState({step: 'failed', message: describeFailure(error, t)})
    }
  }, [client, t])

  const prepare = useCallback(
    async (proposal: Proposal) => {
      if (state.step !== 'review' || !user) return
      const {content, number, data, coverage} = state
      const id = candidateDocumentId(number)
      setState({step: 'saving'})
      try {
        const candidate = candidateDocument({
          number,
          content,
          preparedBy: actor(user),
          proposal,
          coverage,
        })
        const transaction = client.transaction()
        let replacing = false
        for (const other of data.open) {
          if (other._id === id) {
            // Preparing again replaces the open candidate, unless it changed meanwhile.
            replacing = true
            transaction.patch(id, (patch) =>
              patch.ifRevisionId(other._rev).set({status: 'candidate'}),
            )
          } else {
            transaction.delete(other._id)
          }
        }
        if (replacing) transaction.createOrReplace(candidate)
        else transaction.create(candidate)
        await transaction.commit()
        setState({step: 'done', id, number})
      } catch (error) {
        setState({step: 'failed', message: describeFailure(error, t)})
      }
    },
    [client, state, user, t],
  )

  const close = () => setOpen(false)
  const button = useNextVersionButton()

  const content = (() => {
    switch (state.step) {
      case 'loading':
      case 'saving':
        return (
          <Flex align="center" gap={3} padding={2}>
            <Spinner muted />
            <Text size={1} muted>
              {state.step === 'loading' ? t('prepare.loading') : t('prepare.saving')}
            </Text>
          </Flex>
        )
      case 'review':
        return (
          <Review state={state} onPrepare={(proposal) => void prepare(proposal)} onCancel={close} />
        )
      case 'done':
        return (
          <Stack gap={4} data-testid="prepare-done">
            <Text size={1}>{t('prepare.done', {number: state.number})}</Text>
            <Flex gap={2} justify="flex-end">
              <Button mode="ghost" text={t('prepare.close')} onClick={close} />
              <Button
                tone="primary"
                text={t('prepare.open')}
                onClick={() => {
                  close()
                  router.navigateIntent('edit', {
                    id: publishedId(state.id),
                    type: 'policyVersion',
                  })
                }}
              />
            </Flex>
          </Stack>
        )
      case 'failed':
        return (
          <Stack gap={4}>
            <Card tone="critical" padding={3} radius={2} border>
              <Text size={1}>{t('prepare.failed', {message: state.message})}</Text>
            </Card>
            <Flex justify="flex-end">
              <Button mode="ghost" text={t('prepare.close')} onClick={close} />
            </Flex>
          </Stack>
        )
    }
  })()

  return {
    ...button,
    icon: ArchiveIcon,
    disabled: !user || button.disabled,
    onHandle: () => {
      setOpen(true)
      void load()
    },
    dialog: open && {
      type: 'dialog',
      header: t('prepare.action'),
      width: 'medium',
      onClose: close,
      content: <Box data-testid="prepare-version-dialog">{content}</Box>,
    },
  }
}
PrepareVersionAction.displayName = 'PrepareVersionAction'
