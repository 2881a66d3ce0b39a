import {Badge, Box, Card, Flex, Grid, Heading, Spinner, Stack, Text} from '@sanity/ui'
import {useEffect, useMemo, useState} from 'react'
import {useClient, type SanityDocument} from 'sanity'
import {
  comparePolicies,
  hasChanges,
  type PolicyComparison,
  type SectionComparison,
  type SectionStatus,
} from '../../../lib/diff'
import {contentHash} from '../../../lib/policy/contentHash'
import {LANGUAGES, type Language, type PolicyContent} from '../../../lib/policy/types'
import {studioSiteHosts} from '../links/siteHosts'
import {BlocksRedline, InlineChanges, LinkChangeList, textChanges} from './Redline'
import {BASELINE_QUERY} from './queries'
import {VERSIONING_API_VERSION} from './settings'
import {approvalProblem, describeApprovalProblem, languageName, versionContent} from './workflow'

interface ViewProps {
  document: {displayed: Partial<SanityDocument>}
  documentId: string
}

type Baseline = PolicyContent & {number: number}

const NOTHING_PUBLISHED: PolicyContent = {
  title: {fr: '', en: ''},
  organisationName: '',
  sections: [],
}

const STATUS_LABELS: Record<
  SectionStatus,
  {text: string; tone: 'default' | 'positive' | 'critical' | 'caution' | 'primary'}
> = {
  added: {text: 'Added', tone: 'positive'},
  removed: {text: 'Removed', tone: 'critical'},
  modified: {text: 'Changed', tone: 'caution'},
  moved: {text: 'Moved: same text in both languages', tone: 'primary'},
  unchanged: {text: 'Unchanged: same text in both languages', tone: 'default'},
}

function SectionLanguage({section, language}: {section: SectionComparison; language: Language}) {
  const here = section.languages[language]
  const whole = section.status === 'added' || section.status === 'removed'
  return (
    <Stack gap={3} lang={language}>
      <Text size={0} weight="semibold" muted>
        {languageName(language).toUpperCase()}
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
          No change in {languageName(language)}.
        </Text>
      )}
    </Stack>
  )
}

function SectionCard({section}: {section: SectionComparison}) {
  const status = STATUS_LABELS[section.status]
  const sameText = section.status === 'unchanged' || section.status === 'moved'
  const moved =
    section.moved && section.indexBefore !== undefined && section.indexAfter !== undefined
      ? `Moved from position ${section.indexBefore + 1} to ${section.indexAfter + 1}.`
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
          <Heading as="h3" size={sameText ? 0 : 1}>
            {section.title.en || section.title.fr}
          </Heading>
          <Text size={1} muted>
            {section.title.fr} · #{section.key}
          </Text>
          <Badge tone={status.tone}>{status.text}</Badge>
          {moved && (
            <Text size={1} muted>
              {moved}
            </Text>
          )}
        </Flex>
        {!sameText && (
          <Grid gridTemplateColumns={[1, 1, 2]} gap={4}>
            {LANGUAGES.map((language) => (
              <SectionLanguage key={language} section={section} language={language} />
            ))}
          </Grid>
        )}
      </Stack>
    </Card>
  )
}

function Summary({comparison}: {comparison: PolicyComparison}) {
  const {added, removed, modified, moved, unchanged} = comparison.summary
  const parts = [
    `${modified} changed`,
    `${added} added`,
    `${removed} removed`,
    `${moved} moved`,
    `${unchanged} unchanged`,
  ]
  return (
    <Text size={1} data-testid="compare-summary">
      {comparison.identical ? 'No difference at all.' : `Sections: ${parts.join(' · ')}.`}
    </Text>
  )
}

/** Whether the version's approval, or its fingerprint alone, still covers its content. */
function useFingerprint(version: Partial<SanityDocument>, content: PolicyContent | undefined) {
  const [recomputed, setRecomputed] = useState<string>()
  useEffect(() => {
    let cancelled = false
    if (content) void contentHash(content).then((hash) => !cancelled && setRecomputed(hash))
    return () => {
      cancelled = true
    }
  }, [content])
  if (!recomputed) return undefined
  const matches = recomputed === version.contentHash
  const problem = version.approval ? approvalProblem(version, recomputed) : undefined
  return {recomputed, matches, problem}
}

function FingerprintNote({
  version,
  content,
}: {
  version: Partial<SanityDocument>
  content?: PolicyContent
}) {
  const state = useFingerprint(version, content)
  if (!state) return null
  const approval = version.approval as {name?: string; at?: string} | undefined
  const short = `${state.recomputed.slice(0, 12)}…`
  if (state.problem)
    return (
      <Card tone="critical" padding={3} radius={2} border>
        <Text size={1}>{describeApprovalProblem(state.problem)}</Text>
      </Card>
    )
  if (!state.matches)
    return (
      <Card tone="critical" padding={3} radius={2} border>
        <Text size={1}>{describeApprovalProblem('content-changed')}</Text>
      </Card>
    )
  return (
    <Card tone={approval ? 'positive' : 'transparent'} padding={3} radius={2} border>
      <Text size={1} data-testid="compare-fingerprint">
        {approval
          ? `Approved by ${approval.name ?? 'a legal reviewer'}${approval.at ? ` on ${approval.at.slice(0, 10)}` : ''} for exactly this content (fingerprint ${short}).`
          : `Fingerprint of this content: ${short} An approval will name it, and any later change voids it.`}
      </Text>
    </Card>
  )
}

/**
 * A document view on a version: what changed since the published version before it, section by
 * section, word by word, French and English side by side. Built on the same comparison as the
 * site's redline (lib/diff), so legal approves what readers will be shown.
 */
export function VersionComparisonView({document}: ViewProps) {
  const client = useClient({apiVersion: VERSIONING_API_VERSION})
  const version = document.displayed
  const before =
    version.status === 'published' && typeof version.number === 'number' ? version.number : null
  const [baseline, setBaseline] = useState<Baseline | null | undefined>(undefined)
  const [failure, setFailure] = useState<string>()

  useEffect(() => {
    let cancelled = false
    client
      .fetch<Baseline | null>(BASELINE_QUERY, {before}, {perspective: 'raw'})
      .then((found) => !cancelled && setBaseline(found))
      .catch((error: unknown) => !cancelled && setFailure(String(error)))
    return () => {
      cancelled = true
    }
  }, [client, before])

  const content = useMemo(() => versionContent(version), [version])
  const comparison = useMemo(
    () =>
      content && baseline !== undefined
        ? comparePolicies(baseline ?? NOTHING_PUBLISHED, content, {siteHosts: studioSiteHosts()})
        : undefined,
    [baseline, content],
  )

  if (failure)
    return (
      <Box padding={4}>
        <Text size={1}>The published version could not be read: {failure}</Text>
      </Box>
    )
  if (!content)
    return (
      <Box padding={4}>
        <Text size={1}>This version holds no sections to compare.</Text>
      </Box>
    )
  if (!comparison)
    return (
      <Flex padding={4} gap={3} align="center">
        <Spinner muted />
        <Text size={1} muted>
          Comparing…
        </Text>
      </Flex>
    )

  const subject =
    version.status === 'published' && typeof version.number === 'number'
      ? `version ${version.number}`
      : 'this candidate'
  const titleChanged = LANGUAGES.some((language) => hasChanges(comparison.title[language]))
  const introChanged = LANGUAGES.some((language) => comparison.introduction[language].changed)

  return (
    <Box padding={4} data-testid="version-comparison">
      <Stack gap={4}>
        <Stack gap={3}>
          <Heading as="h2" size={2}>
            {baseline
              ? `Changes from version ${baseline.number} to ${subject}`
              : `Everything in ${subject} (no version was published before)`}
          </Heading>
          <Summary comparison={comparison} />
          <FingerprintNote version={version} content={content} />
        </Stack>
        {(titleChanged || introChanged) && (
          <Card padding={4} radius={2} border data-testid="compare-front-matter">
            <Stack gap={4}>
              <Heading as="h3" size={1}>
                Title and introduction
              </Heading>
              <Grid gridTemplateColumns={[1, 1, 2]} gap={4}>
                {LANGUAGES.map((language) => (
                  <Stack gap={3} key={language} lang={language}>
                    <Text size={0} weight="semibold" muted>
                      {languageName(language).toUpperCase()}
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
                Links to other sites
              </Heading>
              <Stack as="ul" gap={2} style={{margin: 0, paddingLeft: '1.25em'}}>
                {comparison.outboundLinks.added.map((link, i) => (
                  <Text as="li" size={1} key={`added-${i}`}>
                    New: {link.displayHost} (“{link.text}”, {languageName(link.language)})
                  </Text>
                ))}
                {comparison.outboundLinks.removed.map((link, i) => (
                  <Text as="li" size={1} key={`removed-${i}`}>
                    Gone: {link.displayHost} (“{link.text}”, {languageName(link.language)})
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
