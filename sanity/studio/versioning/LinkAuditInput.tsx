import {Card, Stack, Text} from '@sanity/ui'
import type {ObjectInputProps} from 'sanity'
import {useVersioningT} from './useVersioning'

interface AuditedLink {
  _key?: string
  host?: string
  url?: string
  text?: string
  sectionKey?: string
  language?: string
}

/**
 * The links a version sends readers to on other sites, read as sentences: the linked words, the
 * site, where in the policy and in which language, with the address to follow. The site's own
 * hosts, which the list was computed with, are in the signed record.
 */
export function LinkAuditInput(props: ObjectInputProps) {
  const t = useVersioningT()
  const links = ((props.value as {links?: AuditedLink[]} | undefined)?.links ?? []) as AuditedLink[]
  if (!props.value) {
    return (
      <Text size={1} muted>
        {t('schema.linkAudit.pending')}
      </Text>
    )
  }
  return (
    <Card padding={3} radius={2} border tone="transparent" data-testid="link-audit">
      {links.length === 0 ? (
        <Text size={1}>{t('schema.linkAudit.none')}</Text>
      ) : (
        <Stack as="ul" gap={3} style={{margin: 0, paddingLeft: '1.25em'}}>
          {links.map((link, index) => (
            <Text as="li" size={1} key={link._key ?? index}>
              {t('schema.linkAudit.link', {
                text: link.text ?? '',
                host: link.host ?? '',
                where: link.sectionKey ? `#${link.sectionKey}` : t('schema.linkAudit.introduction'),
                language:
                  link.language === 'fr' || link.language === 'en'
                    ? t(`language.${link.language}`)
                    : '',
              })}{' '}
              {link.url && (
                <a href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.url}
                </a>
              )}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  )
}
