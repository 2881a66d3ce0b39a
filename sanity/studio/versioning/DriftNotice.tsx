import {Card, Stack, Text} from '@sanity/ui'
import type {CandidateIssue} from '../../../lib/policy/candidate'
import type {PolicyContent} from '../../../lib/policy/types'
import {describeIssue} from './issueMessages'
import {useVersioningT} from './useVersioning'

/**
 * The sections changed in one language only since the version compared with, each named as an
 * editor finds it: what legal must know before approving a translation that may lag.
 */
export function DriftNotice({
  title,
  drift,
  content,
  baselineNumber,
  testId,
}: {
  title: string
  drift: readonly CandidateIssue[]
  content: PolicyContent
  baselineNumber?: number
  testId: string
}) {
  const t = useVersioningT()
  if (drift.length === 0) return null
  return (
    <Card tone="caution" padding={3} radius={2} border data-testid={testId}>
      <Stack gap={2}>
        <Text size={1} weight="semibold">
          {title}
        </Text>
        {drift.map((issue) => (
          <Text size={1} key={JSON.stringify(issue)}>
            {describeIssue(t, issue, content, baselineNumber)}
          </Text>
        ))}
      </Stack>
    </Card>
  )
}
