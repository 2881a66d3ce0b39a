import {LaunchIcon} from '@sanity/icons'
import type {BlockAnnotationProps} from 'sanity'
import {outboundLinkNotice} from './linkRules'
import {studioSiteHosts} from './siteHosts'

/**
 * A link in the policy's text, marked with an arrow when it goes to another site, so that editors
 * see which links readers will find flagged as leaving the site (the words say so on hover and to
 * screen readers).
 */
export function LinkAnnotation(props: BlockAnnotationProps) {
  const notice = outboundLinkNotice(props.value.href, studioSiteHosts())
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
