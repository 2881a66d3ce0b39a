import {PublishIcon} from '@sanity/icons'
import {Button, Card, Flex, Stack, Text} from '@sanity/ui'
import {useToast} from '@sanity/ui/toast'
import {useId, useState, type CSSProperties, type FormEvent} from 'react'
import {
  useClient,
  type DocumentActionComponent,
  type SanityClient,
  type SanityDocument,
} from 'sanity'
import {contentHash} from '../../../lib/policy/contentHash'
import {organisationToday} from '../../../lib/policy/dates'
import {LANGUAGES, type Language, type Localized} from '../../../lib/policy/types'
import {studioSiteHosts} from '../links/siteHosts'
import {PUBLISHED_NUMBERS_QUERY} from './queries'
import {VERSIONING_API_VERSION} from './settings'
import {
  approvalProblem,
  changeSummaryProblems,
  describeApprovalProblem,
  effectiveDateProblem,
  nextVersionNumber,
  outboundLinkRecords,
  versionContent,
  versionDocumentId,
} from './workflow'

// Plain form controls in the Studio's colours: the text inputs of the @sanity/ui copy at the top
// of node_modules (4.x) need a style sheet the Studio (which bundles 3.x) does not load.
const CONTROL: CSSProperties = {
  boxSizing: 'border-box',
  width: '100%',
  padding: '0.5em 0.65em',
  border: '1px solid var(--card-border-color)',
  borderRadius: 3,
  background: 'var(--card-bg-color)',
  color: 'var(--card-fg-color)',
  font: 'inherit',
  fontSize: '0.9375rem',
  lineHeight: 1.45,
}

const SUMMARY_LABELS: Localized<string> = {
  fr: 'Summary of changes in French (shown in the French history)',
  en: 'Summary of changes in English (shown in the English history)',
}

/**
 * Publishes an approved version after checking again, against the stored document, that its
 * approval still covers its content; records the links to other sites it holds. Returns the
 * number it was published as.
 */
async function publish(
  client: SanityClient,
  id: string,
  fields: {effectiveDate: string; changeSummary: Localized<string>},
): Promise<number> {
  const [current, numbers] = await Promise.all([
    client.getDocument<SanityDocument>(id),
    client.fetch<number[]>(PUBLISHED_NUMBERS_QUERY, {}, {perspective: 'raw'}),
  ])
  if (!current || current.status !== 'approved')
    throw new Error('This version is no longer an approved candidate.')
  const content = versionContent(current)
  const problem = approvalProblem(current, content && (await contentHash(content)))
  if (!content || problem) throw new Error(describeApprovalProblem(problem ?? 'content-changed'))
  const number = nextVersionNumber(numbers)
  if (current._id !== versionDocumentId(number)) {
    throw new Error(
      `Version ${number - 1} was published after this candidate was prepared. Prepare a new candidate from the policy.`,
    )
  }
  await client
    .patch(current._id)
    .ifRevisionId(current._rev)
    .set({
      status: 'published',
      number,
      effectiveDate: fields.effectiveDate,
      publishedAt: new Date().toISOString(),
      changeSummary: {_type: 'localeText', ...fields.changeSummary},
      outboundLinks: outboundLinkRecords(content, studioSiteHosts()),
    })
    .commit()
  return number
}

function PublishForm({
  number,
  onPublish,
  onCancel,
}: {
  number: number | undefined
  onPublish: (fields: {effectiveDate: string; changeSummary: Localized<string>}) => Promise<void>
  onCancel: () => void
}) {
  const id = useId()
  const today = organisationToday()
  const [effectiveDate, setEffectiveDate] = useState(today)
  const [summary, setSummary] = useState<Localized<string>>({fr: '', en: ''})
  const [problems, setProblems] = useState<string[]>([])
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const dateProblem = effectiveDateProblem(effectiveDate, organisationToday())
    const found = [...(dateProblem ? [dateProblem] : []), ...changeSummaryProblems(summary)]
    setProblems(found)
    if (found.length > 0) return
    setBusy(true)
    try {
      await onPublish({
        effectiveDate,
        changeSummary: {fr: summary.fr.trim(), en: summary.en.trim()},
      })
    } catch (error) {
      setProblems([error instanceof Error ? error.message : String(error)])
      setBusy(false)
    }
  }

  const field = (language: Language) => (
    <Stack gap={2} key={language}>
      <Text as="label" htmlFor={`${id}-${language}`} size={1} weight="semibold">
        {SUMMARY_LABELS[language]}
      </Text>
      <textarea
        id={`${id}-${language}`}
        lang={language}
        rows={3}
        style={{...CONTROL, resize: 'vertical'}}
        value={summary[language]}
        onChange={(event) => {
          const value = event.currentTarget.value
          setSummary((previous) => ({...previous, [language]: value}))
        }}
      />
    </Stack>
  )

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap={4}>
        <Text size={1}>
          Once published, this version can no longer be changed. Readers see it from its effective
          date, with its summary of changes in the history.
        </Text>
        <Stack gap={2}>
          <Text as="label" htmlFor={`${id}-date`} size={1} weight="semibold">
            Effective date (in Québec time; today or later)
          </Text>
          <input
            id={`${id}-date`}
            type="date"
            min={today}
            style={{...CONTROL, width: 'auto'}}
            value={effectiveDate}
            onChange={(event) => setEffectiveDate(event.currentTarget.value)}
          />
        </Stack>
        {LANGUAGES.map(field)}
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
        <Flex gap={2} justify="flex-end">
          <Button mode="ghost" text="Cancel" onClick={onCancel} disabled={busy} />
          <Button
            type="submit"
            tone="positive"
            icon={PublishIcon}
            text={busy ? 'Publishing…' : number ? `Publish version ${number}` : 'Publish'}
            disabled={busy}
          />
        </Flex>
      </Stack>
    </form>
  )
}

/**
 * "Publish", on an approved version: asks for the effective date and the summary of changes in
 * both languages, then gives the version the next number and freezes it.
 */
export const PublishVersionAction: DocumentActionComponent = (props) => {
  const client = useClient({apiVersion: VERSIONING_API_VERSION})
  const toast = useToast()
  const [open, setOpen] = useState(false)
  const version = props.published ?? props.draft

  if (version?.status !== 'approved') return null
  const upcoming = Number(/^version-(\d+)$/.exec(version._id)?.[1]) || undefined

  return {
    label: upcoming ? `Publish version ${upcoming}` : 'Publish',
    icon: PublishIcon,
    tone: 'positive',
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: upcoming ? `Publish version ${upcoming}` : 'Publish this version',
      width: 'medium',
      onClose: () => setOpen(false),
      content: (
        <PublishForm
          number={upcoming}
          onCancel={() => setOpen(false)}
          onPublish={async (fields) => {
            const number = await publish(client, version._id, fields)
            setOpen(false)
            toast.push({
              status: 'success',
              title: `Version ${number} is published`,
              description: `Readers see it from ${fields.effectiveDate}.`,
            })
          }}
        />
      ),
    },
  }
}
PublishVersionAction.displayName = 'PublishVersionAction'
