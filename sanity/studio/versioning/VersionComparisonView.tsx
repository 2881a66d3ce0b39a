import {Badge, Box, Card, Flex, Grid, Heading, Spinner, Stack, Text} from '@sanity/ui'
import {useEffect, useState} from 'react'
import type {SanityDocument} from 'sanity'
import {
  hasChanges,
  type PolicyComparison,
  type SectionComparison,
  type SectionStatus,
} from '../../../lib/diff'
import {fingerprint, shortFingerprint, versionRecord} from '../../../lib/policy/record'
import {LANGUAGES, type Language} from '../../../lib/policy/types'
import {DriftNotice} from './DriftNotice'
import {ProposalSummary} from './ProposalSummary'
import {ChecklistCoverageView, useChecklistLanguage} from '../checklist/ChecklistCoverageView'
import {BlocksRedline, InlineChanges, LinkChangeList, textChanges} from './Redline'
import {useComparison, useDateFormats} from './useComparison'
import {useStaleness, useVersioningT} from './useVersioning'

interface ViewProps {
  document: {displayed: Partial<SanityDocument>}
  documentId: string
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const STATUS_TONES: Record<
  SectionStatus,
  'default' | 'positive' | 'critical' | 'caution' | 'primary'
> = {
  added: 'positive',
  removed: 'critical',
  modified: 'caution',
  moved: 'primary',
  unchanged: 'default',
}

function SectionLanguage({section, language}: {section: SectionComparison; language: Language}) {
  const t = useVersioningT()
  const here = section.languages[language]
  const whole = section.status === 'added' || section.status === 'removed'
  const name = t(`language.${language}`)
  return (
    <Stack gap={3} lang={language}>
      <Text size={0} weight="semibold" muted>
        {name.toUpperCase()}
      </Text>
      {here.changed || whole ? (
        <>
          {hasChanges(here.title) && (
            <Text size={1} weight="semibold">
              <InlineChanges changes={textChanges(here.title)} />
            </Text>
          )}
          <BlocksRedline blocks={here.body.blocks} />
          <LinkChangeList changes={here.body.links} />
        </>
      ) : (
        <Text size={1} muted>
          {t('compare.noChangeIn', {language: name})}
        </Text>
      )}
    </Stack>
  )
}

function SectionCard({section}: {section: SectionComparison}) {
  const t = useVersioningT()
  // The heading in the Studio's language, the other language's title under it.
  const language = useChecklistLanguage()
  const other: Language = language === 'fr' ? 'en' : 'fr'
  const sameText = section.status === 'unchanged' || section.status === 'moved'
  const moved =
    section.moved && section.indexBefore !== undefined && section.indexAfter !== undefined
      ? t('compare.movedFrom', {from: section.indexBefore + 1, to: section.indexAfter + 1})
      : undefined
  return (
    <Card
      padding={sameText ? 3 : 4}
      radius={2}
      border
      as="section"
      data-testid={`compare-section-${section.key}`}
      data-status={section.status}
    >
      <Stack gap={4}>
        <Flex gap={3} align="center" wrap="wrap">
          <Heading as="h3" size={sameText ? 0 : 1} lang={language}>
            {section.title[language] || section.title[other]}
          </Heading>
          <Text size={1} muted lang={other}>
            {section.title[other]} · #{section.key}
          </Text>
          <Badge tone={STATUS_TONES[section.status]}>{t(`compare.status.${section.status}`)}</Badge>
          {moved && (
            <Text size={1} muted>
              {moved}
            </Text>
          )}
        </Flex>
        {!sameText && (
          <Grid gridTemplateColumns={[1, 1, 2]} gap={4}>
            {[language, other].map((shown) => (
              <SectionLanguage key={shown} section={section} language={shown} />
            ))}
          </Grid>
        )}
      </Stack>
    </Card>
  )
}

function Summary({comparison}: {comparison: PolicyComparison}) {
  const t = useVersioningT()
  return (
    <Text size={1} data-testid="compare-summary">
      {comparison.identical
        ? t('compare.identical')
        : t('compare.summary', {...comparison.summary})}
    </Text>
  )
}

/**
 * The version's fingerprint and who approved it; for a candidate not approved yet, that the site
 * fingerprints and signs the whole record at approval; and, when the record no longer hashes to
 * what was approved, that the approval no longer covers it.
 */
function FingerprintNote({version}: {version: Partial<SanityDocument>}) {
  const t = useVersioningT()
  const dates = useDateFormats()
  const [recomputed, setRecomputed] = useState<string>()
  useEffect(() => {
    let cancelled = false
    void fingerprint(versionRecord(version)).then((hash) => !cancelled && setRecomputed(hash))
    return () => {
      cancelled = true
    }
  }, [version])
  const approval = isObject(version.approval) ? version.approval : undefined
  if (!approval) {
    return (
      <Card padding={3} radius={2} border>
        <Text size={1} data-testid="compare-fingerprint">
          {t('compare.fingerprint.pending')}
        </Text>
      </Card>
    )
  }
  if (!recomputed) return null
  if (recomputed !== approval.fingerprint) {
    return (
      <Card tone="critical" padding={3} radius={2} border>
        <Text size={1} data-testid="compare-fingerprint">
          {t('compare.fingerprint.changed')}
        </Text>
      </Card>
    )
  }
  const values = {
    name: String(approval.name ?? ''),
    date: dates.moment(approval.at),
    short: shortFingerprint(recomputed),
  }
  return (
    <Card tone="positive" padding={3} radius={2} border>
      <Text size={1} data-testid="compare-fingerprint">
        {version.status === 'published'
          ? t('compare.fingerprint.published', values)
          : t('compare.fingerprint.approved', values)}
      </Text>
    </Card>
  )
}

/**
 * A document view on a version: what legal approves, all of it. What changed since the published
 * version before it, section by section, word by word, French and English side by side, with the
 * site's own diff engine (lib/diff); the summary of changes and the effective date readers will be
 * told; translation warnings; and whether the policy moved on since the candidate was prepared.
 */
export function VersionComparisonView({document}: ViewProps) {
  const t = useVersioningT()
  const language = useChecklistLanguage()
  const version = document.displayed
  const {result, failure} = useComparison(version)
  const staleness = useStaleness(version)

  if (failure)
    return (
      <Box padding={4}>
        <Text size={1}>{t('compare.loadFailed', {message: failure})}</Text>
      </Box>
    )
  if (!Array.isArray(version.sections))
    return (
      <Box padding={4}>
        <Text size={1}>{t('compare.noSections')}</Text>
      </Box>
    )
  if (!result)
    return (
      <Flex padding={4} gap={3} align="center">
        <Spinner muted />
        <Text size={1} muted>
          {t('compare.comparing')}
        </Text>
      </Flex>
    )

  const {comparison, baseline} = result
  const subject =
    version.status === 'published' && typeof version.number === 'number'
      ? t('compare.subject.version', {number: version.number})
      : t('compare.subject.candidate')
  const titleChanged = LANGUAGES.some((language) => hasChanges(comparison.title[language]))
  const introChanged = LANGUAGES.some((language) => comparison.introduction[language].changed)

  return (
    <Box padding={4} data-testid="version-comparison">
      <Stack gap={4}>
        <Stack gap={3}>
          <Heading as="h2" size={2}>
            {baseline
              ? t('compare.heading', {from: baseline.number, subject})
              : t('compare.heading.first', {subject})}
          </Heading>
          <Summary comparison={comparison} />
          {staleness?.stale && (
            <Card tone="caution" padding={3} radius={2} border data-testid="compare-stale">
              <Text size={1}>{t('compare.stale', {sections: staleness.summary})}</Text>
            </Card>
          )}
          <FingerprintNote version={version} />
          <ProposalSummary version={version} />
          {isObject(version.checklistCoverage) && (
            <ChecklistCoverageView
              coverage={versionRecord(version).checklistCoverage!}
              sectionTitle={(key) =>
                result.content.sections.find((section) => section.key === key)?.title[language] ??
                key
              }
            />
          )}
          <DriftNotice
            title={t('compare.drift')}
            drift={result.drift}
            content={result.content}
            baselineNumber={baseline?.number}
            testId="compare-drift"
          />
        </Stack>
        {(titleChanged || introChanged) && (
          <Card padding={4} radius={2} border data-testid="compare-front-matter">
            <Stack gap={4}>
              <Heading as="h3" size={1}>
                {t('compare.frontMatter')}
              </Heading>
              <Grid gridTemplateColumns={[1, 1, 2]} gap={4}>
                {LANGUAGES.map((language) => (
                  <Stack gap={3} key={language} lang={language}>
                    <Text size={0} weight="semibold" muted>
                      {t(`language.${language}`).toUpperCase()}
                    </Text>
                    <Text size={1} weight="semibold">
                      <InlineChanges changes={textChanges(comparison.title[language])} />
                    </Text>
                    {comparison.introduction[language].changed && (
                      <BlocksRedline blocks={comparison.introduction[language].blocks} />
                    )}
                  </Stack>
                ))}
              </Grid>
            </Stack>
          </Card>
        )}
        {comparison.sections.map((section) => (
          <SectionCard key={section.key} section={section} />
        ))}
        {(comparison.outboundLinks.added.length > 0 ||
          comparison.outboundLinks.removed.length > 0) && (
          <Card padding={4} radius={2} border>
            <Stack gap={3}>
              <Heading as="h3" size={1}>
                {t('compare.links')}
              </Heading>
              <Stack as="ul" gap={2} style={{margin: 0, paddingLeft: '1.25em'}}>
                {comparison.outboundLinks.added.map((link, i) => (
                  <Text as="li" size={1} key={`added-${i}`}>
                    {t('compare.link.new', {
                      host: link.displayHost,
                      text: link.text,
                      language: t(`language.${link.language}`),
                    })}
                  </Text>
                ))}
                {comparison.outboundLinks.removed.map((link, i) => (
                  <Text as="li" size={1} key={`removed-${i}`}>
                    {t('compare.link.gone', {
                      host: link.displayHost,
                      text: link.text,
                      language: t(`language.${link.language}`),
                    })}
                  </Text>
                ))}
              </Stack>
            </Stack>
          </Card>
        )}
      </Stack>
    </Box>
  )
}
