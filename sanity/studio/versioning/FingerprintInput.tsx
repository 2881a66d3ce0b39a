import {CopyIcon} from '@sanity/icons/Copy'
import {Button, Card, Flex, Text} from '@sanity/ui'
import {useToast} from '@sanity/ui/toast'
import type {StringInputProps} from 'sanity'
import {useVersioningT} from './useVersioning'

/**
 * A fingerprint, read-only: in full, selectable, and copied with one click for whoever checks the
 * record against the site's public history.
 */
export function FingerprintInput(props: StringInputProps) {
  const t = useVersioningT()
  const toast = useToast()
  if (!props.value) return null
  const value = props.value
  return (
    <Card padding={3} radius={2} border tone="transparent">
      <Flex gap={2} align="center">
        <Text
          size={1}
          style={{fontFamily: 'monospace', wordBreak: 'break-all', userSelect: 'all'}}
          data-testid={`fingerprint-${props.id}`}
        >
          {value}
        </Text>
        <Button
          mode="bleed"
          icon={CopyIcon}
          aria-label={t('schema.fingerprint.copy')}
          title={t('schema.fingerprint.copy')}
          onClick={() =>
            void navigator.clipboard
              .writeText(value)
              .then(() => toast.push({status: 'success', title: t('schema.fingerprint.copied')}))
          }
        />
      </Flex>
    </Card>
  )
}
