import {Card, Text} from '@sanity/ui'
import type {StringInputProps} from 'sanity'
import {useVersioningT} from './useVersioning'

/** A version's status, read-only, in the person's language (the workflow's actions change it). */
export function StatusInput(props: StringInputProps) {
  const t = useVersioningT()
  return (
    <Card padding={3} radius={2} border tone="transparent">
      <Text size={1} data-testid="version-status">
        {props.value ? t(`status.${props.value}`) : '—'}
      </Text>
    </Card>
  )
}
