import {Box, Card, Flex, Stack, Text} from '@sanity/ui'
import {useEffect, useState} from 'react'
import {set, unset, useClient, useTranslation, type ArrayOfPrimitivesInputProps} from 'sanity'
import type {ChecklistItem} from '../../../lib/policy/checklist'
import {POLICY_CHECKLIST_QUERY} from '../../lib/queries'
import {asDomain} from '../../lib/queryResult'
import {STUDIO_NAMESPACE} from '../i18n'
import {VERSIONING_API_VERSION} from '../versioning/settings'
import {useChecklistLanguage} from './ChecklistCoverageView'

// A plain checkbox: it stays in its own row, whatever the fields around it
const CHECKBOX = {width: '1rem', height: '1rem', margin: '0.15rem 0 0', flex: 'none'} as const

type Loaded = {state: 'loading'} | {state: 'none'} | {state: 'ready'; items: ChecklistItem[]}

/**
 * A section's "covers" tags, as a list of the checklist's items to tick: the item's label, its
 * legal reference and what a section must say to cover it. Tags that name no item of the current
 * checklist (an item renamed or removed since) are listed so the editor can untick them.
 */
export function CoversInput(props: ArrayOfPrimitivesInputProps) {
  const {t} = useTranslation(STUDIO_NAMESPACE)
  const language = useChecklistLanguage()
  const client = useClient({apiVersion: VERSIONING_API_VERSION})
  const [loaded, setLoaded] = useState<Loaded>({state: 'loading'})
  const value = ((props.value ?? []) as unknown[]).filter(
    (tag): tag is string => typeof tag === 'string',
  )

  useEffect(() => {
    let current = true
    client
      .fetch(POLICY_CHECKLIST_QUERY, {}, {perspective: 'drafts'})
      .then((result) => {
        const checklist: {items?: ChecklistItem[]} | null = asDomain(result)
        if (!current) return
        // What the site gives on every page is covered whatever the sections say
        const items = checklist?.items?.filter((item) => !item.providedBySite)
        setLoaded(items ? {state: 'ready', items} : {state: 'none'})
      })
      .catch(() => current && setLoaded({state: 'none'}))
    return () => {
      current = false
    }
  }, [client])

  const toggle = (key: string, checked: boolean) => {
    const next = checked ? [...value, key] : value.filter((tag) => tag !== key)
    props.onChange(next.length > 0 ? set(next) : unset())
  }

  if (loaded.state === 'loading') return null
  if (loaded.state === 'none')
    return (
      <Card padding={3} radius={2} tone="transparent" border>
        <Text size={1} muted>
          {t('checklist.covers.no-checklist')}
        </Text>
      </Card>
    )
  const known = new Set(loaded.items.map((item) => item.key))
  const unknown = value.filter((tag) => !known.has(tag))
  return (
    <Stack gap={3} data-testid="section-covers">
      {loaded.items.map((item) => {
        const id = `${props.id}-${item.key}`
        return (
          <Flex gap={3} align="flex-start" key={item.key}>
            <input
              type="checkbox"
              id={id}
              style={CHECKBOX}
              checked={value.includes(item.key)}
              disabled={props.readOnly}
              onChange={(event) => toggle(item.key, event.currentTarget.checked)}
              data-checklist-item={item.key}
            />
            <Box flex={1}>
              <Stack gap={2}>
                <Text as="label" htmlFor={id} size={1} weight="semibold">
                  {item.label?.[language]}
                </Text>
                <Text size={1} muted>
                  {[item.reference?.[language], item.guidance?.[language]]
                    .filter(Boolean)
                    .join(' — ')}
                </Text>
              </Stack>
            </Box>
          </Flex>
        )
      })}
      {unknown.map((tag) => (
        <Flex gap={3} align="flex-start" key={tag}>
          <input
            type="checkbox"
            id={`${props.id}-${tag}`}
            style={CHECKBOX}
            checked
            disabled={props.readOnly}
            onChange={() => toggle(tag, false)}
          />
          <Text as="label" htmlFor={`${props.id}-${tag}`} size={1}>
            {t('checklist.covers.unknown', {tag})}
          </Text>
        </Flex>
      ))}
    </Stack>
  )
}
