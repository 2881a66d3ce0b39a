import {headers} from 'next/headers'
import {PresentationBridge} from './PresentationBridge'

/** The nonce of this response's Content-Security-Policy, which the proxy put on the request. */
async function cspNonce(): Promise<string | undefined> {
  const policy = (await headers()).get('content-security-policy') ?? ''
  return /'nonce-([^']+)'/.exec(policy)?.[1]
}

/**
 * What a page in preview adds for the Studio's Presentation tool. The tool's overlay injects its
 * styles at run time; the nonce (read by its styling library from this meta element) lets them
 * through the page's Content-Security-Policy without loosening it.
 */
export async function PreviewConnection() {
  const nonce = await cspNonce()
  return (
    <>
      {nonce && <meta property="csp-nonce" nonce={nonce} />}
      <PresentationBridge />
    </>
  )
}
