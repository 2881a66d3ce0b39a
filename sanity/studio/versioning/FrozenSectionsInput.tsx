import {Card, Stack, Text} from '@sanity/ui'
import type {ArrayOfObjectsInputProps} from 'sanity'
import {useChecklistLanguage} from '../checklist/ChecklistCoverageView'
import {useVersioningT} from './useVersioning'

interface FrozenSection {
  _key?: string
  key?: string
  title?: {fr?: string; en?: string}
}

/**
 * A version's sections, frozen when it was prepared: listed by title in the Studio's language,
 * in order, with nothing to drag, add or remove, since nothing here can change. What changed is
 * in the comparison, one tab away.
 */
export function FrozenSectionsInput(props: ArrayOfObjectsInputProps) {
  const t = useVersioningT()
  const language = useChecklistLanguage()
  const sections = (props.value ?? []) as FrozenSection[]
  return (
    <Card padding={3} radius={2} border tone="transparent" data-testid="frozen-sections">
      <Stack as="ol" gap={2} style={{margin: 0, paddingLeft: '1.5em'}}>
        {sections.map((section, index) => (
          <Text as="li" size={1} key={section._key ?? section.key ?? index}>
            {section.title?.[language] ?? t('compare.proposal.missing')}
            {section.key ? (
              <Text as="span" size={1} muted>
                {` #${section.key}`}
              </Text>
            ) : null}
          </Text>
        ))}
      </Stack>
    </Card>
  )
}
