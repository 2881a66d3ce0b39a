import {ArchiveIcon, ErrorOutlineIcon, InfoOutlineIcon, WarningOutlineIcon} from '@sanity/icons'
import {Box, Button, Card, Flex, Spinner, Stack, Text} from '@sanity/ui'
import type {ComponentType} from 'react'
import {useCallback, useState} from 'react'
import {useClient, useCurrentUser, type DocumentActionComponent} from 'sanity'
import {useRouter} from 'sanity/router'
import {
  prepareCandidate,
  type CandidateCheck,
  type PolicyDocument,
  type PolicySectionDocument,
} from '../../../lib/policy/candidate'
import {contentHash} from '../../../lib/policy/contentHash'
import type {PolicyContent, VersionActor} from '../../../lib/policy/types'
import {describeIssue} from './issueMessages'
import {PREPARE_QUERY} from './queries'
import {VERSIONING_API_VERSION} from './settings'
import {
  actor,
  candidateDocument,
  nextVersionNumber,
  versionContent,
  versionDocumentId,
} from './workflow'

interface PrepareData {
  policy: PolicyDocument | null
  sections: PolicySectionDocument[]
  drafts: {_id: string; _type: string; title: string | null}[]
  latest: (PolicyContent & {number: number}) | null
  open: {_id: string; status: string; preparedBy?: VersionActor; approval?: VersionActor}[]
}

type Step =
  | {step: 'loading'}
  | {
      step: 'review'
      data: PrepareData
      content: PolicyContent
      check: CandidateCheck
      number: number
    }
  | {step: 'saving'}
  | {step: 'done'; id: string; number: number}
  | {step: 'failed'; message: string}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}

function Notice({
  tone,
  icon: Icon,
  title,
  items,
  testId,
}: {
  tone: 'critical' | 'caution' | 'primary'
  icon: ComponentType
  title: string
  items: string[]
  testId: string
}) {
  if (items.length === 0) return null
  return (
    <Card tone={tone} padding={3} radius={2} border data-testid={testId}>
      <Stack gap={3}>
        <Flex gap={2} align="center">
          <Text size={1}>
            <Icon />
          </Text>
          <Text size={1} weight="semibold">
            {title}
          </Text>
        </Flex>
        <Stack as="ul" gap={2} style={{margin: 0, paddingLeft: '1.25em'}}>
          {items.map((item) => (
            <Text as="li" size={1} key={item}>
              {item}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Card>
  )
}

function draftNotice(drafts: PrepareData['drafts']): string[] {
  return drafts.map((draft) =>
    draft._type === 'policy'
      ? 'The policy itself (its title, introduction or list of sections) has unpublished changes.'
      : `Section “${draft.title ?? draft._id.replace(/^drafts\./, '')}” has unpublished changes.`,
  )
}

function replacementNotice(open: PrepareData['open']): string[] {
  return open.map((candidate) => {
    const by = candidate.preparedBy?.name ? ` prepared by ${candidate.preparedBy.name}` : ''
    return candidate.status === 'approved' && candidate.approval
      ? `This replaces the candidate${by}, which ${candidate.approval.name} approved: that approval will no longer count.`
      : `This replaces the candidate${by} still awaiting approval.`
  })
}

function Review({
  state,
  onPrepare,
  onCancel,
}: {
  state: Extract<Step, {step: 'review'}>
  onPrepare: () => void
  onCancel: () => void
}) {
  const {data, content, check, number} = state
  const lastNumber = data.latest?.number
  const describe = (issue: CandidateCheck['errors'][number]) =>
    describeIssue(issue, content, lastNumber)
  return (
    <Stack gap={4}>
      <Text size={1}>
        A candidate for <strong>version {number}</strong> freezes the policy and its sections as
        they are published now. A legal reviewer then compares it with{' '}
        {lastNumber ? `version ${lastNumber}` : 'nothing published yet'} and approves it before it
        can be published.
      </Text>
      <Notice
        tone="critical"
        icon={ErrorOutlineIcon}
        title="Fix these first: no candidate can be prepared until then"
        items={check.errors.map(describe)}
        testId="prepare-errors"
      />
      <Notice
        tone="caution"
        icon={WarningOutlineIcon}
        title="Worth a look before you continue"
        items={check.warnings.map(describe)}
        testId="prepare-warnings"
      />
      <Notice
        tone="primary"
        icon={InfoOutlineIcon}
        title="Unpublished changes will not be included"
        items={draftNotice(data.drafts)}
        testId="prepare-drafts"
      />
      <Notice
        tone="caution"
        icon={InfoOutlineIcon}
        title="Only one candidate at a time"
        items={replacementNotice(data.open)}
        testId="prepare-replaces"
      />
      <Flex gap={2} justify="flex-end">
        <Button mode="ghost" text="Cancel" onClick={onCancel} />
        <Button
          tone="primary"
          icon={ArchiveIcon}
          text={`Prepare candidate for version ${number}`}
          disabled={!check.ok}
          onClick={onPrepare}
        />
      </Flex>
    </Stack>
  )
}

/**
 * "Prepare a new version", on the policy: freezes the published policy and sections into a
 * candidate version after checking them (errors block, warnings inform), then offers to open it.
 */
export const PrepareVersionAction: DocumentActionComponent = () => {
  const client = useClient({apiVersion: VERSIONING_API_VERSION})
  const user = useCurrentUser()
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [state, setState] = useState<Step>({step: 'loading'})

  const load = useCallback(async () => {
    setState({step: 'loading'})
    try {
      const data = await client.fetch<PrepareData>(PREPARE_QUERY, {}, {perspective: 'raw'})
      if (!data.policy) {
        setState({step: 'failed', message: 'Publish the policy once before preparing a version.'})
        return
      }
      const {content, check} = prepareCandidate(data.policy, data.sections, {
        lastPublished: data.latest ?? undefined,
      })
      const number = nextVersionNumber(data.latest ? [data.latest.number] : [])
      setState({step: 'review', data, content, check, number})
    } catch (error) {
      setState({step: 'failed', message: errorMessage(error)})
    }
  }, [client])

  const prepare = useCallback(async () => {
    if (state.step !== 'review' || !user) return
    const {content, number, data} = state
    const id = versionDocumentId(number)
    setState({step: 'saving'})
    try {
      const unhashed = candidateDocument({id, content, contentHash: '', preparedBy: actor(user)})
      const read = versionContent(unhashed)
      if (!read) throw new Error('The candidate has no sections to freeze.')
      const candidate = {...unhashed, contentHash: await contentHash(read)}
      const transaction = client.transaction()
      for (const other of data.open) if (other._id !== id) transaction.delete(other._id)
      await transaction.createOrReplace(candidate).commit()
      setState({step: 'done', id, number})
    } catch (error) {
      setState({step: 'failed', message: errorMessage(error)})
    }
  }, [client, state, user])

  const close = () => setOpen(false)

  const content = (() => {
    switch (state.step) {
      case 'loading':
      case 'saving':
        return (
          <Flex align="center" gap={3} padding={2}>
            <Spinner muted />
            <Text size={1} muted>
              {state.step === 'loading' ? 'Checking the published sections…' : 'Preparing…'}
            </Text>
          </Flex>
        )
      case 'review':
        return <Review state={state} onPrepare={() => void prepare()} onCancel={close} />
      case 'done':
        return (
          <Stack gap={4} data-testid="prepare-done">
            <Text size={1}>
              The candidate for version {state.number} is ready. A legal reviewer can now open it
              under Versions, compare it with the published version and approve it.
            </Text>
            <Flex gap={2} justify="flex-end">
              <Button mode="ghost" text="Close" onClick={close} />
              <Button
                tone="primary"
                text="Open the candidate"
                onClick={() => {
                  close()
                  router.navigateIntent('edit', {id: state.id, type: 'policyVersion'})
                }}
              />
            </Flex>
          </Stack>
        )
      case 'failed':
        return (
          <Stack gap={4}>
            <Card tone="critical" padding={3} radius={2} border>
              <Text size={1}>The candidate could not be prepared: {state.message}</Text>
            </Card>
            <Flex justify="flex-end">
              <Button mode="ghost" text="Close" onClick={close} />
            </Flex>
          </Stack>
        )
    }
  })()

  return {
    label: 'Prepare a new version',
    icon: ArchiveIcon,
    disabled: !user,
    onHandle: () => {
      setOpen(true)
      void load()
    },
    dialog: open && {
      type: 'dialog',
      header: 'Prepare a new version',
      width: 'medium',
      onClose: close,
      content: <Box data-testid="prepare-version-dialog">{content}</Box>,
    },
  }
}
PrepareVersionAction.displayName = 'PrepareVersionAction'
