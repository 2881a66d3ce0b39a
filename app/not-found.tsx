import './globals.css'
import {getPathname} from '@/i18n/navigation'
import en from '@/messages/en.json'
import fr from '@/messages/fr.json'

// Only reached for addresses outside any language (the proxy adds one to almost everything), so
// the language is unknown: say it in both. It must not touch next-intl's request locale, since
// Next renders this boundary alongside every page.
export default function GlobalNotFound() {
  return (
    <html lang="fr">
      <body>
        <main id="main" className="site-main message-page">
          <title>{`${fr.NotFound.metaTitle} · ${en.NotFound.metaTitle}`}</title>
          <h1>{fr.NotFound.title}</h1>
          <p>{fr.NotFound.description}</p>
          <p>
            <a href={getPathname({href: '/privacy-policy', locale: 'fr'})}>
              {fr.NotFound.backToPolicy}
            </a>
          </p>
          <div lang="en">
            <h2>{en.NotFound.title}</h2>
            <p>{en.NotFound.description}</p>
            <p>
              <a href={getPathname({href: '/privacy-policy', locale: 'en'})}>
                {en.NotFound.backToPolicy}
              </a>
            </p>
          </div>
        </main>
      </body>
    </html>
  )
}
