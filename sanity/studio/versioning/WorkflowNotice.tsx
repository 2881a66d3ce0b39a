import {Card, Stack, Text} from '@sanity/ui'
import {useEffect, useId, useRef} from 'react'
import {useFormValue, type StringInputProps} from 'sanity'
import {nextStep, notInTheFuture, turnFor} from '../../../lib/policy/turns'
import {useMomentFormat} from './useComparison'
import {useSignoffRefusals} from './useSignoffRefusals'
import {useSignoffPermissions} from './signoffApi'
import {useStaleness, useVersioningT} from './useVersioning'

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

const TONES = {candidate: 'caution', approved: 'positive', published: 'primary'} as const

/**
 * Where a version stands, at the top of its form, kept current as it changes: its status, what
 * happened last (who, when: the person who acted, never the signing service, never a time after
 * now), what comes next and whether it is the signed-in person's turn. When she cannot take the
 * step, why, in words: the same words the disabled button carries, which this notice also
 * describes to screen readers (`aria-describedby`), since a tooltip reaches neither a touch screen
 * nor a keyboard.
 */
export function WorkflowNotice(props: StringInputProps) {
  const t = useVersioningT()
  const moment = useMomentFormat()
  const version = (useFormValue([]) ?? null) as Json | null
  const status = props.value
  const refusals = useSignoffRefusals(version)
  const permissions = useSignoffPermissions()
  const staleness = useStaleness(version)
  const refusalId = useId()
  const ref = useRef<HTMLDivElement>(null)

  const stale = staleness?.stale ?? false
  const next = nextStep({status})
  const me =
    permissions && permissions !== 'unknown'
      ? {id: permissions.userId, reviewer: permissions.reviewer, publisher: permissions.publisher}
      : undefined
  const turn =
    me && typeof version?.number === 'number' && typeof version._id === 'string'
      ? turnFor(me, {
          id: version._id,
          number: version.number,
          status,
          stale,
          preparedBy: isObject(version.preparedBy) ? String(version.preparedBy.userId) : undefined,
        })
      : undefined
  const refusal =
    status === 'candidate' ? refusals.approve : status === 'approved' ? refusals.publish : undefined

  const step = (key: string, actor: unknown) => {
    if (!isObject(actor) || typeof actor.name !== 'string') return undefined
    const at = typeof actor.at === 'string' ? notInTheFuture(actor.at) : undefined
    return t(key, {name: actor.name, when: at ? moment(at) : '—'})
  }
  const last =
    status === 'published'
      ? step('workflow.last.published', version?.publication)
      : status === 'approved'
        ? step('workflow.last.approved', version?.approval)
        : step('workflow.last.prepared', version?.preparedBy)

  // The footer is Sanity's. Its button, named by its label (its test id follows the language), is
  // told by id which words describe it. Its "Edited …" line is hidden: it names the transaction's
  // author, the signing service, at the content source's time, where this notice names the
  // person who acted.
  const action = status === 'candidate' ? t('approve.label') : undefined
  useEffect(() => {
    const pane = ref.current?.closest('[data-testid="document-pane"]')
    if (!pane) return
    const describe = () => {
      const edited = pane.querySelector<HTMLElement>('[data-testid="pane-footer-document-status"]')
      if (edited && edited.style.display !== 'none') edited.style.display = 'none'
      if (!action) return
      const button = [...pane.querySelectorAll('[data-testid="pane-footer"] button')].find(
        (candidate) => candidate.textContent?.trim() === action,
      )
      if (!button) return
      if (!refusal) button.removeAttribute('aria-describedby')
      else if (button.getAttribute('aria-describedby') !== refusalId) {
        button.setAttribute('aria-describedby', refusalId)
      }
    }
    describe()
    // The footer draws its buttons again as the document changes.
    const observer = new MutationObserver(describe)
    observer.observe(pane, {childList: true, subtree: true})
    return () => observer.disconnect()
  }, [action, refusal, refusalId])

  if (!status) return null
  const tone = TONES[status as keyof typeof TONES] ?? 'default'
  return (
    <Card
      ref={ref}
      padding={3}
      radius={2}
      border
      tone={tone}
      data-testid="workflow-notice"
      role="status"
      aria-live="polite"
      // Where Sanity puts the focus when the version opens (its first focusable element): a
      // screen reader starts with where the version stands.
      tabIndex={0}
    >
      <Stack gap={3}>
        <Text size={1} weight="semibold" data-testid="version-status">
          {t(`status.${status}`)}
        </Text>
        {last && (
          <Text size={1} data-testid="workflow-last">
            {last}
          </Text>
        )}
        {stale && staleness && (
          <Text size={1} data-testid="workflow-stale">
            {t('workflow.stale', {sections: staleness.summary})}
          </Text>
        )}
        {next.step !== 'none' && (
          <Text size={1} data-testid="workflow-next">
            {t(`workflow.next.${next.step}`)}
          </Text>
        )}
        {turn && (
          <Text size={1} weight="semibold" data-testid="workflow-turn">
            {t(`workflow.yours.${turn}`)}
          </Text>
        )}
        {refusal && (
          <Text size={1} id={refusalId} data-testid="workflow-refusal">
            {t(status === 'candidate' ? 'workflow.cannot.approve' : 'workflow.cannot.publish', {
              reason: refusal,
            })}
          </Text>
        )}
      </Stack>
    </Card>
  )
}
