import {PublishIcon} from '@sanity/icons/Publish'
import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {Button, Card, Flex, Stack, Text} from '@sanity/ui'
import {useToast} from '@sanity/ui/toast'
import {useId, useState} from 'react'
import {type DocumentActionComponent} from 'sanity'
import {useRouter} from 'sanity/router'
import {ProposalSummary} from './ProposalSummary'
import {describeOutcome} from './refusalMessages'
import {postSignoff, useSessionToken} from './signoffApi'
import {useSignoffRefusals} from './useSignoffRefusals'
import {useDateFormats} from './useComparison'
import {useStaleness, useVersioningT} from './useVersioning'
import {POLICY_DOCUMENT_ID} from '../../../lib/policy/documentIds'
import {Callout} from '../Callout'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * "Publish version <n>", on an approved candidate: restates what readers will get, exactly as
 * approved, and says so when the policy changed after the candidate was prepared (the editor then
 * prepares again, or confirms the newer edits wait for the next version). The site checks the
 * approval still covers the candidate, signs the publication and creates the version.
 */
export const PublishVersionAction: DocumentActionComponent = (props) => {
  const t = useVersioningT()
  const dates = useDateFormats()
  const token = useSessionToken()
  const router = useRouter()
  const toast = useToast()
  const checkboxId = useId()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [acknowledged, setAcknowledged] = useState(false)
  const [problem, setProblem] = useState<string>()
  const version = (props.draft ?? props.published) as (Json & {_id: string; _rev: string}) | null
  const approved = version?.status === 'approved'
  const staleness = useStaleness(approved ? version : null)
  const {publish: refusal, publisher} = useSignoffRefusals(version)

  // Only those the sign-off's table lets publish are offered it (lib/policy/roles.ts); the
  // version's notice tells everyone else who publishes.
  if (!version || !approved || !publisher) return null
  const number = typeof version.number === 'number' ? version.number : undefined
  const approver = isObject(version.approval) ? String(version.approval.name ?? '') : ''
  const stale = staleness?.stale ?? false

  const close = () => {
    setOpen(false)
    setProblem(undefined)
    setAcknowledged(false)
  }

  async function publish() {
    if (!version) return
    setBusy(true)
    setProblem(undefined)
    const outcome = await postSignoff('publish', token, {
      id: version._id,
      revision: version._rev,
      acknowledgeStale: acknowledged,
    })
    setBusy(false)
    const failure = describeOutcome(outcome, t)
    if (failure) {
      setProblem(failure)
      return
    }
    close()
    toast.push({
      status: 'success',
      title: t('publish.done.title', {number}),
      description: t('publish.done.description', {date: dates.calendar(version.effectiveDate)}),
    })
  }

  return {
    label: t('publish.label', {number}),
    icon: PublishIcon,
    tone: 'positive',
    disabled: refusal !== undefined || busy,
    title: refusal,
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: t('publish.dialog.title', {number}),
      width: 'medium',
      onClose: close,
      content: (
        <Stack gap={4} data-testid="publish-dialog">
          <Text size={1}>
            {t('publish.dialog.intro', {
              number,
              date: dates.calendar(version.effectiveDate),
              approver,
            })}
          </Text>
          <ProposalSummary version={version} />
          {stale && staleness && (
            <Callout
              tone="caution"
              icon={WarningOutlineIcon}
              title={t('publish.stale.title')}
              testId="publish-stale"
            >
              <Text size={1}>{t('publish.stale.body', {sections: staleness.summary})}</Text>
              <Flex gap={2} align="center">
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={acknowledged}
                  onChange={(event) => setAcknowledged(event.currentTarget.checked)}
                />
                <Text as="label" htmlFor={checkboxId} size={1}>
                  {t('publish.stale.acknowledge')}
                </Text>
              </Flex>
              <Flex>
                <Button
                  mode="ghost"
                  text={t('publish.stale.prepareAgain')}
                  onClick={() => {
                    close()
                    router.navigateIntent('edit', {id: POLICY_DOCUMENT_ID, type: 'policy'})
                  }}
                />
              </Flex>
            </Callout>
          )}
          {problem && (
            <Card tone="critical" padding={3} radius={2} border role="alert">
              <Text size={1}>{problem}</Text>
            </Card>
          )}
          <Flex gap={2} justify="flex-end">
            <Button mode="ghost" text={t('publish.cancel')} onClick={close} disabled={busy} />
            <Button
              tone="positive"
              icon={PublishIcon}
              text={busy ? t('publish.busy') : t('publish.confirm', {number})}
              disabled={busy || (stale && !acknowledged)}
              onClick={() => void publish()}
            />
          </Flex>
        </Stack>
      ),
    },
  }
}
PublishVersionAction.displayName = 'PublishVersionAction'
