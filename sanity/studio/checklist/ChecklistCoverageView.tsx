import {CheckmarkCircleIcon} from '@sanity/icons/CheckmarkCircle'
import {WarningOutlineIcon} from '@sanity/icons/WarningOutline'
import {Card, Flex, Stack, Text} from '@sanity/ui'
import {useCurrentLocale, useTranslation} from 'sanity'
import type {RecordedCoverage} from '../../../lib/policy/checklist'
import type {Language} from '../../../lib/policy/types'
import {STUDIO_NAMESPACE} from '../i18n'
import {Callout, CalloutList} from '../Callout'

/** The language of the checklist's words: the Studio's. */
export function useChecklistLanguage(): Language {
  return useCurrentLocale().id.startsWith('fr') ? 'fr' : 'en'
}

/**
 * Which items of the privacy-law checklist a version's sections cover, and which none does (with
 * the item's legal reference): in the Prepare dialog, the comparison legal reviews, and on the
 * version itself. Missing items are a warning for people to judge, never a block.
 */
export function ChecklistCoverageView({
  coverage,
  sectionTitle,
}: {
  coverage: RecordedCoverage
  /** A section's title in the Studio's language, by key. */
  sectionTitle: (key: string) => string
}) {
  const {t} = useTranslation(STUDIO_NAMESPACE)
  const language = useChecklistLanguage()
  const missing = coverage.items.filter((item) => !item.covered)
  const covered = coverage.items.filter((item) => item.covered)
  return (
    <Card padding={3} radius={2} border data-testid="checklist-coverage">
      <Stack gap={4}>
        <Stack gap={2}>
          <Text size={1} weight="semibold">
            {t('checklist.coverage.title', {checklist: coverage.title[language]})}
          </Text>
          <Text size={1} muted>
            {t('checklist.coverage.aid')}
          </Text>
        </Stack>
        {missing.length > 0 ? (
          <Callout
            tone="caution"
            icon={WarningOutlineIcon}
            title={t('checklist.coverage.missing', {count: missing.length})}
            testId="checklist-missing"
            border={false}
          >
            <CalloutList>
              {missing.map((item) => (
                <Text as="li" size={1} key={item.key} data-checklist-item={item.key}>
                  {t('checklist.coverage.item-reference', {
                    label: item.label[language],
                    reference: item.reference[language],
                  })}
                </Text>
              ))}
            </CalloutList>
          </Callout>
        ) : (
          <Flex gap={2} align="center">
            <Text size={1}>
              <CheckmarkCircleIcon />
            </Text>
            <Text size={1}>{t('checklist.coverage.complete')}</Text>
          </Flex>
        )}
        <Stack
          as="ul"
          gap={2}
          style={{margin: 0, paddingLeft: '1.25em'}}
          data-testid="checklist-covered"
        >
          {covered.map((item) => (
            <Text as="li" size={1} key={item.key} data-checklist-item={item.key}>
              {t('checklist.coverage.covered-by', {
                label: item.label[language],
                sections:
                  item.sectionKeys.length > 0
                    ? item.sectionKeys.map(sectionTitle).join(' · ')
                    : t('checklist.coverage.by-site'),
              })}
            </Text>
          ))}
        </Stack>
      </Stack>
    </Card>
  )
}
