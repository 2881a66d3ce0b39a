import {Button, Stack} from '@sanity/ui'
import {set, useTranslation, type StringInputProps} from 'sanity'
import {STUDIO_NAMESPACE} from '../i18n'
import {linkAddressProblem} from './linkRules'
import {studioSiteHosts} from './siteHosts'

/**
 * The link's address field, with the corrected address one click away when the address lacks its
 * https:// (or mailto:). The validation message under the field says why.
 */
export function LinkAddressInput(props: StringInputProps) {
  const {t} = useTranslation(STUDIO_NAMESPACE)
  const fix = linkAddressProblem(props.value, studioSiteHosts())?.fix
  return (
    <Stack gap={2}>
      {props.renderDefault(props)}
      {fix && (
        <Button
          mode="ghost"
          tone="primary"
          fontSize={1}
          padding={2}
          text={t('links.fix.use', {fix})}
          data-testid="link-address-fix"
          onClick={() => props.onChange(set(fix))}
        />
      )}
    </Stack>
  )
}
