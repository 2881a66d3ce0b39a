import {Card, Stack, Text} from '@sanity/ui'
import {organisationToday} from '../../../lib/policy/dates'
import {LANGUAGES} from '../../../lib/policy/types'
import {useDateFormats} from './useComparison'
import {useVersioningT} from './useVersioning'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * What readers will be told about a version besides its text: its effective date and its
 * summary of changes in both languages. The reviewer approves these with the text.
 */
export function ProposalSummary({version}: {version: Json}) {
  const t = useVersioningT()
  const dates = useDateFormats()
  const summary = isObject(version.changeSummary) ? version.changeSummary : {}
  const date = version.effectiveDate
  const upcoming = typeof date === 'string' && date > organisationToday()
  return (
    <Card padding={3} radius={2} border data-testid="version-proposal">
      <Stack gap={3}>
        <Text size={1} weight="semibold">
          {t('compare.proposal')}
        </Text>
        <Text size={1} data-testid="version-proposal-date">
          {t(upcoming ? 'approve.dialog.date.upcoming' : 'approve.dialog.date', {
            date: dates.calendar(date) || t('compare.proposal.missing'),
          })}
        </Text>
        {LANGUAGES.map((language) => {
          const text = typeof summary[language] === 'string' ? String(summary[language]).trim() : ''
          return (
            <Text size={1} key={language} data-testid={`version-proposal-${language}`}>
              {t('approve.dialog.summary', {
                language: t(`language.${language}`),
                text: text || t('compare.proposal.missing'),
              })}
            </Text>
          )
        })}
      </Stack>
    </Card>
  )
}
