import {Card, Flex, Stack, Text} from '@sanity/ui'
import type {ComponentType, ReactNode} from 'react'

/**
 * A notice in a Studio dialog or view: a tone, an icon and a title in bold, then what it says
 * (a list, a paragraph, a choice to make).
 */
export function Callout({
  tone,
  icon: Icon,
  title,
  testId,
  border = true,
  children,
}: {
  tone: 'critical' | 'caution' | 'primary'
  icon: ComponentType
  title: string
  testId: string
  border?: boolean
  children: ReactNode
}) {
  return (
    <Card tone={tone} padding={3} radius={2} border={border} data-testid={testId}>
      <Stack gap={3}>
        <Flex gap={2} align="center">
          <Text size={1}>
            <Icon />
          </Text>
          <Text size={1} weight="semibold">
            {title}
          </Text>
        </Flex>
        {children}
      </Stack>
    </Card>
  )
}

/** A notice's list of points. */
export function CalloutList({children}: {children: ReactNode}) {
  return (
    <Stack as="ul" gap={2} style={{margin: 0, paddingLeft: '1.25em'}}>
      {children}
    </Stack>
  )
}
