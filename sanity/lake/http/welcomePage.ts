import {createHash} from 'node:crypto'
import {escapeHtml, htmlPage} from '../../../lib/html'

import type {RouteRegistrar} from './app'
import type {LakeRouteContext} from './context'
import {writeHead} from './messages'

/**
 * The page at the lake's root. A person lands here from the Studio's notice after accepting the
 * self-signed certificate; it tells them, in both of the product's languages, that it worked and
 * how to get back to the Studio. It loads nothing from anywhere and allows nothing else to run.
 */

export interface WelcomePageOptions {
  /** The site's origin; the Studio is at `<siteOrigin>/studio`. */
  siteOrigin: string
  /** The HTTP/2 + TLS address the Studio uses, once it listens (none when it is off). */
  secureUrl: () => string | undefined
}

const STYLE = `
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}
body{margin:0 auto;max-width:38rem;padding:2rem 1.25rem}
section+section{border-top:1px solid #8884;margin-top:2rem;padding-top:1.5rem}
h1{font-size:1.4rem;margin:0 0 .75rem}
a.button{display:inline-block;padding:.5rem 1rem;border-radius:.375rem;background:#1f5fbf;color:#fff;text-decoration:none}
a.button:focus-visible{outline:3px solid #f0a202;outline-offset:2px}
code{font-size:.95em}
`

const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** Each part is HTML: the texts are fixed here, and the addresses in them are escaped. */
interface Texts {
  heading: string
  where: string
  next: string
  link: string
}

/** Over TLS the certificate was just accepted; over plain HTTP the person still has to do it. */
function texts(secure: boolean, secureUrl: string | undefined): {fr: Texts; en: Texts} {
  const url = secureUrl ? `<a href="${escapeHtml(secureUrl)}/">${escapeHtml(secureUrl)}</a>` : ''
  if (secure) {
    return {
      fr: {
        heading: 'Certificat accepté',
        where:
          'Vous êtes sur le serveur de contenu local de la politique de confidentialité. ' +
          'Votre navigateur fait maintenant confiance à son certificat&nbsp;: le Studio peut s’y connecter.',
        next: 'Retournez à l’onglet du Studio et appuyez sur «&nbsp;Check again&nbsp;» (vérifier de nouveau)&nbsp;: il se recharge. Vous pouvez fermer cet onglet-ci.',
        link: 'Ouvrir le Studio',
      },
      en: {
        heading: 'Certificate accepted',
        where:
          'This is the local content server of the privacy policy. ' +
          'Your browser now trusts its certificate, so the Studio can connect to it.',
        next: 'Go back to the Studio’s tab and press “Check again”: it reloads. You may close this tab.',
        link: 'Open the Studio',
      },
    }
  }
  return {
    fr: {
      heading: 'Serveur de contenu local',
      where:
        'Vous êtes sur le serveur de contenu local de la politique de confidentialité&nbsp;; le site le lit à cette adresse.',
      next: url
        ? `Le Studio passe par l’adresse sécurisée ${url}&nbsp;: ouvrez-la une fois et acceptez son certificat, puis retournez au Studio et appuyez sur «&nbsp;Check again&nbsp;» (vérifier de nouveau).`
        : 'Retournez au Studio.',
      link: 'Ouvrir le Studio',
    },
    en: {
      heading: 'Local content server',
      where:
        'This is the local content server of the privacy policy; the site reads it at this address.',
      next: url
        ? `The Studio uses the secure address ${url}: open it once and accept its certificate, then go back to the Studio and press “Check again”.`
        : 'Go back to the Studio.',
      link: 'Open the Studio',
    },
  }
}

export function welcomePageHtml(secure: boolean, options: WelcomePageOptions): string {
  const studio = escapeHtml(`${options.siteOrigin}/studio`)
  const {fr, en} = texts(secure, options.secureUrl())
  const section = (lang: string, t: Texts) => `<section lang="${lang}">
<h1>${t.heading}</h1>
<p>${t.where}</p>
<p>${t.next}</p>
<p><a class="button" href="${studio}">${t.link}</a></p>
</section>`
  return htmlPage({
    lang: 'fr',
    title: 'Serveur de contenu local · Local content server',
    style: STYLE,
    main: `${section('fr', fr)}\n${section('en', en)}`,
  })
}

export function welcomePage(options: WelcomePageOptions): RouteRegistrar {
  return (on) => {
    on('GET', '/', (ctx: LakeRouteContext) => {
      const secure = (ctx.req.socket as {encrypted?: boolean}).encrypted === true
      const body = welcomePageHtml(secure, options)
      writeHead(ctx.res, 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'content-security-policy': CSP,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'x-content-type-options': 'nosniff',
      })
      ctx.res.end(body)
    })
  }
}
