import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {Box, Button, Card, Flex, Stack, Text} from '@sanity/ui'
import {useToast} from '@sanity/ui/toast'
import {useState} from 'react'
import {type DocumentActionComponent} from 'sanity'
import {hasChanges} from '../../../lib/diff'
import {LANGUAGES} from '../../../lib/policy/types'
import {DriftNotice} from './DriftNotice'
import {ProposalSummary} from './ProposalSummary'
import {describeOutcome} from './refusalMessages'
import {postSignoff, useSessionToken} from './signoffApi'
import {useSignoffRefusals} from './useSignoffRefusals'
import {useComparison} from './useComparison'
import {useStaleness, useVersioningT} from './useVersioning'

type Json = Record<string, unknown>

/**
 * "Approve", on a candidate, for a legal reviewer who neither prepared it nor wrote what it
 * changes. The dialog restates what she signs: the changes to the text, the links to other sites
 * added and removed, the summary of changes and the effective date; and says so if the policy
 * moved on since the candidate was prepared. The site checks everything again with the content
 * source, then records the approval of exactly the revision she read, signed.
 */
export const ApproveVersionAction: DocumentActionComponent = (props) => {
  const t = useVersioningT()
  const token = useSessionToken()
  const toast = useToast()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const version = (props.draft ?? props.published) as (Json & {_id: string; _rev: string}) | null
  const isCandidate = version?.status === 'candidate'
  const {result} = useComparison(confirming ? version : null)
  const staleness = useStaleness(isCandidate ? version : null)
  const refusal = useSignoffRefusals(version).approve

  if (!version || !isCandidate) return null
  const number = typeof version.number === 'number' ? version.number : undefined

  async function approve() {
    if (!version) return
    setBusy(true)
    const outcome = await postSignoff('approve', token, {
      id: version._id,
      revision: version._rev,
      acknowledgeStale: staleness?.stale ?? false,
    })
    setBusy(false)
    setConfirming(false)
    const problem = describeOutcome(outcome, t)
    toast.push(
      problem
        ? {
            status: 'error',
            title: t('approve.failed.title'),
            description: problem,
            duration: 15_000,
          }
        : {
            status: 'success',
            title: t('approve.done.title'),
            description: t('approve.done.description'),
          },
    )
  }

  const summary = result?.comparison.summary
  const frontMatterChanged =
    result &&
    (hasChanges(result.comparison.organisationName) ||
      LANGUAGES.some(
        (language) =>
          result.comparison.introduction[language].changed ||
          hasChanges(result.comparison.title[language]),
      ))

  return {
    label: busy ? t('approve.busy') : t('approve.label'),
    icon: CheckmarkCircleIcon,
    tone: 'positive',
    disabled: refusal !== undefined || busy,
    title: refusal,
    onHandle: () => setConfirming(true),
    dialog: confirming && {
      type: 'dialog',
      header: t('approve.dialog.title', {number}),
      width: 'medium',
      onClose: () => setConfirming(false),
      content: (
        <Stack gap={4} data-testid="approve-dialog">
          <Text size={1}>{t('approve.dialog.intro')}</Text>
          {summary && result && (
            <Card padding={3} radius={2} border>
              <Stack as="ul" gap={3} style={{margin: 0, paddingLeft: '1.25em'}}>
                <Text as="li" size={1}>
                  {t('approve.dialog.sections', {
                    changed: summary.modified,
                    added: summary.added,
                    removed: summary.removed,
                    moved: summary.moved,
                    frontMatter: frontMatterChanged
                      ? t('approve.dialog.frontMatter.changed')
                      : t('approve.dialog.frontMatter.same'),
                  })}
                </Text>
                <Text as="li" size={1}>
                  {t('approve.dialog.links', {
                    added: result.comparison.outboundLinks.added.length,
                    removed: result.comparison.outboundLinks.removed.length,
                  })}
                </Text>
              </Stack>
            </Card>
          )}
          <ProposalSummary version={version} />
          {staleness?.stale && (
            <Card tone="caution" padding={3} radius={2} border data-testid="approve-stale">
              <Flex gap={2}>
                <Text size={1}>
                  <WarningOutlineIcon />
                </Text>
                <Text size={1}>{t('approve.dialog.stale', {sections: staleness.summary})}</Text>
              </Flex>
            </Card>
          )}
          {result && (
            <DriftNotice
              title={t('approve.dialog.drift')}
              drift={result.drift}
              content={result.content}
              baselineNumber={result.baseline?.number}
              testId="approve-drift"
            />
          )}
          <Text size={1} muted>
            {t('approve.dialog.signed')}
          </Text>
          <Flex gap={2} justify="flex-end">
            <Box>
              <Button
                mode="ghost"
                text={t('approve.cancel')}
                onClick={() => setConfirming(false)}
              />
            </Box>
            <Button
              tone="positive"
              icon={CheckmarkCircleIcon}
              text={busy ? t('approve.busy') : t('approve.confirm')}
              disabled={busy}
              onClick={() => void approve()}
            />
          </Flex>
        </Stack>
      ),
    },
  }
}
ApproveVersionAction.displayName = 'ApproveVersionAction'
