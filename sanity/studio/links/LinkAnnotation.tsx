import {LaunchIcon} from '@sanity/icons/Launch'
import {useTranslation, type BlockAnnotationProps} from 'sanity'
import {STUDIO_NAMESPACE} from '../i18n'
import {outboundLinkHost} from './linkRules'
import {studioSiteHosts} from './siteHosts'

/**
 * A link in the policy's text, marked with an arrow when it goes to another site, so that editors
 * see which links readers will find flagged as leaving the site (the words say so on hover and to
 * screen readers).
 */
export function LinkAnnotation(props: BlockAnnotationProps) {
  const {t} = useTranslation(STUDIO_NAMESPACE)
  const host = outboundLinkHost(props.value.href, studioSiteHosts())
  const notice = host && t('links.notice.outbound', {host})
  return (
    <span>
      {props.renderDefault(props)}
      {notice && (
        <span
          contentEditable={false}
          role="img"
          aria-label={notice}
          title={notice}
          data-testid="outbound-link-marker"
          style={{
            display: 'inline-block',
            marginLeft: '0.15em',
            verticalAlign: 'super',
            fontSize: '0.75em',
          }}
        >
          <LaunchIcon />
        </span>
      )}
    </span>
  )
}
